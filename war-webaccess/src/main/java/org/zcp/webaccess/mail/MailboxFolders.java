package org.zcp.webaccess.mail;

import org.zcp.store.api.MapiObjects;
import org.zcp.webaccess.ApiException;

/** The special folders of a user's store for the other parts of the web client. */
public final class MailboxFolders {
    private MailboxFolders() {
    }

    /** The entry id of a special folder ("drafts", "outbox", "sent", "trash", ...); 409 when the store has none. */
    public static String special(MapiObjects mapi, org.zcp.webaccess.session.WebSession ws, String name) {
        String id = Mailbox.of(mapi, ws).special(name);
        if (id == null) throw new ApiException(409, "conflict", "the mailbox has no " + name + " folder");
        return id;
    }
}
