package org.zcp.caldav.resource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Request paths to {@link Target}s and back: segments percent-decoded in, percent-encoded out. */
public final class Paths {
    public static final String PRINCIPALS = "principals";

    private Paths() {
    }

    public static Target parse(String rawPath) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        int q = path.indexOf('?');
        if (q >= 0) path = path.substring(0, q);
        List<String> s = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
            String d = decode(part);
            if (d == null || d.equals(".") || d.equals("..")) return new Target.Unknown();
            s.add(d);
        }
        if (s.isEmpty()) return new Target.Unknown();
        String top = s.get(0);
        if (top.equals(".well-known") && s.size() == 2) {
            return switch (s.get(1)) {
                case "caldav" -> new Target.WellKnown(Tree.CALDAV.root());
                case "carddav" -> new Target.WellKnown(Tree.CARDDAV.root());
                default -> new Target.Unknown();
            };
        }
        if (top.equals("ical")) {
            if (s.size() == 2) return new Target.Ical(s.get(1), null);
            if (s.size() == 3) return new Target.Ical(s.get(1), s.get(2));
            return new Target.Unknown();
        }
        Tree tree = top.equals("caldav") ? Tree.CALDAV : top.equals("carddav") ? Tree.CARDDAV : null;
        if (tree == null) return new Target.Unknown();
        if (s.size() >= 2 && s.get(1).equals(PRINCIPALS)) {
            if (s.size() == 2) return new Target.Principals();
            if (s.size() == 3) return new Target.Principal(s.get(2));
            return new Target.Unknown();
        }
        Target.Box box = tree == Tree.CALDAV && s.size() >= 3 ? Target.Box.of(s.get(2)) : null;
        if (box != null) {
            if (s.size() == 3) return new Target.ScheduleBox(s.get(1), box, null);
            if (s.size() == 4) return new Target.ScheduleBox(s.get(1), box, s.get(3));
            return new Target.Unknown();
        }
        if (tree == Tree.CARDDAV && s.size() >= 3 && Target.Gal.is(s.get(2))) {
            if (s.size() == 3) return new Target.Gal(s.get(1), null);
            if (s.size() == 4) return new Target.Gal(s.get(1), s.get(3));
            return new Target.Unknown();
        }
        return switch (s.size()) {
            case 1 -> new Target.Root(tree);
            case 2 -> new Target.Home(tree, s.get(1));
            case 3 -> new Target.Collection(tree, s.get(1), s.get(2));
            case 4 -> new Target.Item(tree, s.get(1), s.get(2), s.get(3));
            default -> new Target.Unknown();
        };
    }

    /**
     * The target of an href in a request body (multiget, sync): an absolute URL's path or a path.
     */
    public static Target parseHref(String href) {
        String h = href.trim();
        int scheme = h.indexOf("://");
        if (scheme > 0) {
            int slash = h.indexOf('/', scheme + 3);
            h = slash < 0 ? "/" : h.substring(slash);
        }
        return parse(h);
    }

    public static String principal(String user) {
        return "/caldav/" + PRINCIPALS + "/" + encode(user) + "/";
    }

    public static String principals() {
        return "/caldav/" + PRINCIPALS + "/";
    }

    public static String home(Tree tree, String user) {
        return tree.root() + encode(user) + "/";
    }

    public static String collection(Tree tree, String user, String segment) {
        return home(tree, user) + encode(segment) + "/";
    }

    /** The scheduling outbox or inbox of a user's calendar home (RFC 6638 2.1, 2.2). */
    public static String scheduleBox(String user, Target.Box box) {
        return home(Tree.CALDAV, user) + box.segment() + "/";
    }

    /** The global address book of a user's address-book home, or one of its members (name not null). */
    public static String gal(String user, String name) {
        String gal = home(Tree.CARDDAV, user) + Target.Gal.SEGMENT + "/";
        return name == null ? gal : gal + encode(name);
    }

    public static String item(Tree tree, String user, String segment, String name) {
        return collection(tree, user, segment) + encode(name);
    }

    /** Percent-encodes all but RFC 3986 unreserved characters and '@' (a pchar). */
    public static String encode(String segment) {
        StringBuilder b = new StringBuilder();
        for (byte x : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    /** Percent-decodes a segment as UTF-8; null when malformed. */
    public static String decode(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%') {
                if (i + 2 >= segment.length()) return null;
                int hi = Character.digit(segment.charAt(i + 1), 16);
                int lo = Character.digit(segment.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) return null;
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
