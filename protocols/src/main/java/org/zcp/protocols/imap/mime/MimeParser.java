package org.zcp.protocols.imap.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link MimePart} tree from raw bytes. It never throws on malformed input: lines may
 * end in CRLF or bare LF, a header without a blank line ends at the end of its part, a multipart
 * without closing delimiter ends its last part at the end of the enclosing body, and nesting
 * deeper than {@link #MAX_DEPTH} is treated as opaque data so hostile input cannot exhaust the
 * stack.
 */
final class MimeParser {
    static final int MAX_DEPTH = 64;

    private final byte[] raw;

    private MimeParser(byte[] raw) {
        this.raw = raw;
    }

    static MimePart parse(byte[] raw) {
        return new MimeParser(raw).part(0, raw.length, ContentType.DEFAULT, 0);
    }

    private MimePart part(int start, int end, ContentType defaultType, int depth) {
        List<HeaderField> fields = new ArrayList<>();
        int headerEnd = header(start, end, fields);
        ContentType type = contentType(fields, defaultType);
        List<MimePart> children = new ArrayList<>();
        MimePart message = null;
        if (depth < MAX_DEPTH) {
            if (type.isMultipart()) {
                String boundary = type.parameter("boundary");
                ContentType childDefault = type.isDigest() ? ContentType.DIGEST_DEFAULT : ContentType.DEFAULT;
                if (boundary != null && !boundary.isEmpty()) {
                    for (int[] r : new BoundaryScanner(raw, boundary).split(headerEnd, end)) {
                        children.add(part(r[0], r[1], childDefault, depth + 1));
                    }
                }
            } else if (type.isMessageRfc822()) {
                message = part(headerEnd, end, ContentType.DEFAULT, depth + 1);
            }
        }
        return new MimePart(raw, start, headerEnd, end, fields, type, children, message);
    }

    private static ContentType contentType(List<HeaderField> fields, ContentType defaultType) {
        for (HeaderField f : fields) {
            if (f.is("Content-Type")) {
                ContentType parsed = MimeValueParser.contentType(f.value());
                // RFC 2045 §5.2: a syntactically invalid Content-Type means text/plain, even in a digest.
                return parsed != null ? parsed : ContentType.DEFAULT;
            }
        }
        return defaultType;
    }

    /**
     * Reads header fields from {@code start}, returning the offset just past the blank line (or
     * {@code end} when there is none).
     */
    private int header(int start, int end, List<HeaderField> fields) {
        int pos = start;
        int fieldStart = -1;
        while (pos < end) {
            int lineEnd = lineEnd(pos, end);
            if (isBlank(pos, lineEnd)) {
                addField(fields, fieldStart, pos);
                return lineEnd;
            }
            boolean continuation = raw[pos] == ' ' || raw[pos] == '\t';
            if (!continuation || fieldStart < 0) {
                addField(fields, fieldStart, pos);
                fieldStart = pos;
            }
            pos = lineEnd;
        }
        addField(fields, fieldStart, end);
        return end;
    }

    private void addField(List<HeaderField> fields, int start, int end) {
        if (start < 0) {
            return;
        }
        int colon = -1;
        for (int i = start; i < end; i++) {
            if (raw[i] == ':') {
                colon = i;
                break;
            }
            if (raw[i] == '\n') {
                break;
            }
        }
        if (colon < 0) {
            return; // not a field; its bytes stay in the header block
        }
        String name = ImapStrings.octets(raw, start, colon).strip();
        fields.add(new HeaderField(name, unfold(colon + 1, end), start, end));
    }

    /** The value with CR and LF removed (RFC 5322 §2.2.3 unfolding) and surrounding blanks trimmed. */
    private String unfold(int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            byte b = raw[i];
            if (b != '\r' && b != '\n') {
                sb.append((char) (b & 0xff));
            }
        }
        return trimBlanks(sb);
    }

    private static String trimBlanks(CharSequence s) {
        int a = 0;
        int b = s.length();
        while (a < b && (s.charAt(a) == ' ' || s.charAt(a) == '\t')) {
            a++;
        }
        while (b > a && (s.charAt(b - 1) == ' ' || s.charAt(b - 1) == '\t')) {
            b--;
        }
        return s.subSequence(a, b).toString();
    }

    private boolean isBlank(int pos, int lineEnd) {
        return lineEnd > pos && raw[lineEnd - 1] == '\n'
                && (lineEnd - pos == 1 || (lineEnd - pos == 2 && raw[pos] == '\r'));
    }

    /** Offset just past the LF ending the line at {@code pos}, or {@code end}. */
    private int lineEnd(int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }
}
