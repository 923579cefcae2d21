package org.zcp.protocols.imap;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.zcp.protocols.imap.parse.ListRequest;
import org.zcp.protocols.imap.parse.ParseException;
import org.zcp.protocols.imap.parse.RawCommand;

/**
 * LIST and LSUB (RFC 3501 sections 6.3.8, 6.3.9) with the extended LIST of RFC 5258 as far as
 * SUBSCRIBED, SPECIAL-USE (RFC 6154), CHILDREN (RFC 3348) and RETURN (STATUS ...) (RFC 5819).
 * {@code *} matches anything, {@code %} anything but the delimiter "/". LSUB also answers the
 * superior, as \Noselect, of a subscribed mailbox that {@code %} does not reach.
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
        List<Pattern> patterns = new ArrayList<>();
        for (String p : r.patterns()) patterns.add(compile(r.reference(), p));
        List<ImapBackend.Folder> folders = s.backend.folders(s.handle);
        if (lsub) {
            lsub(s, folders, patterns);
            s.ok(c.tag(), null, "LSUB completed");
            return;
        }
        boolean subscribedOnly = r.selection().contains(ListRequest.Selection.SUBSCRIBED);
        boolean specialOnly = r.selection().contains(ListRequest.Selection.SPECIAL_USE);
        boolean showSubscribed = subscribedOnly || r.returns().contains(ListRequest.Return.SUBSCRIBED);
        for (ImapBackend.Folder f : folders) {
            if (!matches(patterns, f.name())) continue;
            if (subscribedOnly && !f.subscribed()) continue;
            Set<String> attributes = attributes(f, folders);
            if (specialOnly && attributes.stream().noneMatch(SPECIAL_USE::contains)) continue;
            if (showSubscribed && f.subscribed()) attributes.add("\\Subscribed");
            s.untagged("LIST (" + String.join(" ", attributes) + ") \"/\" " + ImapOutput.mailbox(f.name()));
            if (r.status() != null && !attributes.contains("\\Noselect")) {
                StatusCommand.status(s, f.name(), r.status());
            }
        }
        s.ok(c.tag(), null, "LIST completed");
    }

    /**
     * LSUB: the subscribed mailboxes the patterns match, and (RFC 3501 section 6.3.9) for one
     * that a {@code %} does not reach because it lies deeper, its superior the pattern matches,
     * with \Noselect unless that one is subscribed itself: {@code LSUB "" %} with only "a/b"
     * subscribed answers "a" (\Noselect).
     */
    private static void lsub(ImapSession s, List<ImapBackend.Folder> folders, List<Pattern> patterns)
            throws IOException {
        Set<String> subscribed = new HashSet<>();
        for (ImapBackend.Folder f : folders) if (f.subscribed()) subscribed.add(f.name());
        Map<String, Boolean> out = new LinkedHashMap<>(); // name -> \Noselect
        for (ImapBackend.Folder f : folders) {
            if (!f.subscribed()) continue;
            String name = f.name();
            if (matches(patterns, name)) {
                out.put(name, f.attributes().contains("\\Noselect"));
                continue;
            }
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                String superior = name.substring(0, slash);
                if (!subscribed.contains(superior) && matches(patterns, superior)) out.putIfAbsent(superior, true);
            }
        }
        for (Map.Entry<String, Boolean> e : out.entrySet()) {
            s.untagged("LSUB (" + (e.getValue() ? "\\Noselect" : "") + ") \"/\" " + ImapOutput.mailbox(e.getKey()));
        }
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
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
