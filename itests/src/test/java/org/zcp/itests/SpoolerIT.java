package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.mapi.Rights;
import org.zcp.api.soap.AclEntry;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/**
 * The spooler (manual 4.9, 8.3.5): a submitted message reaches the SMTP relay with the right
 * headers and lands in Sent Items; refusals come back as Undeliverable; send-as and
 * send-on-behalf decide From and Sender; over soft quota nothing is sent.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SpoolerIT {
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

    record Mailbox(String login, String session, StoreInfo store, Map<String, String> folders, String email) {
    }

    static Mailbox mailbox(String name) throws Exception {
        String login = ItServer.user(admin, company, name);
        String s = ItServer.logon(login, ItServer.password(login));
        StoreInfo store = c.getStore(s, null);
        return new Mailbox(login, s, store, Fixture.folders(c, s, store.ipmSubtreeId), c.getUser(admin, login).email);
    }

    static Message message(String subject) {
        Message m = Fixture.message(subject, 0);
        m.recipients = new java.util.ArrayList<>();
        m.attachments = new java.util.ArrayList<>();
        return m;
    }

    static String draft(Mailbox box, String subject, String... to) throws Exception {
        Message m = message(subject);
        m.props.removeIf(p -> p.tag == PropTag.PR_SENDER_NAME || p.tag == PropTag.PR_MESSAGE_DELIVERY_TIME);
        for (String t : to) m.recipients.add(Fixture.recipient(t, t, PropTag.MAPI_TO));
        return c.createMessage(box.session, box.folders.get("Outbox"), m, false);
    }

    static List<String> subjects(Mailbox box, String folder) throws Exception {
        return Fixture.subjects(c.queryContents(box.session, box.folders.get(folder), Fixture.columns(PropTag.PR_SUBJECT)));
    }

    static void awaitSubject(Mailbox box, String folder, String subject) throws Exception {
        for (int i = 0; i < 200 && !subjects(box, folder).contains(subject); i++) Thread.sleep(100);
        assertThat(subjects(box, folder)).contains(subject);
    }

    @Test
    void aSubmittedMessageReachesTheRelayAndMovesToSentItems() throws Exception {
        Mailbox anna = mailbox("anna");
        String subject = "Quarterly figures " + UUID.randomUUID();
        String id = draft(anna, subject, "bob@remote.example", "carol@remote.example");
        c.submitMessage(anna.session, id);

        SmtpSink.Received r = sink.await(m -> m.data().contains(subject), 20);
        assertThat(r.from()).isEqualTo(anna.email);
        assertThat(r.to()).containsExactly("bob@remote.example", "carol@remote.example");
        assertThat(r.data()).contains("From: Anna Tester <" + anna.email + ">").contains("Subject: " + subject)
                .contains("bob@remote.example").contains("Body of " + subject).doesNotContain("Sender:");
        awaitSubject(anna, "Sent Items", subject);
        assertThat(subjects(anna, "Outbox")).doesNotContain(subject);
        assertThat(subjects(anna, "Inbox")).noneMatch(s -> s.startsWith("Undeliverable"));
    }

    @Test
    void aRefusedRecipientProducesAnUndeliverableReport() throws Exception {
        Mailbox ben = mailbox("ben");
        String subject = "Partly refused " + UUID.randomUUID();
        c.submitMessage(ben.session, draft(ben, subject, "refused-x@remote.example", "dave@remote.example"));

        SmtpSink.Received r = sink.await(m -> m.data().contains(subject), 20);
        assertThat(r.to()).containsExactly("dave@remote.example");
        awaitSubject(ben, "Inbox", "Undeliverable: " + subject);
        awaitSubject(ben, "Sent Items", subject);
        String ndr = c.queryContents(ben.session, ben.folders.get("Inbox"), Fixture.columns(PropTag.PR_ENTRYID)).rows
                .stream().map(row -> Fixture.hex(row.props.get(0).bin)).findFirst().orElseThrow();
        Message report = c.loadMessage(ben.session, ndr);
        String body = org.zcp.api.soap.PropValues.string(report.props, PropTag.PR_BODY);
        assertThat(body).contains("refused-x@remote.example").contains("550 5.1.1").doesNotContain("dave@");
        assertThat(org.zcp.api.soap.PropValues.string(report.props, PropTag.PR_MESSAGE_CLASS))
                .isEqualTo("REPORT.IPM.Note.NDR");
    }

    @Test
    void aTemporaryRefusalIsRetried() throws Exception {
        Mailbox cleo = mailbox("cleo");
        String subject = "Retried " + UUID.randomUUID();
        String later = "later-" + UUID.randomUUID().toString().substring(0, 6) + "@remote.example";
        c.submitMessage(cleo.session, draft(cleo, subject, later));
        SmtpSink.Received r = sink.await(m -> m.data().contains(subject), 30);
        assertThat(r.to()).containsExactly(later);
        // the message arrived on a second attempt: the first was answered 451, the spooler logged
        // the deferral and tried again (retry_delay = 1), and sent it once
        assertThat(sink.deferred(later)).as("first attempt refused with 451").isTrue();
        assertThat(sink.offered(later)).as("RCPT TO attempts for " + later).isEqualTo(2);
        assertThat(sink.count(m -> m.to().contains(later))).isEqualTo(1);
        // in the spooler's own log (spooler.cfg log_file), not in server.log
        assertThat(java.nio.file.Files.readString(ItServer.dir().resolve("log/spooler.log")))
                .containsPattern("deferred for " + java.util.regex.Pattern.quote(later));
        awaitSubject(cleo, "Sent Items", subject);
        assertThat(subjects(cleo, "Inbox")).isEmpty();
    }

    @Test
    void sendAsNeedsTheRightAndThenFromIsTheOtherUser() throws Exception {
        Mailbox helpdesk = mailbox("helpdesk");
        Mailbox dan = mailbox("dan");
        String subject = "As helpdesk " + UUID.randomUUID();
        Message m = message(subject);
        m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, helpdesk.email));
        m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_NAME, "Helpdesk"));
        m.recipients.add(Fixture.recipient("Eve", "eve@remote.example", PropTag.MAPI_TO));
        String id = c.createMessage(dan.session, dan.folders.get("Outbox"), m, false);
        assertFault(() -> c.submitMessage(dan.session, id), "MAPI_E_NO_ACCESS");

        // manual 8.3.5: zarafa-admin -u helpdesk --add-sendas dan
        c.addSendAsUser(admin, helpdesk.login, dan.login);
        c.submitMessage(dan.session, id);
        SmtpSink.Received r = sink.await(x -> x.data().contains(subject), 20);
        assertThat(r.data()).contains("From: Helpdesk Tester <" + helpdesk.email + ">").doesNotContain("Sender:");
        assertThat(r.from()).isEqualTo(helpdesk.email);
    }

    /** PR_SCHDINFO_DELEGATE_NAMES: the delegates a user lists on the LocalFreebusy message. */
    static final int PR_SCHDINFO_DELEGATE_NAMES = 0x6844101F;

    /**
     * As Outlook's delegate dialog does: the delegate's name on the owner's LocalFreebusy message,
     * the delegate information object PR_FREEBUSY_ENTRYIDS[1] of the store root names ([MS-OXOSFLD] 2.2.6).
     */
    static void addDelegate(Mailbox owner, String delegateLogin) throws Exception {
        byte[] localFreebusy = c.getProps(owner.session, owner.store.rootId, List.of(PropTag.PR_FREEBUSY_ENTRYIDS))
                .get(0).mvbin.get(1);
        c.setProps(owner.session, Fixture.hex(localFreebusy), List.of(PropValue.ofStrings(PR_SCHDINFO_DELEGATE_NAMES,
                List.of(delegateLogin))));
    }

    @Test
    void aDelegateSendsOnBehalf() throws Exception {
        Mailbox boss = mailbox("boss");
        Mailbox secretary = mailbox("secretary");
        // review #26: folder rights are no grant to send on behalf
        c.setRights(boss.session, boss.store.inboxId, List.of(new AclEntry(secretary.login, "user",
                Rights.ROLE_AUTHOR)));
        String subject = "On behalf " + UUID.randomUUID();
        Message m = message(subject);
        m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, boss.email));
        m.recipients.add(Fixture.recipient("Eve", "eve@remote.example", PropTag.MAPI_TO));
        String id = c.createMessage(secretary.session, secretary.folders.get("Outbox"), m, false);
        assertFault(() -> c.submitMessage(secretary.session, id), "MAPI_E_NO_ACCESS");

        addDelegate(boss, secretary.login);
        c.submitMessage(secretary.session, id);
        SmtpSink.Received r = sink.await(x -> x.data().contains(subject), 20);
        assertThat(r.data()).contains("From: Boss Tester <" + boss.email + ">")
                .contains("Sender: Secretary Tester <" + secretary.email + ">");
    }

    @Test
    void overSoftQuotaNothingIsSent() throws Exception {
        Mailbox full = mailbox("full");
        String id = draft(full, "Too big a mailbox", "eve@remote.example");
        UserDetails q = c.getUser(admin, full.login);
        q.quotaOverride = true;
        q.quotaWarn = 1L;
        q.quotaSoft = 1L;
        q.quotaHard = 0L;
        c.setUser(admin, full.login, q);
        assertFault(() -> c.submitMessage(full.session, id), "MAPI_E_STORE_FULL");
        assertThat(c.isMessageInQueue(full.session, id)).isFalse();
    }

    @Test
    void aMessageWithoutRecipientsIsRefused() throws Exception {
        Mailbox fay = mailbox("fay");
        String id = draft(fay, "Nobody");
        assertFault(() -> c.submitMessage(fay.session, id), "MAPI_E_INVALID_PARAMETER");
    }
}
