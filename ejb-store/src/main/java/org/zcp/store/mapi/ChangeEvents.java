package org.zcp.store.mapi;

import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.zcp.api.mapi.ObjectType;
import org.zcp.store.api.ChangeEvent;
import org.zcp.store.api.ChangeFeed;
import org.zcp.store.cache.TxCache;
import org.zcp.store.entity.ChangeEntry;

/**
 * Turns the change journal's entries of a transaction into {@link ChangeEvent}s published on the
 * {@link ChangeFeed} once the transaction has committed (docs/store-api.md): a rolled-back change
 * is never announced, a committed one is announced after its rows are visible to every reader.
 */
final class ChangeEvents {
    private static final String KEY = ChangeEvents.class.getName();

    private ChangeEvents() {
    }

    /** Queues the event of a journal entry for publication after the current transaction's commit. */
    static void afterCommit(TransactionSynchronizationRegistry tx, ChangeEntry c) {
        ChangeEvent e = of(c);
        if (e == null) return;
        if (tx == null || tx.getTransactionStatus() != Status.STATUS_ACTIVE) {
            publish(List.of(e)); // no transaction: the write is already durable
            return;
        }
        @SuppressWarnings("unchecked")
        List<ChangeEvent> pending = (List<ChangeEvent>) tx.getResource(KEY);
        if (pending == null) {
            List<ChangeEvent> list = new ArrayList<>();
            tx.putResource(KEY, list);
            TxCache.announceAfterCommit(tx, () -> publish(list));
            pending = list;
        }
        pending.add(e);
    }

    /** The folders' highest change numbers first (what the next SELECT reports), then the subscribers. */
    private static void publish(List<ChangeEvent> events) {
        for (ChangeEvent e : events) ObjectStore.contentChanged(e.folderId(), e.modSeq());
        ChangeFeed.shared().publish(events);
    }

    /** The event of a journal entry; null for objects no one watches (attachments, recipients). */
    static ChangeEvent of(ChangeEntry c) {
        boolean folder = c.objectType == ObjectType.MAPI_FOLDER;
        if (!folder && c.objectType != ObjectType.MAPI_MESSAGE) return null;
        ChangeEvent.Kind kind = switch (c.changeType) {
            case ChangeEntry.ADD, ChangeEntry.RESTORE -> ChangeEvent.Kind.ADDED;
            case ChangeEntry.FLAGS -> ChangeEvent.Kind.FLAGS;
            case ChangeEntry.DELETE, ChangeEntry.MOVE_OUT, ChangeEntry.PURGE -> ChangeEvent.Kind.REMOVED;
            default -> ChangeEvent.Kind.CHANGED;
        };
        return new ChangeEvent(c.storeId, c.parentId, c.objectId, folder, kind, folder ? 0 : c.imapUid, c.changeNum);
    }
}
