package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import jakarta.activation.DataHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.HeaderMatch;
import org.zcp.api.soap.Rule;
import org.zcp.api.soap.RuleAction;
import org.zcp.api.soap.RuleCondition;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.TableQuery;
import org.zcp.api.soap.ZarafaCmd;

/** Server-side rules stored with the Inbox and run at delivery. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RulesIT {
    static ZarafaCmd c;
    static String admin;
    static String company;
    static SmtpSink sink;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
        sink = SmtpSink.get();
    }

    static DeliveryResult deliver(String to, String from, String subject, String extra) throws Exception {
        String raw = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@remote.example>\r\n" + (extra == null ? "" : extra + "\r\n") + "\r\nHello\r\n";
        return c.deliverMessage(admin, to, from, new DataHandler(new StoreSoapIT.BytesSource(
                raw.getBytes(StandardCharsets.UTF_8))), null, false, false);
    }

    static RuleCondition subject(String s) {
        RuleCondition c = new RuleCondition();
        c.subjectContains.add(s);
        return c;
    }

    static List<String> subjects(String session, String folder) throws Exception {
        return Fixture.subjects(c.queryContents(session, folder, Fixture.columns(PropTag.PR_SUBJECT)));
    }

    @Test
    void rulesMoveCopyDeleteMarkReadForwardAndRedirect() throws Exception {
        String login = ItServer.user(admin, company, "ruler");
        String s = ItServer.logon(login, ItServer.password(login));
        String me = c.getUser(admin, login).email;
        StoreInfo store = c.getStore(s, null);
        String invoices = c.createFolder(s, store.ipmSubtreeId, "Invoices", "IPF.Note", false);
        String archive = c.createFolder(s, store.ipmSubtreeId, "Archive", "IPF.Note", false);
        RuleCondition spammer = new RuleCondition();
        spammer.fromContains.add("pest@");
        RuleCondition tagged = new RuleCondition();
        tagged.headers.add(new HeaderMatch());
        tagged.headers.get(0).name = "X-Project";
        tagged.headers.get(0).contains = "apollo";
        String fwd = "boss-" + UUID.randomUUID().toString().substring(0, 6) + "@remote.example";
        String red = "assistant-" + UUID.randomUUID().toString().substring(0, 6) + "@remote.example";
        c.setRules(s, store.inboxId, List.of(
                new Rule("invoices", 1, subject("invoice"), RuleAction.move(invoices), RuleAction.markRead()),
                new Rule("pest", 2, spammer, RuleAction.delete()),
                new Rule("apollo", 3, tagged, RuleAction.copy(archive)),
                new Rule("forward", 4, subject("urgent"), RuleAction.forward(fwd)),
                new Rule("redirect", 5, subject("travel"), RuleAction.redirect(red))));
        assertThat(c.getRules(s, store.inboxId)).extracting(r -> r.name)
                .containsExactly("invoices", "pest", "apollo", "forward", "redirect");

        assertThat(deliver(me, "shop@remote.example", "Your Invoice 42", null).status).isEqualTo(DeliveryResult.DELIVERED);
        DeliveryResult dropped = deliver(me, "pest@remote.example", "Buy now", null);
        assertThat(dropped.status).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(dropped.messageId).isNull();
        deliver(me, "team@remote.example", "Status", "X-Project: Apollo 11");
        deliver(me, "ceo@remote.example", "Urgent: call me", null);
        deliver(me, "agency@remote.example", "Travel plans", null);

        assertThat(subjects(s, invoices)).containsExactly("Your Invoice 42");
        TableQuery flags = Fixture.columns(PropTag.PR_MESSAGE_FLAGS);
        assertThat(c.queryContents(s, invoices, flags).rows.get(0).props.get(0).l & PropTag.MSGFLAG_READ).isNotZero();
        assertThat(subjects(s, archive)).containsExactly("Status");
        assertThat(subjects(s, store.inboxId)).containsExactlyInAnyOrder("Status", "Urgent: call me", "Travel plans");

        SmtpSink.Received forward = sink.await(r -> r.to().contains(fwd), 20);
        assertThat(forward.data()).contains("Subject: FW: Urgent: call me").contains("X-Zarafa-Rule-Action: forward")
                .contains(me);
        SmtpSink.Received redirect = sink.await(r -> r.to().contains(red), 20);
        assertThat(redirect.data()).contains("Subject: Travel plans").contains("From: agency@remote.example")
                .contains("Resent-From:").contains("X-Zarafa-Rule-Action: redirect");
    }

    @Test
    void rulesLiveOnTheInboxAndOnlyItsOwnerSetsThem() throws Exception {
        String login = ItServer.user(admin, company, "owner");
        String s = ItServer.logon(login, ItServer.password(login));
        StoreInfo store = c.getStore(s, null);
        Map<String, String> folders = Fixture.folders(c, s, store.ipmSubtreeId);
        assertFault(() -> c.setRules(s, folders.get("Drafts"), List.of(new Rule("x", 1, subject("a"),
                RuleAction.markRead()))), "MAPI_E_INVALID_PARAMETER");
        assertFault(() -> c.setRules(s, store.inboxId, List.of(new Rule("bad", 1, subject("a"),
                RuleAction.forward("not an address")))), "MAPI_E_INVALID_PARAMETER");
        String other = ItServer.user(admin, company, "intruder");
        String os = ItServer.logon(other, ItServer.password(other));
        assertFault(() -> c.setRules(os, store.inboxId, List.of()), "MAPI_E_NO_ACCESS");
        c.setRules(s, store.inboxId, List.of(new Rule("x", 1, subject("a"), RuleAction.markRead())));
        c.setRules(s, store.inboxId, List.of());
        assertThat(c.getRules(s, store.inboxId)).isEmpty();
    }
}
