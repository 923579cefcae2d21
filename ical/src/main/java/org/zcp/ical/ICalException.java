package org.zcp.ical;

/**
 * An iCalendar or vCard text that cannot be converted: malformed, missing what the conversion
 * needs (a UID, a start), a time zone that cannot be resolved, or too large. The message says
 * what is wrong in words a client's user can act on; {@link #precondition} names the RFC 4791 /
 * RFC 6352 precondition a DAV server answers with.
 */
public class ICalException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** The DAV precondition element (local name, in the CalDAV or CardDAV namespace). */
    public enum Precondition { VALID_CALENDAR_DATA, VALID_CALENDAR_OBJECT_RESOURCE, SUPPORTED_CALENDAR_COMPONENT,
        VALID_ADDRESS_DATA, MAX_RESOURCE_SIZE }

    private final Precondition precondition;

    public ICalException(Precondition precondition, String message) {
        super(message);
        this.precondition = precondition;
    }

    public ICalException(Precondition precondition, String message, Throwable cause) {
        super(message, cause);
        this.precondition = precondition;
    }

    public Precondition precondition() {
        return precondition;
    }
}
