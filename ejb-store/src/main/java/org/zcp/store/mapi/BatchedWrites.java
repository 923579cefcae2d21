package org.zcp.store.mapi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.zcp.api.mapi.PropType;
import org.zcp.api.soap.PropValue;
import org.zcp.store.cache.StoreCaches;
import org.zcp.store.entity.ChangeEntry;
import org.zcp.store.entity.PropertyRow;
import org.zcp.store.entity.StoreEntity;

/**
 * Small changes to many messages of one store in a few batched statements (issue 10): IMAP's
 * STORE on 1,000 messages wrote through the persistence context one property row, one object
 * row and one journal row per message, each found, compared and flushed by the ORM, which was
 * most of the command's time. Here each kind of row is one JDBC batch on the transaction's own
 * connection, so the change is as atomic and as durable as any other; the journal and the change
 * events are the same as {@link ObjectStore#journal}'s, one change number per message.
 *
 * <p>The messages must not be managed entities of the transaction (read them as plain values),
 * and the properties must be single-valued numbers; anything else goes through
 * {@link ObjectStore#setProps}.
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
     * One message's change: its new PR_MESSAGE_FLAGS (hot column), the property rows it has that
     * get new values, and those it gets for the first time.
     */
    public record Change(long id, long parentId, int type, long imapUid, int msgFlags, List<PropValue> replaced,
            List<PropValue> added) {
        public Change {
            for (PropValue v : replaced) requireNumber(v);
            for (PropValue v : added) requireNumber(v);
        }

        private static void requireNumber(PropValue v) {
            if (PropType.isMultiValued(v.tag) || Props.toRow(0, v).valLong == null) {
                throw new IllegalArgumentException(String.format("not a single-valued number: 0x%08X", v.tag));
            }
        }
    }

    /**
     * Writes the changes of messages in store {@code storeId}, journals each with its change
     * type, and returns the change numbers given, in the order of {@code changes}.
     */
    public long[] write(long storeId, List<Change> changes, int changeType) {
        long[] nums = new long[changes.size()];
        if (changes.isEmpty()) return nums;
        StoreEntity s = objects.lockFresh(StoreEntity.class, storeId);
        long now = System.currentTimeMillis();
        for (int i = 0; i < nums.length; i++) nums[i] = ++s.changeNum;
        s.lastModified = now;
        em.flush(); // what the transaction changed before is written first, as the ORM would order it
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
        try (PreparedStatement update = c.prepareStatement("UPDATE properties SET type = ?, val_long = ?,"
                + " val_double = NULL, val_string = NULL, val_text = NULL, val_binary = NULL"
                + " WHERE hierarchy_id = ? AND tag = ?");
                PreparedStatement insert = c.prepareStatement("INSERT INTO properties (hierarchy_id, tag, type,"
                        + " val_long) VALUES (?, ?, ?, ?)");
                PreparedStatement object = c.prepareStatement("UPDATE hierarchy SET msg_flags = ?, change_num = ?,"
                        + " modified = ? WHERE id = ?");
                PreparedStatement journal = c.prepareStatement("INSERT INTO changes (store_id, change_num,"
                        + " object_id, parent_id, object_type, change_type, changed, imap_uid)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int updates = 0;
            int inserts = 0;
            for (int i = 0; i < nums.length; i++) {
                Change ch = changes.get(i);
                for (PropValue v : ch.replaced()) {
                    PropertyRow r = Props.toRow(ch.id(), v);
                    update.setInt(1, r.type);
                    update.setLong(2, r.valLong);
                    update.setLong(3, ch.id());
                    update.setInt(4, r.tag);
                    update.addBatch();
                    updates++;
                }
                for (PropValue v : ch.added()) {
                    PropertyRow r = Props.toRow(ch.id(), v);
                    insert.setLong(1, ch.id());
                    insert.setInt(2, r.tag);
                    insert.setInt(3, r.type);
                    insert.setLong(4, r.valLong);
                    insert.addBatch();
                    inserts++;
                }
                object.setInt(1, ch.msgFlags());
                object.setLong(2, nums[i]);
                object.setLong(3, now);
                object.setLong(4, ch.id());
                object.addBatch();
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
            if (updates > 0) requireEach(update.executeBatch(), "a property row to change is gone");
            if (inserts > 0) insert.executeBatch();
            requireEach(object.executeBatch(), "a message to change is gone");
            journal.executeBatch();
        }
    }

    /** Every statement of a batch changed its row (SUCCESS_NO_INFO counts as changed). */
    private static void requireEach(int[] counts, String what) throws SQLException {
        for (int n : counts) {
            if (n == 0) throw new SQLException(what + " (changed concurrently)");
        }
    }
}
