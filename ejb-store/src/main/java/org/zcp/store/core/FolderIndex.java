package org.zcp.store.core;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.zcp.store.api.FolderChanges;
import org.zcp.store.api.MessageSummary;
import org.zcp.store.cache.SizedCache;
import org.zcp.store.cache.TxCache;
import org.zcp.store.config.ServerSettings;

/**
 * The message lists of folders in memory (docs/store-api.md, "the folder index"): per folder, its
 * messages' UID, MODSEQ, flags, size and arrival in UID order, as of a change number. Dovecot
 * keeps the same in its index files, the original in its cell cache: opening a folder of 10,000
 * messages should not read 10,000 rows and their flag properties every time.
 *
 * <p>An entry is never trusted on its own: every reader brings it up to date from the change
 * journal ({@code FolderMessagesBean.current}) inside its own transaction, reading only what
 * changed after the entry's change number, so what it sees is exactly what a full read would
 * give. That holds because a store's change numbers are taken under its row lock and committed in
 * their order (invariant 2): a transaction that sees change n sees every change below n. An entry
 * is replaced only by a newer one; the index is bounded (a quarter of cache_cell_size, manual
 * 9.2.1: "data shown in table views passes through the cell cache") and least recently used
 * folders are dropped.
 */
@ApplicationScoped
public class FolderIndex {
    /** Estimated bytes per message in an entry: the summary, its array slot (flags are shared). */
    static final long BYTES_PER_MESSAGE = 64;

    /**
     * A folder's messages as of change number {@code modSeq}: in UID order, never changed once made.
     *
     * @param keywords at least every keyword of a message in it (a superset is allowed)
     */
    public record Entry(long modSeq, List<MessageSummary> messages, List<String> keywords) {
        public Entry {
            messages = List.copyOf(messages);
            keywords = List.copyOf(keywords);
        }

        /**
         * This entry with the changes after its change number applied: a changed message replaces
         * the one with its UID or is inserted in UID order (arrivals, moves in, restores), a
         * removed one is left out (a change of the same UID wins). The untouched runs between the
         * changes are copied whole, found by binary search: an arrival in a folder of 10,000
         * messages is one copy of the list, not a look-up per message (which was a tenth of an
         * IMAP APPEND's CPU in such a folder).
         */
        Entry apply(FolderChanges changes) {
            if (changes.changed().isEmpty() && changes.removed().isEmpty()) {
                return changes.highestModSeq() > modSeq ? new Entry(changes.highestModSeq(), messages, keywords) : this;
            }
            // the edits in UID order, one per UID: a summary to put there, or null to remove
            java.util.TreeMap<Long, MessageSummary> edits = new java.util.TreeMap<>();
            for (long uid : changes.removed()) edits.put(uid, null);
            for (MessageSummary m : changes.changed()) edits.put(m.uid(), m);
            List<MessageSummary> out = new ArrayList<>(messages.size() + changes.changed().size());
            int from = 0;
            for (java.util.Map.Entry<Long, MessageSummary> e : edits.entrySet()) {
                long uid = e.getKey();
                int at = firstAtOrAbove(messages, from, uid);
                out.addAll(messages.subList(from, at));
                from = at < messages.size() && messages.get(at).uid() == uid ? at + 1 : at;
                if (e.getValue() != null) out.add(e.getValue());
            }
            out.addAll(messages.subList(from, messages.size()));
            Set<String> words = new LinkedHashSet<>(keywords);
            for (MessageSummary m : changes.changed()) words.addAll(m.flags().keywords());
            long highest = Math.max(modSeq, changes.highestModSeq());
            return new Entry(highest, out, List.copyOf(words));
        }

        /** The index of the first message at or after {@code from} whose UID is at least {@code uid}. */
        private static int firstAtOrAbove(List<MessageSummary> messages, int from, long uid) {
            int lo = from;
            int hi = messages.size();
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (messages.get(mid).uid() < uid) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    @Inject
    ServerSettings settings;

    @Resource
    TransactionSynchronizationRegistry txRegistry;

    private SizedCache<Long, Entry> entries;

    @PostConstruct
    void init() {
        entries = new SizedCache<>("folder index", settings.getSize("cache_cell_size") / 4,
                e -> 64 + BYTES_PER_MESSAGE * e.messages().size());
    }

    /** The entry of a folder, or null; the caller brings it up to date before use. */
    Entry get(long folderId) {
        return entries.get(folderId);
    }

    /** Keeps an entry unless a newer one is there already. */
    void put(long folderId, Entry entry) {
        synchronized (entries) {
            Entry held = entries.get(folderId);
            if (held == null || held.modSeq() < entry.modSeq() || held == entry) entries.put(folderId, entry);
        }
    }

    /**
     * Learns a writer's own changes once its transaction has committed: {@code base} is the entry
     * the writer brought up to date under its store's lock and {@code own} everything it changed in
     * the folder after that, under the same lock (so nothing else changed the folder in between).
     * The next reader then finds the entry current instead of reading back what was just written
     * (STORE 1:1000, then the session's own poll). Kept only while {@code base} is still the
     * folder's entry; a rollback, a newer entry or a forgotten folder leave the index as it is.
     */
    void learn(long folderId, Entry base, FolderChanges own) {
        TxCache.afterCommit(txRegistry, () -> {
            synchronized (entries) {
                if (entries.get(folderId) == base) entries.put(folderId, base.apply(own));
            }
        });
    }

    /**
     * Forgets folders whose messages changed in a way the journal does not describe: a text made
     * from a MAPI message and kept now changes its size and whether it is a draft, not its MODSEQ.
     */
    void forget(Collection<Long> folderIds) {
        List<Long> ids = List.copyOf(folderIds);
        TxCache.forgetNowAndAtEnd(txRegistry, () -> ids.forEach(entries::remove));
    }

    public String stats() {
        return entries.stats();
    }
}
