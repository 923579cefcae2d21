package org.zcp.protocols.imap.mime;

/**
 * One address structure of an ENVELOPE (RFC 3501 §7.4.2): {@code (name adl mailbox host)}, each
 * an octet string or null for NIL. Group syntax uses two markers: a start with a null host and
 * the group name as mailbox, and an end with all four null.
 */
public record Address(String name, String adl, String mailbox, String host) {

    /** The group start marker {@code (NIL NIL "name" NIL)}. */
    public static Address groupStart(String groupName) {
        return new Address(null, null, groupName, null);
    }

    /** The group end marker {@code (NIL NIL NIL NIL)}. */
    public static Address groupEnd() {
        return new Address(null, null, null, null);
    }

    /** The IMAP form {@code (name adl mailbox host)}. */
    public String toImapString() {
        return "(" + ImapStrings.nstring(name) + " " + ImapStrings.nstring(adl) + " "
                + ImapStrings.nstring(mailbox) + " " + ImapStrings.nstring(host) + ")";
    }
}
