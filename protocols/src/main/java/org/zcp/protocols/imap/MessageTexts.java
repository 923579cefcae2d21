package org.zcp.protocols.imap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The message texts one command reads, fetched from the store in batches ahead of use (the
 * order the command goes through them is known), so FETCH or SEARCH over a large mailbox costs
 * one store call per {@link #BATCH} messages rather than one per message. The store bounds a
 * batch's octets, so big messages come a few at a time.
 *
 * <p>While the command writes one batch to the client, the next is read (one store call on a
 * virtual thread of its own): FETCH 1:* BODY[] otherwise alternated between reading from the
 * store and writing to a client that waited meanwhile. At most two batches are held.
 */
final class MessageTexts {
    static final int BATCH = 500;

    private final ImapSession session;
    private final SelectedMailbox mailbox;
    private final List<Long> order;
    private final Map<Long, Integer> position = new HashMap<>();
    private Map<Long, byte[]> loaded = Map.of();
    /** The batch being read ahead, starting at position {@link #aheadAt} of the order; or null. */
    private CompletableFuture<Map<Long, byte[]>> ahead;
    private int aheadAt = -1;

    /** {@code order}: the UIDs whose texts the command may read, in the order it reads them. */
    MessageTexts(ImapSession session, SelectedMailbox mailbox, List<Long> order) {
        this.session = session;
        this.mailbox = mailbox;
        this.order = order;
        for (int i = 0; i < order.size(); i++) position.putIfAbsent(order.get(i), i);
    }

    /** The text of the message, or null when it has left the store. */
    byte[] get(long uid) {
        byte[] text = loaded.get(uid);
        if (text != null) return text;
        Integer at = position.get(uid);
        if (at == null) return read(List.of(uid)).get(uid); // not in the order: alone
        if (ahead != null && aheadAt == at) {
            loaded = join(ahead);
        } else {
            loaded = read(batchFrom(at));
        }
        ahead = null;
        readAhead(at);
        return loaded.get(uid);
    }

    private List<Long> batchFrom(int at) {
        return order.subList(at, Math.min(order.size(), at + BATCH));
    }

    private Map<Long, byte[]> read(List<Long> uids) {
        return session.backend.texts(session.handle, mailbox.id, uids);
    }

    /** Starts reading the batch after the one just loaded from position {@code at}, if there is one. */
    private void readAhead(int at) {
        int next = at;
        while (next < order.size() && loaded.containsKey(order.get(next))) next++;
        // nothing loaded from here (the message is gone, or the order ends): read when asked
        if (next == at || next >= order.size()) return;
        List<Long> uids = batchFrom(next);
        aheadAt = next;
        ahead = new CompletableFuture<>();
        CompletableFuture<Map<Long, byte[]>> f = ahead;
        Thread.ofVirtual().name("imap-texts-" + session.peer).start(() -> {
            try {
                f.complete(read(uids));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
    }

    private static Map<Long, byte[]> join(CompletableFuture<Map<Long, byte[]>> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }
}
