package org.zcp.protocols.imap;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The message texts one command reads, fetched from the store in batches ahead of use (the
 * order the command goes through them is known), so FETCH or SEARCH over a large mailbox costs
 * one store call per {@link #BATCH} messages rather than one per message. Only the current batch
 * is held; the store bounds a batch's octets, so big messages come a few at a time.
 */
final class MessageTexts {
    static final int BATCH = 500;

    private final ImapSession session;
    private final SelectedMailbox mailbox;
    private final List<Long> order;
    private final Map<Long, Integer> position = new HashMap<>();
    private Map<Long, byte[]> loaded = Map.of();

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
        List<Long> batch = at == null ? List.of(uid) : order.subList(at, Math.min(order.size(), at + BATCH));
        loaded = session.backend.texts(session.handle, mailbox.id, batch);
        return loaded.get(uid);
    }
}
