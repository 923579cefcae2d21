package org.zcp.protocols.imap.mime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What FETCH ENVELOPE / BODY / BODYSTRUCTURE and SEARCH on addresses and sent dates need of a
 * message, derived once from its text and kept by the store beside it (the original kept BODY and
 * BODYSTRUCTURE with {@code imap_store_rfc822}; Dovecot keeps them in its index cache), so those
 * commands read a few hundred octets per message instead of the message and its MIME parse.
 *
 * <p>Everything is held as the session would compute it from the text: the three responses as
 * they go on the wire, the first Date: field as it stands, and per address field (From, To, Cc,
 * Bcc) each occurrence's value as it stands, decoded, and with its addresses written plainly
 * ({@link SearchText}). {@link #encode()} writes a versioned text; {@link #decode} answers null
 * for anything it does not know, and the caller derives the facts anew.
 *
 * @param addresses by field name as {@link #ADDRESS_FIELDS} spells it: for each occurrence of the
 *     field, its raw value, the decoded text and the plain addresses
 */
public record MessageFacts(String envelope, String body, String bodyStructure, String date,
        Map<String, List<AddressField>> addresses) {
    /** The fields SEARCH FROM, TO, CC and BCC look at. */
    public static final List<String> ADDRESS_FIELDS = List.of("From", "To", "Cc", "Bcc");

    private static final String VERSION = "F1";

    /** One occurrence of an address field: as it stands, decoded (RFC 2047), and its addresses written plainly. */
    public record AddressField(String raw, String decoded, String plain) {
    }

    public MessageFacts {
        Map<String, List<AddressField>> copy = new LinkedHashMap<>();
        addresses.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        addresses = java.util.Collections.unmodifiableMap(copy);
    }

    /** The facts of a parsed message. */
    public static MessageFacts of(MimeStructure mime) {
        MimePart root = mime.root();
        Map<String, List<AddressField>> addresses = new LinkedHashMap<>();
        for (String name : ADDRESS_FIELDS) {
            List<AddressField> found = new ArrayList<>();
            for (HeaderField f : root.fields()) {
                if (f.is(name)) {
                    found.add(new AddressField(f.value(), SearchText.header(f.value()), SearchText.addresses(f.value())));
                }
            }
            addresses.put(name, found);
        }
        return new MessageFacts(mime.envelope().toImapString(), mime.body(), mime.bodyStructure(),
                root.header("Date"), addresses);
    }

    /** The occurrences of an address field (From, To, Cc, Bcc; any case); empty when it has none. */
    public List<AddressField> addressField(String name) {
        for (Map.Entry<String, List<AddressField>> e : addresses.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return List.of();
    }

    /** A self-delimiting text: the version, then each value as its length, a colon and its characters. */
    public String encode() {
        StringBuilder b = new StringBuilder(envelope.length() + body.length() + bodyStructure.length() + 256);
        b.append(VERSION);
        put(b, envelope);
        put(b, body);
        put(b, bodyStructure);
        put(b, date);
        for (String name : ADDRESS_FIELDS) {
            List<AddressField> list = addresses.getOrDefault(name, List.of());
            put(b, Integer.toString(list.size()));
            for (AddressField a : list) {
                put(b, a.raw());
                put(b, a.decoded());
                put(b, a.plain());
            }
        }
        return b.toString();
    }

    /** The facts {@link #encode()} wrote, or null when {@code text} is not such a text (another version, damaged). */
    public static MessageFacts decode(String text) {
        if (text == null || !text.startsWith(VERSION)) return null;
        try {
            Reader r = new Reader(text, VERSION.length());
            String envelope = r.next();
            String body = r.next();
            String bodyStructure = r.next();
            String date = r.next();
            Map<String, List<AddressField>> addresses = new LinkedHashMap<>();
            for (String name : ADDRESS_FIELDS) {
                int n = Integer.parseInt(r.next());
                List<AddressField> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(new AddressField(r.next(), r.next(), r.next()));
                addresses.put(name, list);
            }
            if (envelope == null || body == null || bodyStructure == null || r.at != text.length()) return null;
            return new MessageFacts(envelope, body, bodyStructure, date, addresses);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A value: its length, ':' and the characters; null as "-". */
    private static void put(StringBuilder b, String value) {
        if (value == null) {
            b.append('-');
            return;
        }
        b.append(value.length()).append(':').append(value);
    }

    private static final class Reader {
        private final String text;
        private int at;

        Reader(String text, int at) {
            this.text = text;
            this.at = at;
        }

        String next() {
            if (text.charAt(at) == '-') {
                at++;
                return null;
            }
            int colon = text.indexOf(':', at);
            int length = Integer.parseInt(text, at, colon, 10);
            if (length < 0 || colon + 1 + length > text.length()) throw new IllegalArgumentException("damaged");
            at = colon + 1 + length;
            return text.substring(colon + 1, at);
        }
    }
}
