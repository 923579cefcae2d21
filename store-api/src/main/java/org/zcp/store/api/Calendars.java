package org.zcp.store.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Calendars as scheduling sees them (docs/calendar.md, "Mail flow, free/busy, resources"):
 * free/busy time computed from the items of a calendar, and what a scheduling message (iTIP,
 * RFC 5546) that arrives for a user does to their calendar. The conversions are the ical
 * module's; the items are written through {@link FolderItems}' code, so every change is journaled
 * and announced like any other.
 */
public interface Calendars {
    /** What a busy period is (iCalendar's FBTYPE; MAPI's busy status 1, 2, 3). */
    enum BusyType { TENTATIVE, BUSY, OUT_OF_OFFICE }

    /** A busy period [start, end) of a calendar; never anything of the item it comes from. */
    record Busy(Instant start, Instant end, BusyType type) {
    }

    /**
     * The busy periods of a calendar folder within [from, to), recurrences expanded; the session
     * needs the right to read the folder or to see its free/busy (Outlook's free/busy rights, or
     * being a user of the owner's company for a default calendar, as the original published
     * free/busy to everyone). NO_ACCESS otherwise.
     */
    List<Busy> freeBusy(String session, long folderId, Instant from, Instant to);

    /**
     * The busy periods of a user's default calendar, by login name or e-mail address; empty when
     * the session sees no such user or the user has no store (an outside address, for example).
     */
    Optional<List<Busy>> freeBusyOf(String session, String user, Instant from, Instant to);

    /** What delivering a scheduling message did to the recipient's calendar. */
    enum Outcome {
        /** Not a scheduling message this server acts on: the message is delivered as it is. */
        NONE,
        /** A request put (or updated) the meeting in the calendar as tentative, awaiting an answer. */
        TENTATIVE,
        /** The mailbox answers by itself (manual 8.8) and accepted: the meeting is in its calendar. */
        ACCEPTED,
        /** The mailbox answers by itself and declined (a conflict, a recurring meeting). */
        DECLINED,
        /** An answer of an attendee updated the organizer's copy. */
        ANSWERED,
        /** A cancellation marked the meeting cancelled (removed it, for a mailbox that answers by itself). */
        CANCELLED,
        /** Out of date (an older SEQUENCE) or about a meeting the calendar does not hold: nothing changed. */
        IGNORED
    }

    /**
     * What a delivery of a scheduling message did: the outcome and why, the message class the
     * delivered mail gets (IPM.Schedule.Meeting.Request, ...; null: as converted), the folder it
     * goes to (entry id; null: as delivery chooses), and the answer to send (an iTIP REPLY from
     * the recipient to {@code replyTo}; null: none).
     */
    record Scheduled(Outcome outcome, String note, String messageClass, String folder, String replyTo,
            String reply) {
        public static Scheduled none(String note) {
            return new Scheduled(Outcome.NONE, note, null, null, null, null);
        }
    }

    /**
     * Acts on a scheduling message ({@code calendar}: its text/calendar part) delivered to
     * {@code userId}: a request goes into the calendar as tentative (or, for a mailbox that answers
     * meeting requests itself, is accepted or declined and answered, manual 8.8), an answer updates
     * the organizer's copy, a cancellation marks the meeting cancelled. Malformed calendar data is
     * {@link Outcome#NONE} with the reason: the mail is still delivered.
     *
     * @param from the mail's author (its From address, else the envelope sender; null when it has
     *        none): an answer is taken only from the attendee it is of, a cancellation only from
     *        the organizer, so a forged mail cannot change who comes or free a booked room
     */
    Scheduled deliver(long userId, String calendar, String from);

    /**
     * The meeting's MAPI properties for the mail that carries it (named properties only: global
     * object ids, times, location, busy status, recurrence), so a client finds the meeting from the
     * meeting request in the Inbox; empty when {@code calendar} cannot be read.
     */
    List<org.zcp.store.api.mapi.PropValue> mailProps(String calendar);
}
