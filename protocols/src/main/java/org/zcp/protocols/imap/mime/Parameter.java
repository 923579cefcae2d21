package org.zcp.protocols.imap.mime;

/**
 * A MIME parameter (RFC 2045 §5.1) with its name as written and its value unquoted. RFC 2231
 * pieces such as {@code filename*0*} are kept as separate raw parameters.
 */
public record Parameter(String name, String value) {
}
