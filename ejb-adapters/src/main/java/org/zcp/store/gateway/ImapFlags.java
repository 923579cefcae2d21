package org.zcp.store.gateway;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.zcp.store.api.MessageFlags;

/**
 * IMAP's flag names for the store's {@link MessageFlags} (RFC 3501 2.3.2, RFC 5788 for
 * $Forwarded): \Seen \Answered \Flagged \Deleted \Draft, $Forwarded, and every other name a
 * keyword. System flags compare case-insensitively; \Recent is the session's and never stored.
 */
final class ImapFlags {
    private ImapFlags() {
    }

    static Set<String> names(MessageFlags f) {
        Set<String> out = new LinkedHashSet<>();
        if (f.read()) out.add("\\Seen");
        if (f.answered()) out.add("\\Answered");
        if (f.forwarded()) out.add("$Forwarded");
        if (f.flagged()) out.add("\\Flagged");
        if (f.deleted()) out.add("\\Deleted");
        if (f.draft()) out.add("\\Draft");
        out.addAll(f.keywords());
        return out;
    }

    static MessageFlags of(Set<String> names) {
        List<String> keywords = new ArrayList<>();
        for (String n : names) {
            if (!n.startsWith("\\") && !n.equalsIgnoreCase("$Forwarded")) keywords.add(n);
        }
        return new MessageFlags(has(names, "\\Seen"), has(names, "\\Flagged"), has(names, "\\Answered"),
                has(names, "$Forwarded"), has(names, "\\Deleted"), has(names, "\\Draft"), keywords);
    }

    static boolean has(Set<String> names, String flag) {
        return names.stream().anyMatch(f -> f.equalsIgnoreCase(flag));
    }
}
