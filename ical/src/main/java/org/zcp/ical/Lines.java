package org.zcp.ical;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** iCalendar content lines (RFC 5545 3.1): escaping, parameter quoting, folding, date forms. */
final class Lines {
    private Lines() {
    }

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** A TEXT value escaped (RFC 5545 3.3.11). */
    static String text(String v) {
        StringBuilder b = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case ';' -> b.append("\\;");
                case ',' -> b.append("\\,");
                case '\n' -> b.append("\\n");
                case '\r' -> {
                    if (i + 1 >= v.length() || v.charAt(i + 1) != '\n') b.append("\\n");
                }
                default -> b.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** A parameter value, quoted where it holds ':', ';' or ',' (RFC 5545 3.2); DQUOTE cannot appear. */
    static String param(String v) {
        String clean = v.replace("\"", "'").replaceAll("[\\p{Cntrl}]", " ");
        return clean.matches(".*[:;,].*") ? '"' + clean + '"' : clean;
    }

    /**
     * A value written as it is, control characters made spaces: TZID values, which every client
     * compares with the TZID parameter unescaped (RFC 5545 calls them TEXT; nobody escapes them).
     */
    static String raw(String v) {
        return v.replaceAll("[\\p{Cntrl}]", " ");
    }

    /** NAME:value with the value escaped as TEXT. */
    static String property(String name, String value) {
        return name + ":" + text(value);
    }

    static String utc(long millis) {
        return UTC.format(Instant.ofEpochMilli(millis));
    }

    static String local(LocalDateTime t) {
        return LOCAL.format(t);
    }

    static String date(LocalDate d) {
        return DATE.format(d);
    }

    /** Unfolded lines (CRLF, LF or CR separated) in a list, empty ones left out. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        for (String l : text.split("\r\n|\n|\r")) {
            if (!l.isEmpty()) out.add(l);
        }
        return out;
    }

    /**
     * The content lines folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence or a
     * surrogate pair, each ended by CRLF.
     */
    static String fold(List<String> lines) {
        StringBuilder out = new StringBuilder();
        for (String line : lines) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int n = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + n > limit) {
                    out.append("\r\n ");
                    octets = 1;
                    limit = 75;
                }
                out.appendCodePoint(cp);
                octets += n;
                i += Character.charCount(cp);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /**
     * Line ends of real-world files made CRLF, so ical4j's strict unfolding reads LF-only files
     * whole (docs/ical-library-notes.md 3.3: without it a folded LF line is silently truncated).
     * This, not ical4j's JVM-wide relaxed-unfolding hint, keeps other users of ical4j unaffected.
     */
    static String crlf(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        return t.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
    }
}
