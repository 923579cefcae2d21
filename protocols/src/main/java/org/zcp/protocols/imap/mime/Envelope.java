package org.zcp.protocols.imap.mime;

import java.util.List;

/**
 * The ENVELOPE of a message (RFC 3501 §7.4.2), from the first occurrence of each header field.
 * Date, subject, in-reply-to and message-id are the unfolded raw values, undecoded; an absent
 * field is NIL. Address lists are parsed by {@link AddressParser}; an absent field or one without
 * any address is NIL, except that sender and reply-to fall back to from as the RFC requires.
 *
 * @param date Date, or null
 * @param subject Subject, or null
 * @param from From addresses, empty for NIL
 * @param sender Sender addresses (from when absent or empty)
 * @param replyTo Reply-To addresses (from when absent or empty)
 * @param to To addresses
 * @param cc Cc addresses
 * @param bcc Bcc addresses
 * @param inReplyTo In-Reply-To, or null
 * @param messageId Message-ID, or null
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
        List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc, String inReplyTo,
        String messageId) {

    public Envelope {
        from = List.copyOf(from);
        sender = List.copyOf(sender);
        replyTo = List.copyOf(replyTo);
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        bcc = List.copyOf(bcc);
    }

    /** The envelope of a message (the root of a structure or the message of a message/rfc822 part). */
    public static Envelope of(MimePart message) {
        List<Address> from = addresses(message, "From");
        List<Address> sender = addresses(message, "Sender");
        List<Address> replyTo = addresses(message, "Reply-To");
        return new Envelope(message.header("Date"), message.header("Subject"), from,
                sender.isEmpty() ? from : sender, replyTo.isEmpty() ? from : replyTo,
                addresses(message, "To"), addresses(message, "Cc"), addresses(message, "Bcc"),
                message.header("In-Reply-To"), message.header("Message-ID"));
    }

    private static List<Address> addresses(MimePart message, String field) {
        String value = message.header(field);
        return value == null ? List.of() : AddressParser.parse(value);
    }

    /** The parenthesized IMAP form, as an octet string (see {@link ImapStrings}). */
    public String toImapString() {
        return "(" + ImapStrings.nstring(date) + " " + ImapStrings.nstring(subject) + " " + list(from) + " "
                + list(sender) + " " + list(replyTo) + " " + list(to) + " " + list(cc) + " " + list(bcc) + " "
                + ImapStrings.nstring(inReplyTo) + " " + ImapStrings.nstring(messageId) + ")";
    }

    /** {@code "(" 1*address ")"} with no space between addresses, or NIL. */
    private static String list(List<Address> addresses) {
        if (addresses.isEmpty()) {
            return ImapStrings.NIL;
        }
        StringBuilder sb = new StringBuilder("(");
        for (Address a : addresses) {
            sb.append(a.toImapString());
        }
        return sb.append(')').toString();
    }

    @Override
    public String toString() {
        return toImapString();
    }
}
