package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.zcp.protocols.imap.parse.ListRequest;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * LIST and LSUB (RFC 3501 sections 6.3.8, 6.3.9) with the extended LIST of RFC 5258 as far as
 * SUBSCRIBED, SPECIAL-USE (RFC 6154), CHILDREN (RFC 3348) and RETURN (STATUS ...) (RFC 5819).
 * {@code *} matches anything, {@code %} anything but the delimiter "/".
 */
final class ListCommand {
    private static final Set<String> SPECIAL_USE = Set.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk",
            "\\Sent", "\\Trash");

    private ListCommand() {
    }

    static void handle(ImapSession s, RawCommand c) throws IOException, ParseException {
        boolean lsub = c.name().equals("LSUB");
        ListRequest r = lsub ? ListRequest.parseLsub(c.cursor()) : ListRequest.parse(c.cursor());
        String kind = lsub ? "LSUB" : "LIST";
        if (r.patterns().size() == 1 && r.patterns().get(0).isEmpty() && !r.extended()) {
            s.untagged(kind + " (\\Noselect) \"/\" \"\"");
            s.ok(c.tag(), null, kind + " completed");
            return;
        }
        boolean subscribedOnly = lsub || r.selection().contains(ListRequest.Selection.SUBSCRIBED);
        boolean specialOnly = r.selection().contains(ListRequest.Selection.SPECIAL_USE);
        boolean showSubscribed = subscribedOnly && !lsub || r.returns().contains(ListRequest.Return.SUBSCRIBED);
        List<Pattern> patterns = new ArrayList<>();
        for (String p : r.patterns()) patterns.add(compile(r.reference(), p));
        List<ImapBackend.Folder> folders = s.backend.folders(s.handle);
        for (ImapBackend.Folder f : folders) {
            if (patterns.stream().noneMatch(p -> p.matcher(f.name()).matches())) continue;
            if (subscribedOnly && !f.subscribed()) continue;
            Set<String> attributes = attributes(f, folders);
            if (specialOnly && attributes.stream().noneMatch(SPECIAL_USE::contains)) continue;
            if (lsub) attributes.removeIf(a -> !a.equals("\\Noselect"));
            if (showSubscribed && f.subscribed()) attributes.add("\\Subscribed");
            s.untagged(kind + " (" + String.join(" ", attributes) + ") \"/\" " + ImapOutput.mailbox(f.name()));
            if (r.status() != null && !attributes.contains("\\Noselect")) {
                StatusCommand.status(s, f.name(), r.status());
            }
        }
        s.ok(c.tag(), null, kind + " completed");
    }

    /** The folder's attributes, with \HasChildren or \HasNoChildren added when the store left them out. */
    static Set<String> attributes(ImapBackend.Folder f, List<ImapBackend.Folder> all) {
        Set<String> a = new LinkedHashSet<>(f.attributes());
        if (!a.contains("\\HasChildren") && !a.contains("\\HasNoChildren") && !a.contains("\\NoInferiors")) {
            String prefix = f.name() + "/";
            a.add(all.stream().anyMatch(o -> o.name().startsWith(prefix)) ? "\\HasChildren" : "\\HasNoChildren");
        }
        return a;
    }

    /** The pattern, prefixed with the reference, as a regular expression; INBOX matches in any case. */
    static Pattern compile(String reference, String pattern) {
        String full = reference.isEmpty() || reference.endsWith("/") || pattern.startsWith("/")
                ? reference + pattern : reference + "/" + pattern;
        if (full.regionMatches(true, 0, "INBOX", 0, 5)
                && (full.length() == 5 || "/*%".indexOf(full.charAt(5)) >= 0)) {
            full = "INBOX" + full.substring(5); // the name INBOX is case-insensitive
        }
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : full.toCharArray()) {
            if (ch == '*' || ch == '%') {
                if (!literal.isEmpty()) re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(ch == '*' ? ".*" : "[^/]*");
            } else {
                literal.append(ch);
            }
        }
        if (!literal.isEmpty()) re.append(Pattern.quote(literal.toString()));
        String regex = re.toString();
        return Pattern.compile(regex);
    }
}
