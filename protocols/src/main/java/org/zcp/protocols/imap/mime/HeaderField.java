package org.zcp.protocols.imap.mime;

/**
 * One header field as it stands in the message.
 *
 * @param name the field name as written (compare it case-insensitively)
 * @param value the value unfolded (line breaks before continuation whitespace removed) and
 *     trimmed, as an octet string (one char per byte, see {@link ImapStrings})
 * @param start offset of the field's first byte in the raw message
 * @param end offset just past the field's last line terminator (folded lines included)
 */
public record HeaderField(String name, String value, int start, int end) {

    /** True when this field has the given name, ignoring case. */
    public boolean is(String fieldName) {
        return name.equalsIgnoreCase(fieldName);
    }
}
