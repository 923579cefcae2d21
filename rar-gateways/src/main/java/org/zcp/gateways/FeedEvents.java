package org.zcp.gateways;

import org.zcp.protocols.imap.MailboxEvents;
import org.zcp.store.api.ChangeFeed;

/**
 * IMAP sessions' change signals from the store's {@link ChangeFeed} (same deployment, same JVM):
 * a mailbox's UIDVALIDITY is its folder id (docs/imap.md), so a session watches that folder.
 */
final class FeedEvents implements MailboxEvents {
    static final FeedEvents SHARED = new FeedEvents(ChangeFeed.shared());

    private final ChangeFeed feed;

    FeedEvents(ChangeFeed feed) {
        this.feed = feed;
    }

    @Override
    public Watch watch(long uidValidity, String session, Runnable changed) {
        ChangeFeed.Subscription folder = feed.folder(uidValidity, e -> changed.run());
        ChangeFeed.Subscription ended = feed.session(session, changed);
        return () -> {
            folder.close();
            ended.close();
        };
    }
}
