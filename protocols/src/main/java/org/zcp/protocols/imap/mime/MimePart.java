package org.zcp.protocols.imap.mime;

import java.util.List;

/**
 * One node of a message's MIME tree, located by byte offsets in the raw message so that every
 * IMAP section is a plain sub-range of the stored bytes.
 *
 * <p>The header block runs from {@link #headerStart()} to {@link #headerEnd()} and includes the
 * blank line that ends it (when there is one); the body follows up to {@link #bodyEnd()}. For a
 * part of a multipart the line break before the next boundary belongs to the boundary (RFC 2046
 * §5.1.1) and so is not in the body. A whole message (top level or embedded in message/rfc822) is
 * also a {@code MimePart}: its header block is the RFC 822 header.
 */
public final class MimePart {
    private final byte[] raw;
    private final int headerStart;
    private final int headerEnd;
    private final int bodyEnd;
    private final List<HeaderField> fields;
    private final ContentType contentType;
    private final List<MimePart> children;
    private final MimePart message;

    MimePart(byte[] raw, int headerStart, int headerEnd, int bodyEnd, List<HeaderField> fields,
            ContentType contentType, List<MimePart> children, MimePart message) {
        this.raw = raw;
        this.headerStart = headerStart;
        this.headerEnd = headerEnd;
        this.bodyEnd = bodyEnd;
        this.fields = List.copyOf(fields);
        this.contentType = contentType;
        this.children = List.copyOf(children);
        this.message = message;
    }

    public int headerStart() {
        return headerStart;
    }

    /** Offset just past the header block (and its blank line); also where the body starts. */
    public int headerEnd() {
        return headerEnd;
    }

    public int bodyStart() {
        return headerEnd;
    }

    public int bodyEnd() {
        return bodyEnd;
    }

    /** Body size in octets, as BODYSTRUCTURE reports it. */
    public int bodySize() {
        return bodyEnd - headerEnd;
    }

    /**
     * Body size in lines, counted as line feeds (as Dovecot does), so an unterminated last line
     * does not count.
     */
    public int bodyLines() {
        int lines = 0;
        for (int i = headerEnd; i < bodyEnd; i++) {
            if (raw[i] == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** All header fields in order. */
    public List<HeaderField> fields() {
        return fields;
    }

    /** The value of the first field with that name (ignoring case), or null. */
    public String header(String name) {
        for (HeaderField f : fields) {
            if (f.is(name)) {
                return f.value();
            }
        }
        return null;
    }

    /** The Content-Type, with RFC 2045 (or digest) defaults applied; never null. */
    public ContentType contentType() {
        return contentType;
    }

    /** Children of a multipart, in order; empty for other parts. */
    public List<MimePart> children() {
        return children;
    }

    /** The embedded message of a message/rfc822 part, or null. */
    public MimePart message() {
        return message;
    }

    public boolean isMultipart() {
        return contentType.isMultipart();
    }

    public String contentId() {
        return header("Content-ID");
    }

    public String contentDescription() {
        return header("Content-Description");
    }

    public String contentMd5() {
        return header("Content-MD5");
    }

    public String contentLocation() {
        return header("Content-Location");
    }

    /** The transfer-encoding mechanism as written, or null when absent (meaning 7bit). */
    public String contentTransferEncoding() {
        String v = header("Content-Transfer-Encoding");
        return v == null ? null : MimeValueParser.firstToken(v);
    }

    /** The Content-Disposition, or null when absent or unparsable. */
    public ContentDisposition contentDisposition() {
        String v = header("Content-Disposition");
        return v == null ? null : MimeValueParser.disposition(v);
    }

    /** The Content-Language tags; empty when absent. */
    public List<String> contentLanguage() {
        String v = header("Content-Language");
        return v == null ? List.of() : MimeValueParser.languages(v);
    }

    /** The raw header block, blank line included. */
    public byte[] headerBytes() {
        return java.util.Arrays.copyOfRange(raw, headerStart, headerEnd);
    }

    /** The raw body. */
    public byte[] bodyBytes() {
        return java.util.Arrays.copyOfRange(raw, headerEnd, bodyEnd);
    }

    byte[] raw() {
        return raw;
    }
}
