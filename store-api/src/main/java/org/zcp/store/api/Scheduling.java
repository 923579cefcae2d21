package org.zcp.store.api;

import java.util.List;

/**
 * Scheduling messages a user sends (RFC 6638 implicit scheduling: CalDAV's PUT and DELETE of a
 * meeting): the iTIP message as iMIP mail (RFC 6047) from the session's user to the recipients,
 * queued in their Outbox for the spooler like any mail they send, so local attendees get it
 * through delivery (their calendar kept in step there) and outside ones through the MTA.
 */
public interface Scheduling {
    /**
     * Sends {@code calendar} (an iTIP message with its METHOD: REQUEST, CANCEL, REPLY or COUNTER) to
     * {@code recipients} (e-mail addresses). INVALID when it is not an iTIP message of events or
     * the user has no e-mail address to send from.
     */
    void send(String session, String calendar, List<String> recipients);
}
