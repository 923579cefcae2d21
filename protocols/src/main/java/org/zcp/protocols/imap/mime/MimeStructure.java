package org.zcp.protocols.imap.mime;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * The MIME structure of one stored message, computed from its raw RFC 822 bytes, with the
 * section addressing of IMAP FETCH (RFC 3501 §6.4.5). Every section is a copy of (or, for
 * HEADER.FIELDS, a selection of lines from) the original bytes, so BODY[] is byte-identical to
 * what was stored and offsets agree with RFC822.SIZE.
 *
 * <p>Part numbering follows the RFC: a multipart's children are 1, 2, ...; a message that is not
 * multipart has exactly one part, 1, which is its body (with the message header as its MIME
 * header); a message/rfc822 part's own sub-parts are those of the message it contains, and only
 * such parts have HEADER and TEXT. A leaf part inside a multipart has no sub-parts. A section
 * naming a part that does not exist is empty.
 */
public final class MimeStructure {
    private final byte[] raw;
    private final MimePart root;

    private MimeStructure(byte[] raw) {
        this.raw = raw;
        this.root = MimeParser.parse(raw);
    }

    /** Parses a message; never throws on malformed MIME. The array is kept, not copied. */
    public static MimeStructure parse(byte[] raw) {
        return new MimeStructure(raw);
    }

    /** The message itself: its header block is the RFC 822 header. */
    public MimePart root() {
        return root;
    }

    /** The raw message bytes (not a copy). */
    public byte[] raw() {
        return raw;
    }

    /** RFC822.SIZE. */
    public int size() {
        return raw.length;
    }

    /** The ENVELOPE of the message. */
    public Envelope envelope() {
        return Envelope.of(root);
    }

    /** FETCH BODY (no extension data). */
    public String body() {
        return BodyStructure.body(root);
    }

    /** FETCH BODYSTRUCTURE (with extension data). */
    public String bodyStructure() {
        return BodyStructure.bodyStructure(root);
    }

    /**
     * The bytes of BODY[spec], e.g. "", "HEADER", "1.2.MIME", "3.HEADER.FIELDS (SUBJECT)".
     *
     * @throws IllegalArgumentException when {@code spec} is not valid section syntax
     */
    public byte[] section(String spec) {
        return section(SectionSpec.parse(spec));
    }

    /** The bytes of an already parsed section specifier; empty when the part does not exist. */
    public byte[] section(SectionSpec spec) {
        if (spec.parts().isEmpty()) {
            return switch (spec.text()) {
                case NONE -> raw.clone();
                case MIME -> new byte[0];
                default -> messageText(root, spec);
            };
        }
        MimePart part = find(spec.parts());
        if (part == null) {
            return new byte[0];
        }
        return switch (spec.text()) {
            case NONE -> range(part.bodyStart(), part.bodyEnd());
            case MIME -> range(part.headerStart(), part.headerEnd());
            default -> part.message() == null ? new byte[0] : messageText(part.message(), spec);
        };
    }

    /**
     * The part a list of part numbers addresses, or null. A non-multipart message (top level or
     * embedded) answers part 1 with itself, since its body is its only part.
     */
    public MimePart find(List<Integer> numbers) {
        MimePart current = childOfMessage(root, numbers.get(0));
        for (int i = 1; i < numbers.size() && current != null; i++) {
            int n = numbers.get(i);
            if (current.isMultipart()) {
                current = child(current, n);
            } else if (current.message() != null) {
                current = childOfMessage(current.message(), n);
            } else {
                current = null;
            }
        }
        return current;
    }

    private static MimePart childOfMessage(MimePart message, int n) {
        if (message.isMultipart()) {
            return child(message, n);
        }
        return n == 1 ? message : null;
    }

    private static MimePart child(MimePart multipart, int n) {
        List<MimePart> children = multipart.children();
        return n >= 1 && n <= children.size() ? children.get(n - 1) : null;
    }

    private byte[] messageText(MimePart message, SectionSpec spec) {
        return switch (spec.text()) {
            case HEADER -> range(message.headerStart(), message.headerEnd());
            case TEXT -> range(message.bodyStart(), message.bodyEnd());
            case HEADER_FIELDS -> headerFields(message, spec.fields(), true);
            case HEADER_FIELDS_NOT -> headerFields(message, spec.fields(), false);
            default -> new byte[0];
        };
    }

    /**
     * The header lines whose name is (or, with {@code wanted} false, is not) in the list, verbatim
     * with their folding, in message order, then the blank line. Added line breaks are the header's
     * own (see {@link #blankLine}). A last field cut off without line break gets
     * one, so the result always ends in a blank line.
     */
    private byte[] headerFields(MimePart message, List<String> names, boolean wanted) {
        byte[] eol = blankLine(message);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (HeaderField f : message.fields()) {
            boolean listed = names.stream().anyMatch(f::is);
            if (listed == wanted) {
                out.write(raw, f.start(), f.end() - f.start());
                if (f.end() == f.start() || raw[f.end() - 1] != '\n') {
                    out.writeBytes(eol);
                }
            }
        }
        out.writeBytes(eol);
        return out.toByteArray();
    }

    /** The line break the header uses: that of its first line, CRLF when it has none. */
    private byte[] blankLine(MimePart message) {
        for (int i = message.headerStart(); i < message.headerEnd(); i++) {
            if (raw[i] == '\n') {
                return i > message.headerStart() && raw[i - 1] == '\r' ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
            }
        }
        return new byte[] {'\r', '\n'};
    }

    private byte[] range(int from, int to) {
        return Arrays.copyOfRange(raw, from, to);
    }

    /**
     * The partial fetch {@code <origin.octets>} (RFC 3501 §6.4.5): at most {@code octets} bytes
     * from {@code origin}; empty when the origin is past the end.
     */
    public static byte[] partial(byte[] data, long origin, long octets) {
        if (origin < 0 || octets < 0) {
            throw new IllegalArgumentException("negative partial range");
        }
        if (origin >= data.length) {
            return new byte[0];
        }
        int from = (int) origin;
        // octets is capped first: origin + octets must not overflow into a negative end
        int to = (int) Math.min(data.length, origin + Math.min(octets, data.length));
        return Arrays.copyOfRange(data, from, to);
    }
}
