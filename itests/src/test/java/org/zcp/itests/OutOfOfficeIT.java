package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.MapiException;
import org.zcp.api.soap.PropValue;
import org.zcp.api.soap.Row;
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

    /** A user's address, a session of theirs and their Outbox, where their autoreplies wait for the spooler. */
    record Mailbox(String email, String session, String outbox) {
    }

    static Mailbox mailbox(String name) throws Exception {
        String login = ItServer.user(admin, company, name);
        String s = ItServer.logon(login, ItServer.password(login));
        var store = c.getStore(s, null);
        return new Mailbox(c.getUser(admin, login).email, s, Fixture.folders(c, s, store.ipmSubtreeId).get("Outbox"));
    }

    static Mailbox away(String name) throws Exception {
        Mailbox box = mailbox(name);
        c.setProps(box.session, c.getStore(box.session, null).storeId, List.of(
                PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, true),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "On holiday"),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_MSG, "Back on Monday.\nGrüße")));
        return box;
    }

    /**
     * Waits until nothing of the mailbox is left in the outgoing queue. A delivery queues its
     * autoreply in the recipient's Outbox in the delivery's own transaction (deliverMessage has
     * returned by now), and the spooler takes it out only after the relay has answered 250, which
     * SmtpSink answers after recording the message. So afterwards every reply the deliveries made
     * is in the sink, whatever the order of the spooler's workers: "no reply" and "exactly one"
     * are answers, not guesses about how long the spooler takes.
     */
    static void awaitSpooled(Mailbox box) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            List<String> queued = new ArrayList<>();
            for (Row r : c.queryContents(box.session, box.outbox, Fixture.columns(PropTag.PR_ENTRYID)).rows) {
                String id = Fixture.hex(r.props.get(0).bin);
                try {
                    if (c.isMessageInQueue(box.session, id)) queued.add(id);
                } catch (MapiException e) {
                    // sent and removed (PR_DELETE_AFTER_SUBMIT) since the table was read: the next
                    // round no longer lists it; any other refusal keeps it pending until the time-out
                    queued.add(id + " (" + e.error() + ")");
                }
            }
            if (queued.isEmpty()) return;
            if (System.nanoTime() > end) {
                throw new AssertionError(box.email + " still has message(s) queued after 30 s: " + queued);
            }
            Thread.sleep(100);
        }
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
        Mailbox holly = away("holly");
        String me = holly.email;
        String sender = "friend-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.example";
        deliver(me, sender, me, null, "First", null);
        deliver(me, sender, me, null, "Second", null);
        SmtpSink.Received reply = sink.await(r -> r.to().contains(sender), 20);
        assertThat(reply.from()).isEmpty();
        assertThat(reply.data()).contains("X-Zarafa-Vacation: autorespond").contains("Auto-Submitted: auto-replied")
                .contains("Subject: On holiday [First]").contains("Back on Monday.").contains("From: Holly Tester <" + me + ">");
        awaitSpooled(holly);
        assertThat(sink.count(r -> r.to().contains(sender))).isEqualTo(1);
    }

    /**
     * "Look up, then insert" of the reply log under concurrency (issue 10): messages from one sender
     * arriving in parallel LMTP sessions are all delivered (none answered 451 after a deadlock or a
     * duplicate key), and the sender gets exactly one reply.
     */
    @Test
    void parallelMessagesFromOneSenderAreAllDeliveredAndAnsweredOnce() throws Exception {
        Mailbox iris = away("iris");
        String me = iris.email;
        String sender = "crowd-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.example";
        List<String> last = LmtpIT.inParallel(8, i -> () -> LmtpIT.session(List.of("LHLO itest",
                "MAIL FROM:<" + sender + ">", "RCPT TO:<" + me + ">", "DATA"), "From: " + sender + "\nTo: " + me
                + "\nSubject: Crowd " + i + "\nMessage-ID: <" + UUID.randomUUID() + "@remote.example>\n\nHello\n", 1));
        assertThat(last).as("the last reply of each session").allMatch(l -> l.startsWith("250 "));
        sink.await(r -> r.to().contains(sender), 20);
        awaitSpooled(iris);
        assertThat(sink.count(r -> r.to().contains(sender))).isEqualTo(1);
    }

    /**
     * The settings every delivery reads are kept between deliveries (OofCache): switching the
     * out-of-office on and off again over MAPI takes effect at the very next delivery.
     */
    @Test
    void switchingOutOfOfficeOnAndOffTakesEffectAtTheNextDelivery() throws Exception {
        Mailbox lena = mailbox("lena");
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String before = "before-" + tag + "@remote.example";
        String during = "during-" + tag + "@remote.example";
        String after = "after-" + tag + "@remote.example";
        String storeId = c.getStore(lena.session, null).storeId;
        deliver(lena.email, before, lena.email, null, "Before", null);
        c.setProps(lena.session, storeId, List.of(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, true),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_SUBJECT, "Away"),
                PropValue.ofString(PropTag.PR_EC_OUTOFOFFICE_MSG, "Back later.")));
        deliver(lena.email, during, lena.email, null, "During", null);
        assertThat(sink.await(r -> r.to().contains(during), 20).data()).contains("Subject: Away [During]");
        c.setProps(lena.session, storeId, List.of(PropValue.ofBool(PropTag.PR_EC_OUTOFOFFICE, false)));
        deliver(lena.email, after, lena.email, null, "After", null);
        awaitSpooled(lena);
        assertThat(sink.count(r -> r.to().contains(before))).isZero();
        assertThat(sink.count(r -> r.to().contains(after))).isZero();
        assertThat(sink.count(r -> r.to().contains(during))).isEqualTo(1);
    }

    @Test
    void noReplyToSystemAddressesCcOrAutomaticMail() throws Exception {
        Mailbox ivy = away("ivy");
        String me = ivy.email;
        String tag = UUID.randomUUID().toString().substring(0, 8);
        deliver(me, "postmaster@remote-" + tag + ".example", me, null, "Report", null);
        deliver(me, "MAILER-DAEMON@remote-" + tag + ".example", me, null, "Bounce", null);
        deliver(me, "list-" + tag + "@remote.example", "team@remote.example", me, "Only in Cc", null);
        deliver(me, "bulk-" + tag + "@remote.example", me, null, "Newsletter", "Precedence: bulk");
        deliver(me, "robot-" + tag + "@remote.example", me, null, "Robot", "Auto-Submitted: auto-generated");
        deliver(me, me, me, null, "To myself", null);
        // a message that does get a reply: the responder is on and replies do go out
        String control = "control-" + tag + "@remote.example";
        deliver(me, control, me, null, "Control", null);
        sink.await(r -> r.to().contains(control), 20);
        awaitSpooled(ivy);
        assertThat(sink.count(r -> r.to().contains(control))).isEqualTo(1);
        assertThat(sink.count(r -> r.data().contains("On holiday") && r.to().stream().anyMatch(
                t -> t.contains(tag) && !t.equals(control)))).isZero();
        assertThat(sink.count(r -> r.to().contains(me))).isZero();
    }

    @Test
    void offMeansNoReply() throws Exception {
        Mailbox jack = mailbox("jack");
        String sender = "someone-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.example";
        deliver(jack.email, sender, jack.email, null, "Hello", null);
        // the same delivery to a user who is away does get a reply
        String control = away("kim").email;
        String other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@remote.example";
        deliver(control, other, control, null, "Hello", null);
        sink.await(r -> r.to().contains(other), 20);
        awaitSpooled(jack);
        assertThat(sink.count(r -> r.to().contains(sender))).isZero();
    }
}
