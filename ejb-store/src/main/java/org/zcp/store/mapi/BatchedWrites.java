package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.zcp.store.cache.StoreCaches;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.StoreEntity;

/**
 * Flag changes of many messages of one store in two batched statements (issue 10): IMAP's STORE
 * on 1,000 messages wrote through the persistence context one property row, one object row and
 * one journal row per message, each found, compared and flushed by the ORM, which was most of the
 * command's time. The flags are columns of the message's row (PR_MESSAGE_FLAGS and
 * {@link FlagColumns}, Flyway V11), so a change is one row update and one journal row, each kind
 * one JDBC batch on the transaction's own connection: as atomic and as durable as any other
 * change, with the journal and the change events of {@link ObjectStore#journal}, one change
 * number per message. On MariaDB the row updates of a range are one UPDATE joined to the new
 * values ({@link #joinedUpdates}).
 *
 * <p>The messages must not be managed entities of the transaction (read them as plain values);
 * anything beyond these columns (keywords) goes through {@link ObjectStore#setProps}.
 */
@ApplicationScoped
public class BatchedWrites {
    @Inject
    EntityManager em;

    @Inject
    ObjectStore objects;

    @Inject
    StoreCaches caches;

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry txRegistry;

    /**
     * One message's flags after the change: PR_MESSAGE_FLAGS and the three flag properties
     * ({@link FlagColumns}; null: not set).
     */
    public record Change(long id, long parentId, int type, long imapUid, int msgFlags, Integer msgStatus,
            Integer flagStatus, Integer lastVerb) {
    }

    /**
     * Writes the changes of messages in store {@code storeId}, each with a change number of its
     * own written to its row, journals the last change of each folder with {@code changeType}
     * (what the journal is read for: a folder's highest number), announces every change after the
     * commit, and returns the change numbers given, in the order of {@code changes}.
     */
    public long[] write(long storeId, List<Change> changes, int changeType) {
        long[] nums = new long[changes.size()];
        if (changes.isEmpty()) return nums;
        StoreEntity s = objects.lockFresh(StoreEntity.class, storeId);
        long now = System.currentTimeMillis();
        for (int i = 0; i < nums.length; i++) nums[i] = ++s.changeNum;
        s.lastModified = now;
        em.flush(); // what the transaction changed before is written first, as the ORM would order it
        org.zcp.store.db.GroupCommit.wrote(); // JDBC around Hibernate: its inspector sees none of it
        em.unwrap(org.hibernate.Session.class).doWork(c -> execute(c, storeId, changes, nums, changeType, now));
        for (int i = 0; i < nums.length; i++) {
            Change ch = changes.get(i);
            ChangeEntry e = new ChangeEntry();
            e.storeId = storeId;
            e.changeNum = nums[i];
            e.objectId = ch.id();
            e.parentId = ch.parentId();
            e.objectType = ch.type();
            e.changeType = changeType;
            e.changed = now;
            e.imapUid = ch.imapUid();
            ChangeEvents.afterCommit(txRegistry, e);
            caches.invalidate(ch.id());
        }
        return nums;
    }

    private static void execute(Connection c, long storeId, List<Change> changes, long[] nums, int changeType,
            long now) throws SQLException {
        if (joinedUpdates(c) && distinct(changes)) {
            for (int from = 0; from < changes.size(); from += JOINED_ROWS) {
                updateJoined(c, changes, nums, from, Math.min(changes.size(), from + JOINED_ROWS), now);
            }
        } else {
            updateBatched(c, changes, nums, now);
        }
        try (PreparedStatement journal = c.prepareStatement("INSERT INTO changes (store_id, change_num,"
                + " object_id, parent_id, object_type, change_type, changed, imap_uid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            // the journal gets the last change of each folder only: a folder's changed messages are read
            // from their rows' change numbers (FolderMessages.changes), the journal is read for the UIDs
            // that left a folder and for its highest change number (docs/store-api.md, invariant 3)
            Set<Long> journaled = new HashSet<>();
            boolean[] last = new boolean[nums.length];
            for (int i = nums.length - 1; i >= 0; i--) last[i] = journaled.add(changes.get(i).parentId());
            for (int i = 0; i < nums.length; i++) {
                if (!last[i]) continue;
                Change ch = changes.get(i);
                journal.setLong(1, storeId);
                journal.setLong(2, nums[i]);
                journal.setLong(3, ch.id());
                journal.setLong(4, ch.parentId());
                journal.setInt(5, ch.type());
                journal.setInt(6, changeType);
                journal.setLong(7, now);
                journal.setLong(8, ch.imapUid());
                journal.addBatch();
            }
            journal.executeBatch();
        }
    }

    /** Rows one joined UPDATE changes at most (6 parameters each, well below the protocol's 65,535). */
    static final int JOINED_ROWS = 1000;

    /**
     * Whether the database takes a multi-table UPDATE joined to a derived table of the new values
     * (MariaDB, MySQL). There a batch is still one statement per row for the server to parse,
     * plan, lock and log (the connector sends them in one go, the server runs them one by one);
     * the joined form is one statement for the range: a tenth of the server's time for STORE
     * 1:1000 when measured with the mysql client (1,000 updates 70-120 ms, joined 20-30 ms). H2
     * runs in the server's JVM, where a batched statement costs no round trip and the row's B-tree
     * work is the same either way; it has no joined UPDATE.
     */
    static boolean joinedUpdates(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        return product != null && (product.contains("MariaDB") || product.contains("MySQL"));
    }

    /** Whether each message appears once (a join would leave a second value for one row undefined). */
    private static boolean distinct(List<Change> changes) {
        Set<Long> ids = new HashSet<>();
        for (Change ch : changes) {
            if (!ids.add(ch.id())) return false;
        }
        return true;
    }

    /** The UPDATE of {@link #updateJoined} for {@code rows} messages. */
    static String joinedSql(int rows) {
        StringBuilder b = new StringBuilder(64 + rows * 32).append("UPDATE hierarchy h JOIN (SELECT ? AS id, ? AS f,"
                + " ? AS s, ? AS fs, ? AS lv, ? AS cn");
        for (int i = 1; i < rows; i++) b.append(" UNION ALL SELECT ?, ?, ?, ?, ?, ?");
        return b.append(") v ON h.id = v.id SET h.msg_flags = v.f, h.msg_status = v.s, h.flag_status = v.fs,"
                + " h.last_verb = v.lv, h.change_num = v.cn, h.modified = ?").toString();
    }

    /** Messages {@code from} to {@code to} (exclusive) in one statement; every one must be there. */
    private static void updateJoined(Connection c, List<Change> changes, long[] nums, int from, int to, long now)
            throws SQLException {
        int rows = to - from;
        try (PreparedStatement st = c.prepareStatement(joinedSql(rows))) {
            int p = 1;
            for (int i = from; i < to; i++) {
                Change ch = changes.get(i);
                st.setLong(p++, ch.id());
                st.setInt(p++, ch.msgFlags());
                setInt(st, p++, ch.msgStatus());
                setInt(st, p++, ch.flagStatus());
                setInt(st, p++, ch.lastVerb());
                st.setLong(p++, nums[i]);
            }
            st.setLong(p, now);
            // the connector counts rows found, not only those whose values differ (useAffectedRows off)
            if (st.executeUpdate() != rows) throw new SQLException("a message to change is gone (changed concurrently)");
        }
    }

    private static void updateBatched(Connection c, List<Change> changes, long[] nums, long now) throws SQLException {
        try (PreparedStatement object = c.prepareStatement("UPDATE hierarchy SET msg_flags = ?, msg_status = ?,"
                + " flag_status = ?, last_verb = ?, change_num = ?, modified = ? WHERE id = ?")) {
            for (int i = 0; i < nums.length; i++) {
                Change ch = changes.get(i);
                object.setInt(1, ch.msgFlags());
                setInt(object, 2, ch.msgStatus());
                setInt(object, 3, ch.flagStatus());
                setInt(object, 4, ch.lastVerb());
                object.setLong(5, nums[i]);
                object.setLong(6, now);
                object.setLong(7, ch.id());
                object.addBatch();
            }
            requireEach(object.executeBatch(), "a message to change is gone");
        }
    }

    private static void setInt(PreparedStatement st, int index, Integer value) throws SQLException {
        if (value == null) st.setNull(index, Types.INTEGER);
        else st.setInt(index, value);
    }

    /** Every statement of a batch changed its row (SUCCESS_NO_INFO counts as changed). */
    private static void requireEach(int[] counts, String what) throws SQLException {
        for (int n : counts) {
            if (n == 0) throw new SQLException(what + " (changed concurrently)");
        }
    }
}
