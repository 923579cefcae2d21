package org.zcp.ical;

import org.zcp.store.api.mapi.Message;

/**
 * A converted iCalendar object resource or vCard: its UID (what a client addresses it by), its kind
 * and the MAPI message the store keeps.
 */
public record Parsed(String uid, ItemKind kind, Message message) {
}
