package org.zcp.ical;

import org.zcp.store.api.mapi.Message;

/**
 * A converted iCalendar object resource or vCard: its UID (what a client addresses it by), its kind
 * and the MAPI message the store keeps. {@code recurrenceNote} is null, or, for a recurring event
 * whose recurrence MAPI's pattern cannot express, why no PidLidAppointmentRecur was written (the
 * kept iCalendar text is then the only record, Outlook sees a single occurrence).
 */
public record Parsed(String uid, ItemKind kind, Message message, String recurrenceNote) {
    public Parsed(String uid, ItemKind kind, Message message) {
        this(uid, kind, message, null);
    }
}
