package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.ZarafaCmd;

/** The autoresponder (manual 4.5): one reply per sender, none to system addresses or for Cc. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutOfOfficeIT {
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

    static String away(String name) throws Exception {
        String login = ItServer.user(admin, company, name);
        String s = ItServer.logon(login, ItServer.password(login));
        c.setProps(s, c.getStore(s, null).storeId, List.of(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, true),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "On holiday"),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_MSG, "Back on Monday.\nGrüße")));
        return c.getUser(admin, login).email;
    }

    static void deliver(String rcpt, String from, String to, String cc, String subject, String extraHeader)
            throws Exception {
        String raw = "From: " + from + "\r\nTo: " + to + "\r\n" + (cc == null ? "" : "Cc: " + cc + "\r\n")
                + (extraHeader == null ? "" : extraHeader + "\r\n") + "Subject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@remote.example>\r\n\r\nHello\r\n";
        DeliveryResult r = c.deliverMessage(admin, rcpt, from, new DataHandler(new StoreSoapIT.BytesSource(
                raw.getBytes(StandardCharsets.UTF_8))), null, false, false);
        assertThat(r.status).isEqualTo(DeliveryResult.DELIVERED);
    }

    @Test
    void twoMessagesFromOneSenderGetOneReply() throws Exception {
        String me = away("holly");
        String sender = "friend-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.example";
        deliver(me, sender, me, null, "First", null);
        deliver(me, sender, me, null, "Second", null);
        SmtpSink.Received reply = sink.await(r -> r.to().contains(sender), 20);
        assertThat(reply.from()).isEmpty();
        assertThat(reply.data()).contains("X-Zarafa-Vacation: autorespond").contains("Auto-Submitted: auto-replied")
                .contains("Subject: On holiday [First]").contains("Back on Monday.").contains("From: Holly Tester <" + me + ">");
        Thread.sleep(3000);
        assertThat(sink.count(r -> r.to().contains(sender))).isEqualTo(1);
    }

    @Test
    void noReplyToSystemAddressesCcOrAutomaticMail() throws Exception {
        String me = away("ivy");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        deliver(me, "postmaster@remote-" + tag + ".example", me, null, "Report", null);
        deliver(me, "MAILER-DAEMON@remote-" + tag + ".example", me, null, "Bounce", null);
        deliver(me, "list-" + tag + "@remote.example", "team@remote.example", me, "Only in Cc", null);
        deliver(me, "bulk-" + tag + "@remote.example", me, null, "Newsletter", "Precedence: bulk");
        deliver(me, "robot-" + tag + "@remote.example", me, null, "Robot", "Auto-Submitted: auto-generated");
        deliver(me, me, me, null, "To myself", null);
        // a message that does get a reply, after the others: once it is out, the others had their chance
        String control = "control-" + tag + "@remote.example";
        deliver(me, control, me, null, "Control", null);
        sink.await(r -> r.to().contains(control), 20);
        Thread.sleep(2000);
        assertThat(sink.count(r -> r.data().contains("On holiday") && r.to().stream().anyMatch(
                t -> t.contains(tag) && !t.equals(control)))).isZero();
        assertThat(sink.count(r -> r.to().contains(me))).isZero();
    }

    @Test
    void offMeansNoReply() throws Exception {
        String login = ItServer.user(admin, company, "jack");
        String me = c.getUser(admin, login).email;
        String sender = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.example";
        deliver(me, sender, me, null, "Hello", null);
        String control = away("kim");
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.example";
        deliver(control, other, control, null, "Hello", null);
        sink.await(r -> r.to().contains(other), 20);
        Thread.sleep(1000);
        assertThat(sink.count(r -> r.to().contains(sender))).isZero();
    }
}
