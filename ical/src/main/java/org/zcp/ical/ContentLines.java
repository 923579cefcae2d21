package org.zcp.ical;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values of a property in iCalendar or vCard text (RFC 5545 3.1, RFC 6350 3.2): lines
 * unfolded, the property name matched without case and without a group prefix, the value after
 * the first colon outside quotes, with the text escapes undone. What a DAV server's text-match
 * filters and the conversions' own line handling read content lines with.
 */
public final class ContentLines {
    private ContentLines() {
    }

    public static List<String> values(String text, String property) {
        List<String> out = new ArrayList<>();
        String want = property.toUpperCase(Locale.ROOT);
        for (String line : unfold(text)) {
            int colon = valueStart(line);
            if (colon < 0) continue;
            String head = line.substring(0, colon);
            int semi = head.indexOf(';');
            String name = (semi < 0 ? head : head.substring(0, semi)).toUpperCase(Locale.ROOT);
            int dot = name.indexOf('.');
            if (dot >= 0) name = name.substring(dot + 1); // vCard group: item1.EMAIL
            if (name.equals(want)) out.add(unescape(line.substring(colon + 1)));
        }
        return out;
    }

    static List<String> unfold(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder cur = null;
        for (String raw : text.split("\r\n|\n|\r")) {
            if (!raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t') && cur != null) {
                cur.append(raw, 1, raw.length());
            } else {
                if (cur != null) lines.add(cur.toString());
                cur = new StringBuilder(raw);
            }
        }
        if (cur != null) lines.add(cur.toString());
        return lines;
    }

    /** Index of the ':' that ends the name and parameters of a content line (quotes respected), or -1. */
    public static int valueStart(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == ':' && !quoted) return i;
        }
        return -1;
    }

    private static String unescape(String v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '\\' && i + 1 < v.length()) {
                char n = v.charAt(++i);
                b.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
