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
import org.zcp.api.soap.Message;
import org.zcp.api.soap.StoreInfo;
import org.zcp.api.soap.ZarafaCmd;

/**
 * Archive on delivery and on send (manual 6.7; the test server runs with archive_on_delivery and
 * archive_on_send on): copies land in the attached archive, below the user's folder.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ArchiveIT {
    static ZarafaCmd c;
    static String admin;
    static String company;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
        SmtpSink.get();
    }

    static List<String> subjects(String session, String folder) throws Exception {
        return Fixture.subjects(c.queryContents(session, folder, Fixture.columns(PropTag.PR_SUBJECT)));
    }

    /** The entry id of a folder path below the archive store's IPM subtree, waiting for it to appear. */
    static String folder(String session, StoreInfo store, String... path) throws Exception {
        String cur = store.ipmSubtreeId;
        for (String name : path) {
            String next = null;
            for (int i = 0; i < 100 && next == null; i++) {
                next = Fixture.folders(c, session, cur).get(name);
                if (next == null) Thread.sleep(100);
            }
            assertThat(next).as("archive folder " + name).isNotNull();
            cur = next;
        }
        return cur;
    }

    @Test
    void deliveredAndSentMessagesAreArchived() throws Exception {
        String user = ItServer.user(admin, company, "tracked");
        String archive = ItServer.user(admin, company, "vault");
        c.attachArchive(admin, user, archive, null);
        // the archive folder is named after the user (without the company part of the login)
        String box = user.substring(0, user.indexOf('@'));
        assertThat(c.listArchives(admin, user)).extracting(a -> a.archiveUser + "/" + a.folder)
                .containsExactly(archive + "/" + box);
        assertFault(() -> c.attachArchive(admin, user, archive, null), "MAPI_E_COLLISION");

        String email = c.getUser(admin, user).email;
        String subject = "Contract " + UUID.randomUUID();
        String raw = "From: partner@remote.example\r\nTo: " + email + "\r\nSubject: " + subject + "\r\n\r\nSigned.\r\n";
        DeliveryResult r = c.deliverMessage(admin, email, "partner@remote.example", new DataHandler(
                new StoreSoapIT.BytesSource(raw.getBytes(StandardCharsets.UTF_8))), null, false, false);
        assertThat(r.status).isEqualTo(DeliveryResult.DELIVERED);

        String vs = ItServer.logon(archive, ItServer.password(archive));
        StoreInfo vault = c.getStore(vs, null);
        assertThat(subjects(vs, folder(vs, vault, box, "Inbox"))).containsExactly(subject);

        String s = ItServer.logon(user, ItServer.password(user));
        StoreInfo store = c.getStore(s, null);
        Map<String, String> folders = Fixture.folders(c, s, store.ipmSubtreeId);
        String sent = "Reply " + UUID.randomUUID();
        Message m = Fixture.message(sent, 0);
        m.recipients = new java.util.ArrayList<>(List.of(Fixture.recipient("Partner", "partner@remote.example",
                PropTag.MAPI_TO)));
        m.attachments = new java.util.ArrayList<>();
        c.submitMessage(s, c.createMessage(s, folders.get("Outbox"), m, false));
        String archivedSent = folder(vs, vault, box, "Sent Items");
        for (int i = 0; i < 100 && !subjects(vs, archivedSent).contains(sent); i++) Thread.sleep(100);
        assertThat(subjects(vs, archivedSent)).containsExactly(sent);

        c.detachArchive(admin, user, archive);
        assertThat(c.listArchives(admin, user)).isEmpty();
        assertFault(() -> c.detachArchive(admin, user, archive), "MAPI_E_NOT_FOUND");
    }

    @Test
    void onlyAdministratorsAttachArchives() throws Exception {
        String user = ItServer.user(admin, company, "plainuser");
        String archive = ItServer.user(admin, company, "plainvault");
        String s = ItServer.logon(user, ItServer.password(user));
        assertFault(() -> c.attachArchive(s, user, archive, "mine"), "MAPI_E_NO_ACCESS");
    }
}
