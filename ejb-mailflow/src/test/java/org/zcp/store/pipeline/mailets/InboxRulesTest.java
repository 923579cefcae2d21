package org.zcp.store.pipeline.mailets;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.james.core.MaybeSender;
import org.apache.james.server.core.MailImpl;
import org.apache.mailet.Mail;
import org.apache.mailet.MailetContext;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.api.rules.RuleAction;
import org.zcp.store.api.rules.RuleCondition;
import org.zcp.store.config.ServerSettings;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.directory.Directory;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MimeToMapi;
import org.zcp.plugin.MailAttributes;
import org.zcp.store.pipeline.PipelineContext;
import org.zcp.store.pipeline.Services;
import org.zcp.store.api.DeliveryRules;

/** The rules mailet: what it sends (forward, redirect), loop protection and the mail attributes it sets. */
class InboxRulesTest {
    static final long USER = 42;
    static final String FOLDER = "00000000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0000000000000010";
    static final String COPY = "00000000AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA0000000000000011";
    static final String ORIGINAL = "From: \"Alice Boss\" <alice@corp.example>\r\n"
            + "To: John Doe <john@example.com>\r\n"
            + "Subject: Quarterly report\r\n"
            + "Date: Mon, 3 Jun 2024 10:00:00 +0200\r\n"
            + "Message-ID: <orig-1@corp.example>\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: text/plain; charset=UTF-8\r\n"
            + "\r\n"
            + "The numbers are in.\r\n";

    static final DirEntry JOHN = new DirEntry(USER, "x", ObjectClass.ACTIVE_USER, 0,
            Map.of(Attr.NAME, "john", Attr.FULLNAME, "John Doe", Attr.EMAIL, "john@example.com"));

    static MimeMessage parse(String text) throws Exception {
        return MimeToMapi.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MimeMessage reparse(MimeMessage m) throws Exception {
        return MimeToMapi.parse(new ByteArrayInputStream(MapiToMime.toBytes(m)));
    }

    static InternetAddress john() {
        return InboxRules.userAddress(JOHN);
    }

    // ---- forward --------------------------------------------------------------------------------

    @Test
    void aForwardIsANewMessageWithTheOriginalAttached() throws Exception {
        MimeMessage fw = reparse(InboxRules.forward(parse(ORIGINAL), john(), List.of("x@elsewhere.example",
                "y@elsewhere.example"), true, 1_700_000_000_000L));
        assertThat(((InternetAddress) fw.getFrom()[0]).getAddress()).isEqualTo("john@example.com");
        assertThat(((InternetAddress) fw.getFrom()[0]).getPersonal()).isEqualTo("John Doe");
        assertThat(fw.getRecipients(RecipientType.TO)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("x@elsewhere.example", "y@elsewhere.example");
        assertThat(fw.getSubject()).isEqualTo("FW: Quarterly report");
        assertThat(fw.getHeader(InboxRules.RULE_HEADER)).containsExactly("forward");
        assertThat(fw.getMessageID()).isNotEqualTo("<orig-1@corp.example>");
        assertThat(fw.getSentDate().getTime()).isEqualTo(1_700_000_000_000L);

        MimeMultipart mixed = (MimeMultipart) fw.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        assertThat(mixed.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) mixed.getBodyPart(0).getContent()).contains("forwarded automatically")
                .contains("From: \"Alice Boss\" <alice@corp.example>").contains("Subject: Quarterly report");
        var attached = mixed.getBodyPart(1);
        assertThat(attached.isMimeType("message/rfc822")).isTrue();
        assertThat(attached.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attached.getFileName()).isEqualTo("Quarterly report.eml");
        MimeMessage inner;
        try (InputStream in = attached.getInputStream()) {
            inner = MimeToMapi.parse(in);
        }
        assertThat(inner.getMessageID()).isEqualTo("<orig-1@corp.example>");
        assertThat(inner.getSubject()).isEqualTo("Quarterly report");
        assertThat(((String) inner.getContent()).trim()).isEqualTo("The numbers are in.");
    }

    @Test
    void aForwardWithoutRuleHeadersHasNone() throws Exception {
        MimeMessage fw = reparse(InboxRules.forward(parse(ORIGINAL), john(), List.of("x@elsewhere.example"), false, 1));
        assertThat(fw.getHeader(InboxRules.RULE_HEADER)).isNull();
    }

    @Test
    void aMessageWithoutSubjectIsForwardedAsFw() throws Exception {
        MimeMessage fw = reparse(InboxRules.forward(parse("From: a@b.example\r\n\r\nx\r\n"), john(),
                List.of("x@elsewhere.example"), false, 1));
        assertThat(fw.getSubject()).isEqualTo("FW:");
        assertThat(((MimeMultipart) fw.getContent()).getBodyPart(1).getFileName()).isEqualTo("message.eml");
    }

    // ---- redirect -------------------------------------------------------------------------------

    @Test
    void aRedirectIsTheOriginalWithResentHeaders() throws Exception {
        MimeMessage original = parse(ORIGINAL);
        MimeMessage r = reparse(InboxRules.redirect(original, john(), List.of("x@elsewhere.example",
                "y@elsewhere.example"), true, 1_700_000_000_000L));
        assertThat(r.getMessageID()).isEqualTo("<orig-1@corp.example>");
        assertThat(r.getHeader("From", null)).isEqualTo("\"Alice Boss\" <alice@corp.example>");
        assertThat(r.getSubject()).isEqualTo("Quarterly report");
        assertThat(((String) r.getContent()).trim()).isEqualTo("The numbers are in.");
        assertThat(r.getHeader("Resent-From", null)).isEqualTo("John Doe <john@example.com>");
        assertThat(r.getHeader("Resent-To", null)).isEqualTo("x@elsewhere.example, y@elsewhere.example");
        assertThat(r.getHeader("Resent-Date")).hasSize(1);
        assertThat(r.getHeader("Resent-Message-ID", null)).endsWith("@example.com>");
        assertThat(r.getHeader(InboxRules.RULE_HEADER)).containsExactly("redirect");
        assertThat(original.getHeader("Resent-From")).as("the delivered message is untouched").isNull();
    }

    @Test
    void aRedirectWithoutRuleHeadersHasNone() throws Exception {
        MimeMessage r = reparse(InboxRules.redirect(parse(ORIGINAL), john(), List.of("x@elsewhere.example"), false, 1));
        assertThat(r.getHeader(InboxRules.RULE_HEADER)).isNull();
        assertThat(r.getHeader("Resent-From")).hasSize(1);
    }

    // ---- loop protection --------------------------------------------------------------------------

    @Test
    void theUsersOwnAddressesAndDuplicatesAreNoTargets() {
        List<String> own = List.of("john@example.com", "j.doe@example.com");
        assertThat(InboxRules.targets(List.of("JOHN@example.com", "Bob <bob@x.example>", "bob@X.example", " ",
                "j.doe@example.com", "carol@y.example"), own)).containsExactly("bob@x.example", "carol@y.example");
    }

    @Test
    void aMessageSentByRulesIsRecognised() throws Exception {
        assertThat(InboxRules.byRule(parse(ORIGINAL))).isFalse();
        assertThat(InboxRules.byRule(parse("X-Zarafa-Rule-Action: forward\r\n" + ORIGINAL))).isTrue();
    }

    @Test
    void aRedirectOrForwardOfTheUserThatCameBackIsRecognised() throws Exception {
        List<String> own = List.of("john@example.com");
        assertThat(InboxRules.cameBack(parse(ORIGINAL), own)).isFalse();
        assertThat(InboxRules.cameBack(parse("Resent-From: John <JOHN@example.com>\r\n" + ORIGINAL), own)).isTrue();
        assertThat(InboxRules.cameBack(parse("Resent-From: other@x.example\r\n" + ORIGINAL), own)).isFalse();
        String fromJohn = ORIGINAL.replace("\"Alice Boss\" <alice@corp.example>", "john@example.com");
        assertThat(InboxRules.cameBack(parse(fromJohn), own)).as("the user's own mail").isFalse();
        assertThat(InboxRules.cameBack(parse("X-Zarafa-Rule-Action: forward\r\n" + fromJohn), own)).isTrue();
    }

    // ---- the mailet -------------------------------------------------------------------------------

    /** What the mailet sent. */
    record Sent(long owner, MaybeSender from, List<String> to, MimeMessage mime) {
    }

    static final class Fixture {
        final List<Sent> sent = new ArrayList<>();
        List<Rule> rules = List.of();
        Map<String, String> dagent = Map.of();

        InboxRules mailet() throws Exception {
            ServerSettings settings = DagentSettings.of(dagent);
            Directory directory = new Directory() {
                @Override
                public DirEntry require(long id) {
                    assertThat(id).isEqualTo(USER);
                    return JOHN;
                }
            };
            DeliveryRules service = userId -> {
                assertThat(userId).isEqualTo(USER);
                return rules;
            };
            Services services = new Services(settings, directory,
                    (owner, from, to, mime) -> sent.add(new Sent(owner, from, to, mime)), service);
            PipelineContext context = new PipelineContext("test", services);
            InboxRules m = new InboxRules();
            m.init(Plugins.config("InboxRules", context));
            return m;
        }
    }

    static Mail mail(String text) throws Exception {
        Mail mail = MailImpl.builder().name("m1").sender("bounce@corp.example").addRecipient("john@example.com")
                .mimeMessage(parse(text)).build();
        MailAttributes.set(mail, MailAttributes.USER, USER);
        return mail;
    }

    static Rule rule(String name, RuleCondition c, RuleAction... actions) {
        return new Rule(name, 1, c, actions);
    }

    @Test
    void moveCopyAndMarkReadBecomeDeliveryAttributes() throws Exception {
        Fixture f = new Fixture();
        f.rules = List.of(rule("boss", null, RuleAction.move(FOLDER), RuleAction.copy(COPY), RuleAction.markRead()));
        Mail mail = mail(ORIGINAL);
        f.mailet().service(mail);
        assertThat(MailAttributes.string(mail, MailAttributes.FOLDER_ID)).contains(FOLDER);
        assertThat(MailAttributes.string(mail, MailAttributes.COPIES)).contains(COPY);
        assertThat(MailAttributes.flag(mail, MailAttributes.READ)).isTrue();
        assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
        assertThat(f.sent).isEmpty();
    }

    @Test
    void deleteDiscardsAfterForwarding() throws Exception {
        Fixture f = new Fixture();
        f.rules = List.of(rule("away", null, RuleAction.forward("x@elsewhere.example", "john@example.com"),
                RuleAction.redirect("y@elsewhere.example"), RuleAction.delete()));
        Mail mail = mail(ORIGINAL);
        f.mailet().service(mail);
        assertThat(mail.getState()).isEqualTo(Mail.GHOST);
        assertThat(MailAttributes.string(mail, MailAttributes.DISCARDED)).contains("deleted by rule away");
        assertThat(f.sent).hasSize(2);
        Sent fw = f.sent.get(0);
        assertThat(fw.owner()).isEqualTo(USER);
        assertThat(fw.from().asString()).isEqualTo("john@example.com");
        assertThat(fw.to()).as("never to the user's own address").containsExactly("x@elsewhere.example");
        assertThat(fw.mime().getSubject()).isEqualTo("FW: Quarterly report");
        assertThat(fw.mime().getHeader(InboxRules.RULE_HEADER)).as("set_rule_headers defaults to yes")
                .containsExactly("forward");
        Sent rd = f.sent.get(1);
        assertThat(rd.to()).containsExactly("y@elsewhere.example");
        assertThat(rd.mime().getMessageID()).isEqualTo("<orig-1@corp.example>");
        assertThat(rd.mime().getHeader(InboxRules.RULE_HEADER)).containsExactly("redirect");
    }

    @Test
    void setRuleHeadersNoLeavesThemOut() throws Exception {
        Fixture f = new Fixture();
        f.dagent = Map.of("set_rule_headers", "no");
        f.rules = List.of(rule("fw", null, RuleAction.forward("x@elsewhere.example")));
        f.mailet().service(mail(ORIGINAL));
        assertThat(f.sent).hasSize(1);
        assertThat(f.sent.get(0).mime().getHeader(InboxRules.RULE_HEADER)).isNull();
    }

    @Test
    void noDoubleForwardRefusesWhatARuleForwarded() throws Exception {
        String forwarded = "X-Zarafa-Rule-Action: forward\r\n" + ORIGINAL;
        Fixture f = new Fixture();
        f.rules = List.of(rule("fw", null, RuleAction.forward("x@elsewhere.example"),
                RuleAction.redirect("y@elsewhere.example"), RuleAction.move(FOLDER)));
        Mail mail = mail(forwarded);
        f.mailet().service(mail);
        assertThat(f.sent).as("no_double_forward defaults to no").hasSize(2);

        f.sent.clear();
        f.dagent = Map.of("no_double_forward", "yes");
        mail = mail(forwarded);
        f.mailet().service(mail);
        assertThat(f.sent).isEmpty();
        assertThat(MailAttributes.string(mail, MailAttributes.FOLDER_ID)).as("the other actions still apply")
                .contains(FOLDER);

        mail = mail(ORIGINAL);
        f.mailet().service(mail);
        assertThat(f.sent).as("a message no rule sent is forwarded").hasSize(2);
    }

    @Test
    void rulesRunOnlyForTheInbox() throws Exception {
        Fixture f = new Fixture();
        f.rules = List.of(rule("all", null, RuleAction.delete()));
        InboxRules m = f.mailet();
        Mail toFolder = mail(ORIGINAL);
        MailAttributes.set(toFolder, MailAttributes.FOLDER, "Projects");
        Mail toId = mail(ORIGINAL);
        MailAttributes.set(toId, MailAttributes.FOLDER_ID, FOLDER);
        Mail toPublic = mail(ORIGINAL);
        MailAttributes.set(toPublic, MailAttributes.PUBLIC_FOLDER, "Shared");
        Mail junk = mail(ORIGINAL);
        MailAttributes.set(junk, MailAttributes.JUNK, true);
        for (Mail mail : List.of(toFolder, toId, toPublic, junk)) {
            m.service(mail);
            assertThat(mail.getState()).isNotEqualTo(Mail.GHOST);
            assertThat(MailAttributes.string(mail, MailAttributes.DISCARDED)).isEmpty();
        }
        Mail inbox = mail(ORIGINAL);
        m.service(inbox);
        assertThat(inbox.getState()).isEqualTo(Mail.GHOST);
    }

    @Test
    void nonMatchingRulesChangeNothing() throws Exception {
        Fixture f = new Fixture();
        RuleCondition c = new RuleCondition();
        c.subjectContains = List.of("holiday");
        f.rules = List.of(rule("h", c, RuleAction.move(FOLDER), RuleAction.forward("x@elsewhere.example")));
        Mail mail = mail(ORIGINAL);
        f.mailet().service(mail);
        assertThat(mail.getAttribute(MailAttributes.FOLDER_ID)).isEmpty();
        assertThat(f.sent).isEmpty();
    }

    @Test
    void aRedirectThatCameBackIsNotSentAgain() throws Exception {
        Fixture f = new Fixture();
        f.rules = List.of(rule("rd", null, RuleAction.redirect("y@elsewhere.example")));
        f.mailet().service(mail("Resent-From: john@example.com\r\n" + ORIGINAL));
        assertThat(f.sent).isEmpty();
    }
}
