package org.zcp.store.api;

import java.util.List;

/**
 * A message's state as every client sees it, whatever protocol: read, follow-up flag, last verb
 * (answered, forwarded), marked for deletion, an unsent draft, and keywords (the categories).
 * The store maps it to and from MAPI properties; each protocol to and from its own names.
 */
public record MessageFlags(boolean read, boolean flagged, boolean answered, boolean forwarded, boolean deleted,
        boolean draft, List<String> keywords) {
    public static final MessageFlags NONE = new MessageFlags(false, false, false, false, false, false, List.of());

    public MessageFlags {
        keywords = List.copyOf(keywords);
    }
}
