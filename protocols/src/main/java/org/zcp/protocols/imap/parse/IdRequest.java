package org.zcp.protocols.imap.parse;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * ID (RFC 2971 section 3.3): {@code ID NIL} or {@code ID ("name" "sodr" "version" "19.34")}. The
 * RFC bounds what a client may send, and the server holds it to that: at most 30 field-value pairs
 * and no string longer than 1024 octets. Fields are case-insensitive and kept in lower case; a
 * field sent twice keeps its first value. As real servers do, a field or value may also be an
 * atom, and a value NIL.
 *
 * @param params the client's fields and values (a value may be null), empty for {@code ID NIL}
 */
public record IdRequest(Map<String, String> params) {
    static final int MAX_PAIRS = 30;
    static final int MAX_OCTETS = 1024;

    public IdRequest {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** Parses everything after the command name. */
    public static IdRequest parse(Args args) throws ParseException {
        Map<String, String> params = new LinkedHashMap<>();
        if (args.accept("NIL")) {
            args.end();
            return new IdRequest(params);
        }
        Args list = args.list();
        args.end();
        int pairs = 0;
        while (list.hasNext()) {
            if (++pairs > MAX_PAIRS) throw new ParseException("ID list longer than 30 field-value pairs");
            String field = bounded(list.astring());
            if (!list.hasNext()) throw new ParseException("ID field without value");
            Token v = list.next();
            String value = v instanceof Token.Nil ? null : bounded(Args.astring(v));
            params.putIfAbsent(field.toLowerCase(Locale.ROOT), value);
        }
        return new IdRequest(params);
    }

    private static String bounded(String s) throws ParseException {
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_OCTETS) {
            throw new ParseException("ID string longer than 1024 octets");
        }
        return s;
    }
}
