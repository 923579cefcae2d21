package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.protocols.imap.ImapBackend;
import org.zcp.protocols.imap.ImapBackend.FlagMode;
import org.zcp.store.admin.SyncDataPurger;

/**
 * Journal retention (sync_lifetime, docs/store-api.md "Journal retention") against the real store:
 * a client whose last MODSEQ lies below the pruned part of the journal is still told of every
 * message that left the folder (the removals answered without the journal, as every UID given out
 * and absent now), the folder's HIGHESTMODSEQ survives the pruning, and the messages changed since
 * are still reported. Runs inside the server (like {@link ImapBackendContractIT}) on the IMAP
 * adapter's own backend and the nightly purger's own method, pruning everything journaled before
 * now; the other tests never keep a MODSEQ from one test class to the next, so pruning under them
 * changes nothing they see.
 */
@ExtendWith(ArquillianExtension.class)
class JournalRetentionIT {
    static final String COMPANY = "retention";
    static final String USER = "rita@" + COMPANY;
    static final String PASSWORD = "secret-rita";
    static final String PURGER = "java:global/zcp/zcp-store/SyncDataPurger";

    @Deployment(testable = true)
    static WebArchive deployment() {
        return ServerImapBackend.war("journal-retention.war", JournalRetentionIT.class);
    }

    @BeforeAll
    static void user() throws Exception {
        ItServer.imapUser(COMPANY, "rita");
    }

    static byte[] message(int i) {
        return ("From: a@example.com\r\nTo: rita@retention.example.com\r\nSubject: kept " + i
                + "\r\nMessage-ID: <retention-" + i + "-" + System.nanoTime() + "@example.com>\r\n\r\nbody " + i + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aClientBehindThePrunedJournalIsStillToldWhatLeftTheFolder() throws Exception {
        ImapBackend backend = ServerImapBackend.create();
        ImapBackend.Login login = backend.login(USER, PASSWORD, "192.0.2.9", true);
        assertThat(login.status()).isEqualTo(ImapBackend.Status.OK);
        String s = login.session();
        String name = "Kept " + System.nanoTime();
        backend.create(s, name);
        long[] uid = new long[5];
        for (int i = 1; i <= 4; i++) {
            uid[i] = backend.append(s, name, new ByteArrayInputStream(message(i)), Set.of(), 0).uid();
        }
        String box = backend.open(s, name).id();
        long seen = backend.open(s, name).highestModSeq(); // what a QRESYNC client last knew
        backend.store(s, box, List.of(uid[2]), FlagMode.ADD, Set.of("\\Deleted"), 0);
        assertThat(backend.expunge(s, box, List.of(uid[2]))).containsExactly(uid[2]);
        backend.store(s, box, List.of(uid[3]), FlagMode.ADD, Set.of("\\Flagged"), 0);
        ImapBackend.Changes before = backend.changes(s, box, seen);
        assertThat(before.expunged()).as("from the journal").containsExactly(uid[2]);
        long highest = backend.open(s, name).highestModSeq();

        SyncDataPurger purger = InitialContext.doLookup(PURGER);
        int pruned = purger.pruneBefore(System.currentTimeMillis() + 1000);
        assertThat(pruned).as("the appends and the expunge were journaled before now").isGreaterThan(0);

        ImapBackend.Changes after = backend.changes(s, box, seen);
        assertThat(after.expunged()).as("the removal's journal entry is gone, the removal is still told")
                .contains(uid[2]).doesNotContain(uid[1], uid[3], uid[4]);
        assertThat(after.changed()).extracting(ImapBackend.MessageInfo::uid).as("changed since").contains(uid[3])
                .doesNotContain(uid[2]);
        assertThat(after.highestModSeq()).as("the folder's newest entry is kept").isEqualTo(highest);
        assertThat(backend.open(s, name).highestModSeq()).isEqualTo(highest);
        assertThat(backend.messages(s, box)).extracting(ImapBackend.MessageInfo::uid)
                .containsExactly(uid[1], uid[3], uid[4]);

        // after the pruning the journal serves changes again: a new removal is told exactly
        long now = backend.open(s, name).highestModSeq();
        backend.store(s, box, List.of(uid[4]), FlagMode.ADD, Set.of("\\Deleted"), 0);
        backend.expunge(s, box, List.of(uid[4]));
        assertThat(backend.changes(s, box, now).expunged()).containsExactly(uid[4]);
        backend.logout(s);
    }
}
