package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.itests.Fixture.assertFault;

import jakarta.activation.DataHandler;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.mapi.PropTag;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.Message;
import org.zcp.api.soap.PropValues;
import org.zcp.api.soap.UserDetails;
import org.zcp.api.soap.ZarafaCmd;

/** Delivery of Internet mail into stores (zarafa-dagent's path; manual 5.4, 8.7). */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DeliveryIT {
    static final int PR_EC_IMAP_EMAIL = 0x678C0102;
    static ZarafaCmd c;
    static String admin;
    static String company;
    static String rcpt;

    static final String MAIL = """
            From: =?UTF-8?B?SsO8cmdlbiBNw7xsbGVy?= <juergen@example.org>
            To: Receiver <%s>
            Subject: =?ISO-8859-1?Q?Gr=FC=DFe?=
            Date: Mon, 23 Nov 2026 10:00:00 +0100
            Message-ID: <it-%s@example.org>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="B"

            --B
            Content-Type: text/plain; charset=ISO-8859-1
            Content-Transfer-Encoding: quoted-printable

            Sch=F6n.
            --B
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename="data.bin"
            Content-Transfer-Encoding: base64

            AAECAwQFBgcICQ==
            --B--
            """;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
        rcpt = ItServer.user(admin, company, "rcpt");
    }

    static byte[] mail(String to, String id) {
        return String.format(MAIL, to, id).replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static DeliveryResult deliver(String to, byte[] raw, String folder, boolean create) throws Exception {
        return c.deliverMessage(admin, to, "juergen@example.org",
                new DataHandler(new StoreSoapIT.BytesSource(raw)), folder, create, false);
    }

    @Test
    void aDeliveredMessageArrivesConvertedInTheInbox() throws Exception {
        String plain = ItServer.user(admin, company, "plain");
        String email = c.getUser(admin, plain).email;
        DeliveryResult r = deliver(email, mail(email, "1"), null, false);
        assertThat(r.status).isEqualTo(DeliveryResult.DELIVERED);

        String s = ItServer.logon(plain, ItServer.password(plain));
        Message m = c.loadMessage(s, r.messageId);
        assertThat(m.parentId).isEqualTo(c.getStore(s, null).inboxId);
        assertThat(PropValues.string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Grüße");
        assertThat(PropValues.string(m.props, PropTag.PR_SENDER_NAME)).isEqualTo("Jürgen Müller");
        assertThat(PropValues.string(m.props, PropTag.PR_BODY)).isEqualTo("Schön.");
        assertThat(PropValues.number(m.props, PropTag.PR_MESSAGE_FLAGS) & PropTag.MSGFLAG_READ).isZero();
        assertThat(m.attachments).hasSize(1);
        assertThat(StoreSoapIT.read(c.loadAttachment(s, r.messageId, m.attachments.get(0).attachNum)))
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        // the imap feature is off by default (disabled_features = imap pop3): no original kept
        assertThat(PropValues.find(m.props, PR_EC_IMAP_EMAIL)).isNull();
    }

    @Test
    void usersWithTheImapFeatureKeepTheOriginalByteForByte() throws Exception {
        c.setUserFeature(admin, rcpt, "imap", true);
        byte[] raw = mail(rcpt, "2");
        DeliveryResult r = deliver(rcpt, raw, null, false);
        String s = ItServer.logon(rcpt, ItServer.password(rcpt));
        assertThat(PropValues.binary(c.loadMessage(s, r.messageId).props, PR_EC_IMAP_EMAIL)).isEqualTo(raw);
    }

    @Test
    void unknownRecipientsFullStoresAndFoldersAreReported() throws Exception {
        assertThat(deliver("nobody@nowhere.example", mail("x", "3"), null, false).status)
                .isEqualTo(DeliveryResult.UNKNOWN);

        String full = ItServer.user(admin, company, "full");
        UserDetails q = new UserDetails();
        q.quotaOverride = true;
        q.quotaWarn = 0L;
        q.quotaSoft = 0L;
        q.quotaHard = 100L;
        c.setUser(admin, full, q);
        DeliveryResult r = deliver(full, mail(full, "4"), null, false);
        assertThat(r.status).isEqualTo(DeliveryResult.QUOTA);
        assertThat(c.getUser(admin, full).storeSize).isZero();

        DeliveryResult into = deliver(rcpt, mail(rcpt, "5"), "Inbox/Lists/Java", true);
        String s = ItServer.logon(rcpt, ItServer.password(rcpt));
        String inbox = c.getStore(s, null).inboxId;
        String lists = Fixture.folders(c, s, inbox).get("Lists");
        String java = Fixture.folders(c, s, lists).get("Java");
        assertThat(c.loadMessage(s, into.messageId).parentId).isEqualTo(java);
    }

    @Test
    void aRetriedDeliveryOfTheSameMessageIsStoredOnce() throws Exception {
        String once = ItServer.user(admin, company, "once");
        byte[] raw = mail(once, "dup-1");
        DeliveryResult first = deliver(once, raw, null, false);
        DeliveryResult again = deliver(once, raw, null, false);
        assertThat(again.status).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(again.messageId).isEqualTo(first.messageId);
        String s = ItServer.logon(once, ItServer.password(once));
        assertThat(c.queryContents(s, c.getStore(s, null).inboxId, null).rowCount).isEqualTo(1);
        // a different message (another Message-ID) is of course stored
        deliver(once, mail(once, "dup-2"), null, false);
        assertThat(c.queryContents(s, c.getStore(s, null).inboxId, null).rowCount).isEqualTo(2);
    }

    @Test
    void messagesTheSpamFilterMarkedGoToJunkEmail() throws Exception {
        String user = ItServer.user(admin, company, "spammed");
        byte[] raw = ("X-Spam-Status: Yes, score=9.3 required=5.0\r\n" + new String(mail(user, "spam-1"),
                StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        DeliveryResult r = deliver(user, raw, null, false);
        String s = ItServer.logon(user, ItServer.password(user));
        var store = c.getStore(s, null);
        String junk = Fixture.folders(c, s, store.ipmSubtreeId).get("Junk E-mail");
        assertThat(c.loadMessage(s, r.messageId).parentId).isEqualTo(junk);
        // "No" leaves it in the Inbox (dagent.cfg spam_header_value = "Yes,")
        byte[] ham = ("X-Spam-Status: No, score=0.1\r\n" + new String(mail(user, "ham-1"),
                StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        assertThat(c.loadMessage(s, deliver(user, ham, null, false).messageId).parentId).isEqualTo(store.inboxId);
    }

    @Test
    void nonActiveUsersReceiveMail() throws Exception {
        String info = ItServer.user(admin, company, "infobox");
        UserDetails off = new UserDetails();
        off.active = false;
        c.setUser(admin, info, off);
        assertThat(deliver(info, mail(info, "6"), null, false).status).isEqualTo(DeliveryResult.DELIVERED);
        assertThat(c.getUser(admin, info).storeSize).isPositive();
    }

    @Test
    void onlyTrustedSessionsDeliver() throws Exception {
        String s = ItServer.logon(rcpt, ItServer.password(rcpt));
        assertFault(() -> c.deliverMessage(s, rcpt, null, new DataHandler(new StoreSoapIT.BytesSource(mail(rcpt, "7"))),
                null, false, false), "MAPI_E_NO_ACCESS");
    }
}
