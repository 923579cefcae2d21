package org.zcp.protocols.imap;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.protocols.imap.mime.MessageFacts;
import org.zcp.protocols.imap.mime.MimeStructure;

/**
 * The {@link MessageFacts} one command reads (FETCH ENVELOPE/BODY/BODYSTRUCTURE, SEARCH on
 * addresses and sent dates), from the store in batches ahead of use as {@link MessageTexts} does
 * for texts. A message whose facts the store does not keep yet is parsed from its text once, and
 * its facts are handed to the store to keep, a batch at a time, so the next command reads them
 * (as Dovecot fills its cache with what clients fetch). Keeping is an optimisation: when the store
 * refuses (a concurrent session kept them first, the message left), the command goes on.
 */
final class KeptFacts {
    private static final Logger LOG = Logger.getLogger(KeptFacts.class.getName());
    static final int BATCH = 1000;

    private final ImapSession session;
    private final SelectedMailbox mailbox;
    private final List<Long> order;
    private final Map<Long, Integer> position = new HashMap<>();
    private final MessageTexts texts;
    private Map<Long, String> loaded = Map.of();
    private final Map<Long, String> made = new LinkedHashMap<>();

    /**
     * {@code order}: the UIDs whose facts the command may read, in the order it reads them;
     * {@code texts}: the command's texts of the same UIDs, read for facts not kept yet.
     */
    KeptFacts(ImapSession session, SelectedMailbox mailbox, List<Long> order, MessageTexts texts) {
        this.session = session;
        this.mailbox = mailbox;
        this.order = order;
        for (int i = 0; i < order.size(); i++) position.putIfAbsent(order.get(i), i);
        this.texts = texts;
    }

    /** The facts of the message, or null when it has left the store. */
    MessageFacts get(long uid) {
        String kept = loaded.get(uid);
        if (kept == null && !loaded.containsKey(uid)) {
            keep();
            Integer at = position.get(uid);
            List<Long> batch = at == null ? List.of(uid) : order.subList(at, Math.min(order.size(), at + BATCH));
            loaded = new HashMap<>(session.backend.derived(session.handle, mailbox.id, batch));
            for (long u : batch) loaded.putIfAbsent(u, null);
            kept = loaded.get(uid);
        }
        MessageFacts facts = MessageFacts.decode(kept);
        if (facts != null) return facts;
        byte[] raw = texts.get(uid);
        if (raw == null) return null;
        facts = MessageFacts.of(MimeStructure.parse(raw));
        String encoded = facts.encode();
        loaded.put(uid, encoded);
        made.put(uid, encoded);
        return facts;
    }

    /** Hands what this command derived to the store; call when the command is done. */
    void keep() {
        if (made.isEmpty()) return;
        try {
            session.backend.keepDerived(session.handle, mailbox.id, Map.copyOf(made));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "facts of " + made.size() + " messages not kept", e);
        }
        made.clear();
    }
}
