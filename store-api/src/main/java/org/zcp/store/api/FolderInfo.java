package org.zcp.store.api;

/**
 * A folder as the store API shows it: its id (also its IMAP UIDVALIDITY), its parent, its name
 * as the user sees it, its container class ("IPF.Note", "IPF.Appointment", ...; null for an
 * unclassed folder) and its special role in its store.
 */
public record FolderInfo(long id, long parentId, String name, String containerClass, Special special) {
    /** The roles a store gives some of its folders (the receive folder, the root's entry ids). */
    public enum Special { NONE, INBOX, OUTBOX, SENT, DRAFTS, TRASH, JUNK }
}
