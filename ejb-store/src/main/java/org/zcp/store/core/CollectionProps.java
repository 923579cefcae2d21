package org.zcp.store.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A folder's DAV collection properties as one string property: "name=value" lines, with
 * backslash escapes for backslash, newline and '=' in names, so any text survives.
 */
final class CollectionProps {
    private CollectionProps() {
    }

    static String format(Map<String, String> props) {
        StringBuilder b = new StringBuilder();
        props.forEach((k, v) -> b.append(escape(k, true)).append('=').append(escape(v, false)).append('\n'));
        return b.toString();
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty()) continue;
            int eq = -1;
            for (int i = 0; i < line.length(); i++) {
                if (line.charAt(i) == '\\') i++;
                else if (line.charAt(i) == '=') {
                    eq = i;
                    break;
                }
            }
            if (eq < 0) continue;
            out.put(unescape(line.substring(0, eq)), unescape(line.substring(eq + 1)));
        }
        return out;
    }

    private static String escape(String s, boolean name) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\\') b.append("\\\\");
            else if (c == '\n') b.append("\\n");
            else if (c == '\r') b.append("\\r");
            else if (c == '=' && name) b.append("\\=");
            else b.append(c);
        }
        return b.toString();
    }

    private static String unescape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char n = s.charAt(++i);
            b.append(n == 'n' ? '\n' : n == 'r' ? '\r' : n);
        }
        return b.toString();
    }
}
