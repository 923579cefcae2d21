package org.zcp.protocols.imap.mime;

import java.util.List;

/**
 * Renders FETCH BODY and BODYSTRUCTURE (RFC 3501 §7.4.2) for a {@link MimePart} tree, as octet
 * strings (see {@link ImapStrings}) with the outer parentheses included.
 *
 * <p>Choices, made to match Dovecot:
 * <ul>
 *   <li>Type, subtype, parameter names and values, encodings and dispositions keep the case used
 *       in the message (Dovecot and Cyrus do not upper-case; the RFC's {@code "CHARSET"} example
 *       simply reflects its sample message).
 *   <li>A text part without a charset parameter gets {@code "charset" "us-ascii"} appended to its
 *       parameters (RFC 2045 default); missing Content-Type gives {@code "text" "plain"}, missing
 *       Content-Transfer-Encoding gives {@code "7bit"}.
 *   <li>Sizes are octets of the stored body exactly as BODY[n] returns it (a bare-LF message is
 *       not re-counted as CRLF); lines are counted as line feeds.
 *   <li>A multipart without any parsable child is shown with one empty text/plain child so the
 *       result stays grammatical; a message/rfc822 part always carries its parsed message.
 *   <li>Content-Language is always a parenthesized list; RFC 2231 parameter pieces stay raw.
 * </ul>
 */
public final class BodyStructure {
    private static final String EMPTY_BODY = "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0";

    private BodyStructure() {
    }

    /** FETCH BODY: no extension data. */
    public static String body(MimePart part) {
        StringBuilder sb = new StringBuilder();
        write(part, sb, false);
        return sb.toString();
    }

    /** FETCH BODYSTRUCTURE: with extension data. */
    public static String bodyStructure(MimePart part) {
        StringBuilder sb = new StringBuilder();
        write(part, sb, true);
        return sb.toString();
    }

    private static void write(MimePart part, StringBuilder sb, boolean extended) {
        if (part.isMultipart()) {
            writeMultipart(part, sb, extended);
        } else {
            writeSingle(part, sb, extended);
        }
    }

    private static void writeMultipart(MimePart part, StringBuilder sb, boolean extended) {
        sb.append('(');
        if (part.children().isEmpty()) {
            sb.append(EMPTY_BODY).append(extended ? " NIL NIL NIL NIL)" : ")");
        }
        for (MimePart child : part.children()) {
            write(child, sb, extended);
        }
        ContentType type = part.contentType();
        sb.append(' ').append(ImapStrings.string(type.subtype()));
        if (extended) {
            sb.append(' ').append(params(type.parameters()));
            appendDispositionLanguageLocation(part, sb);
        }
        sb.append(')');
    }

    private static void writeSingle(MimePart part, StringBuilder sb, boolean extended) {
        ContentType type = part.contentType();
        String encoding = part.contentTransferEncoding();
        sb.append('(').append(ImapStrings.string(type.type())).append(' ')
                .append(ImapStrings.string(type.subtype())).append(' ').append(params(typeParams(type)))
                .append(' ').append(ImapStrings.nstring(part.contentId()))
                .append(' ').append(ImapStrings.nstring(part.contentDescription()))
                .append(' ').append(ImapStrings.string(encoding == null ? "7bit" : encoding))
                .append(' ').append(part.bodySize());
        if (part.message() != null) {
            sb.append(' ').append(Envelope.of(part.message()).toImapString()).append(' ');
            write(part.message(), sb, extended);
            sb.append(' ').append(part.bodyLines());
        } else if (type.isText()) {
            sb.append(' ').append(part.bodyLines());
        }
        if (extended) {
            sb.append(' ').append(ImapStrings.nstring(part.contentMd5()));
            appendDispositionLanguageLocation(part, sb);
        }
        sb.append(')');
    }

    /** The parameters shown for a single part: text parts always say their charset. */
    private static List<Parameter> typeParams(ContentType type) {
        if (!type.isText() || type.parameter("charset") != null) {
            return type.parameters();
        }
        List<Parameter> params = new java.util.ArrayList<>(type.parameters());
        params.add(new Parameter("charset", "us-ascii"));
        return params;
    }

    private static void appendDispositionLanguageLocation(MimePart part, StringBuilder sb) {
        ContentDisposition disposition = part.contentDisposition();
        sb.append(' ');
        if (disposition == null) {
            sb.append(ImapStrings.NIL);
        } else {
            sb.append('(').append(ImapStrings.string(disposition.type())).append(' ')
                    .append(params(disposition.parameters())).append(')');
        }
        List<String> languages = part.contentLanguage();
        sb.append(' ');
        if (languages.isEmpty()) {
            sb.append(ImapStrings.NIL);
        } else {
            sb.append('(');
            for (int i = 0; i < languages.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(ImapStrings.string(languages.get(i)));
            }
            sb.append(')');
        }
        sb.append(' ').append(ImapStrings.nstring(part.contentLocation()));
    }

    /** {@code ("name" "value" ...)}, or NIL when there are none. */
    private static String params(List<Parameter> params) {
        if (params.isEmpty()) {
            return ImapStrings.NIL;
        }
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            sb.append(i == 0 ? "" : " ").append(ImapStrings.string(p.name())).append(' ')
                    .append(ImapStrings.string(p.value()));
        }
        return sb.append(')').toString();
    }
}
