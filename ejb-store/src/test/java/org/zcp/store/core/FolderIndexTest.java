package org.zcp.store.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zcp.store.api.FolderChanges;
import org.zcp.store.api.MessageFlags;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.config.ServerSettings;

/** The folder index applies journal deltas and learns a writer's own changes only once they commit. */
class FolderIndexTest {
    private static final MessageFlags FLAGGED = new MessageFlags(false, true, false, false, false, false, List.of());

    private FolderIndex index;
    private Tx tx;

    @BeforeEach
    void setUp() throws Exception {
        index = new FolderIndex();
        index.settings = new ServerSettings();
        index.settings.load();
        tx = new Tx();
        index.txRegistry = tx;
        index.init();
    }

    private static MessageSummary msg(long uid, long modSeq, MessageFlags flags) {
        return new MessageSummary(uid, modSeq, flags, 100 + uid, 1000 + uid);
    }

    private static FolderIndex.Entry threeMessages() {
        return new FolderIndex.Entry(10, List.of(msg(1, 4, MessageFlags.NONE), msg(2, 5, MessageFlags.NONE),
                msg(3, 10, MessageFlags.NONE)), List.of());
    }

    @Test
    void aDeltaRemovesFirstThenReplacesAndAddsInUidOrder() {
        FolderIndex.Entry e = threeMessages().apply(new FolderChanges(14,
                List.of(msg(5, 14, MessageFlags.NONE), msg(2, 12, FLAGGED), msg(4, 13, MessageFlags.NONE)), List.of(1L)));
        assertThat(e.modSeq()).isEqualTo(14);
        assertThat(e.messages()).extracting(MessageSummary::uid).containsExactly(2L, 3L, 4L, 5L);
        assertThat(e.messages().get(0).flags().flagged()).isTrue();
    }

    @Test
    void aDeltaGivesWhatTheMessagesByUidWouldBeAfterIt() {
        // the merge by binary search against the obvious model (a map by UID), on random deltas:
        // arrivals above, moves in between, removals of known and unknown UIDs, a removed UID changed
        java.util.Random rnd = new java.util.Random(42);
        for (int round = 0; round < 500; round++) {
            java.util.TreeMap<Long, MessageSummary> model = new java.util.TreeMap<>();
            for (long uid = 1; uid < 60; uid++) if (rnd.nextInt(3) > 0) model.put(uid, msg(uid, uid, MessageFlags.NONE));
            FolderIndex.Entry e = new FolderIndex.Entry(100, List.copyOf(model.values()), List.of());
            List<Long> removed = new ArrayList<>();
            for (int i = rnd.nextInt(5); i > 0; i--) removed.add((long) rnd.nextInt(70));
            List<MessageSummary> changed = new ArrayList<>();
            for (int i = rnd.nextInt(6); i > 0; i--) changed.add(msg(1 + rnd.nextInt(80), 101 + i, FLAGGED));
            removed.forEach(model::remove);
            changed.forEach(m -> model.put(m.uid(), m));
            FolderIndex.Entry after = e.apply(new FolderChanges(110, changed, removed));
            assertThat(after.messages()).as("round %d", round).containsExactlyElementsOf(model.values());
        }
    }

    @Test
    void whatMayHaveLeftAFolderIsEveryUidGivenOutAndNotThere() {
        List<MessageSummary> present = List.of(msg(2, 1, MessageFlags.NONE), msg(3, 1, MessageFlags.NONE),
                msg(6, 1, MessageFlags.NONE));
        assertThat(FolderMessagesBean.absentUids(present, 8)).containsExactly(1L, 4L, 5L, 7L);
        assertThat(FolderMessagesBean.absentUids(List.of(), 3)).containsExactly(1L, 2L);
        assertThat(FolderMessagesBean.absentUids(present, 1)).isEmpty();
    }

    @Test
    void aWritersOwnChangesAreLearnedWhenItCommits() {
        FolderIndex.Entry base = threeMessages();
        index.put(7, base);
        tx.begin();
        index.learn(7, base, new FolderChanges(12, List.of(msg(1, 11, FLAGGED), msg(2, 12, FLAGGED)), List.of()));
        assertThat(index.get(7)).as("nothing before the commit").isSameAs(base);
        tx.end(Status.STATUS_COMMITTED);
        FolderIndex.Entry now = index.get(7);
        assertThat(now.modSeq()).isEqualTo(12);
        assertThat(now.messages()).extracting(m -> m.flags().flagged()).containsExactly(true, true, false);
    }

    @Test
    void aRollbackLeavesTheIndexAsItWas() {
        FolderIndex.Entry base = threeMessages();
        index.put(7, base);
        tx.begin();
        index.learn(7, base, new FolderChanges(12, List.of(msg(1, 11, FLAGGED)), List.of()));
        tx.end(Status.STATUS_ROLLEDBACK);
        assertThat(index.get(7)).isSameAs(base);
    }

    @Test
    void aNewerEntryOrAForgottenFolderIsNotOverwritten() {
        FolderIndex.Entry base = threeMessages();
        index.put(7, base);
        index.put(8, base);
        tx.begin();
        index.learn(7, base, new FolderChanges(12, List.of(msg(1, 11, FLAGGED)), List.of()));
        index.learn(8, base, new FolderChanges(12, List.of(msg(1, 11, FLAGGED)), List.of()));
        // another reader brought folder 7 further meanwhile (it read the committed rows itself);
        // folder 8 was dropped (a kept text changed a size)
        FolderIndex.Entry newer = base.apply(new FolderChanges(20, List.of(msg(1, 20, MessageFlags.NONE)), List.of()));
        index.put(7, newer);
        index.forget(List.of(8L));
        tx.end(Status.STATUS_COMMITTED);
        assertThat(index.get(7)).isSameAs(newer);
        assertThat(index.get(8)).isNull();
    }

    /** One transaction at a time, ended by the test: what the index needs of JTA's registry. */
    static final class Tx implements TransactionSynchronizationRegistry {
        private int status = Status.STATUS_NO_TRANSACTION;
        private final List<Synchronization> syncs = new ArrayList<>();
        private final Map<Object, Object> resources = new HashMap<>();

        void begin() {
            status = Status.STATUS_ACTIVE;
        }

        void end(int outcome) {
            status = Status.STATUS_NO_TRANSACTION;
            syncs.forEach(s -> s.afterCompletion(outcome));
            syncs.clear();
            resources.clear();
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_ACTIVE ? this : null;
        }

        @Override
        public void putResource(Object key, Object value) {
            resources.put(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return resources.get(key);
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            syncs.add(sync);
        }

        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public void setRollbackOnly() {
            status = Status.STATUS_MARKED_ROLLBACK;
        }

        @Override
        public boolean getRollbackOnly() {
            return status == Status.STATUS_MARKED_ROLLBACK;
        }
    }
}
