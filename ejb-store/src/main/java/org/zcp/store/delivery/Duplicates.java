package org.zcp.store.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.mapi.ObjectStore;

/**
 * Message-ID duplicate suppression's look-up (manual 5.4: an MTA that lost the answer delivers
 * again). The delivery calls it while it holds its store's row lock (taken by the journal entry
 * of its new message, kept until commit), so every earlier delivery of the same Message-ID to the
 * store has committed, and a plain read sees it: the datasource runs at READ COMMITTED, where
 * every statement reads what is committed when it starts, in the delivery's own transaction (it
 * had one of its own, which cost a connection, a commit and 4% of a delivery's CPU, while it was
 * needed for InnoDB's REPEATABLE READ). Never a locking read: that would wait for the rows of
 * deliveries still writing theirs (InnoDB next-key locks) while they wait for the store lock, a
 * deadlock that LmtpIT's parallel duplicates showed on MariaDB.
 */
@ApplicationScoped
public class Duplicates {
    @Inject
    ObjectStore objects;

    /** A live delivered message with this Message-ID in the store created after {@code since}, other than {@code self}; or null. */
    public String find(long storeId, String messageId, long since, long self) {
        return objects.messagesWithId(storeId, messageId, since).stream()
                // an unsent copy (a rule's redirect waiting in the Outbox keeps the Message-ID) is not one
                .filter(h -> h.id != self && (h.msgFlags & PropTag.MSGFLAG_UNSENT) == 0).findFirst()
                .map(objects::entryId).orElse(null);
    }
}
