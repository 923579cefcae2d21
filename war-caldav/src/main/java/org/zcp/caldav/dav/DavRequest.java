package org.zcp.caldav.dav;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP request as the handlers see it: the servlet reads it whole (bodies are bounded by
 * {@link #MAX_BODY}), so a handler can be retried after a new logon and tested without a container.
 *
 * @param path the request path below the context, still percent-encoded
 * @param headers by lower-case name
 * @param tooLarge the body was longer than {@link #MAX_BODY} and was not read
 */
public record DavRequest(String method, String path, Map<String, List<String>> headers, byte[] body, boolean tooLarge,
        String peer) {
    /** The largest body accepted: what CALDAV:max-resource-size and CARDDAV:max-resource-size announce. */
    public static final int MAX_BODY = 10 * 1024 * 1024;

    public DavRequest {
        Map<String, List<String>> h = new TreeMap<>();
        headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = h;
        body = body == null ? new byte[0] : body;
    }

    /** A request for tests and internal use: headers as name, value, name, value... */
    public static DavRequest of(String method, String path, String body, String... headers) {
        Map<String, List<String>> h = new TreeMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) h.computeIfAbsent(headers[i].toLowerCase(Locale.ROOT),
                k -> new java.util.ArrayList<>()).add(headers[i + 1]);
        return new DavRequest(method, path, h, body == null ? null : body.getBytes(StandardCharsets.UTF_8), false,
                "127.0.0.1");
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /**
     * The charset of a body whose Content-Type names none: ical.cfg's default_charset (manual
     * 4.10), set once when the service starts; UTF-8, as RFC 5545 and 6350 have it, by default.
     */
    private static volatile java.nio.charset.Charset defaultCharset = StandardCharsets.UTF_8;

    public static void defaultCharset(java.nio.charset.Charset c) {
        defaultCharset = c;
    }

    /** The body as text, in the charset its Content-Type names, else the default charset. */
    public String text() {
        java.nio.charset.Charset cs = defaultCharset;
        String type = header("Content-Type");
        if (type != null) {
            for (String param : type.split(";")) {
                String p = param.trim();
                if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                    try {
                        cs = java.nio.charset.Charset.forName(p.substring(8).replace("\"", "").trim());
                    } catch (IllegalArgumentException unknown) {
                        throw new DavException(415, "unknown charset " + p.substring(8));
                    }
                }
            }
        }
        return new String(body, cs);
    }

    public boolean hasBody() {
        return body.length > 0;
    }

    /** The Depth header (RFC 4918 10.2): 0, 1 or {@link Integer#MAX_VALUE} for infinity; {@code dflt} when absent. */
    public int depth(int dflt) {
        String d = header("Depth");
        if (d == null) return dflt;
        return switch (d.trim().toLowerCase(Locale.ROOT)) {
            case "0" -> 0;
            case "1" -> 1;
            case "infinity" -> Integer.MAX_VALUE;
            default -> throw new DavException(400, "bad Depth header");
        };
    }
}
