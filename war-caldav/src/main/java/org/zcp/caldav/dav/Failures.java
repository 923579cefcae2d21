package org.zcp.caldav.dav;

import javax.xml.namespace.QName;
import org.zcp.ical.ICalException;
import org.zcp.store.api.StoreFailure;

/** The store's and the conversions' failures as HTTP answers, in one place. */
public final class Failures {
    private Failures() {
    }

    /**
     * A store failure as a DAV answer (SESSION_ENDED is not one: the caller logs on again).
     *
     * @param exists the status of EXISTS for this method: 405 for MKCOL/MKCALENDAR (RFC 4918
     *        9.3.1), 409 otherwise
     */
    public static DavException of(StoreFailure f, int exists) {
        return switch (f.kind()) {
            case NOT_FOUND -> new DavException(404, f.getMessage());
            case NO_ACCESS -> new DavException(403, Names.NEED_PRIVILEGES, f.getMessage());
            case QUOTA -> new DavException(507, Names.QUOTA_NOT_EXCEEDED, f.getMessage());
            case EXISTS -> new DavException(exists, exists == 405 ? Names.RESOURCE_MUST_BE_NULL : null, f.getMessage());
            case INVALID -> new DavException(400, f.getMessage());
            case CONFLICT -> new DavException(412, f.getMessage());
            case TEMPORARY -> new DavException(503, f.getMessage()).header("Retry-After", "10");
            case SESSION_ENDED -> throw f;
        };
    }

    /** A conversion's refusal as 403 with its CalDAV/CardDAV precondition (RFC 4791 5.3.2.1, RFC 6352 6.3.2.1). */
    public static DavException of(ICalException e) {
        if (e.precondition() == null) return new DavException(400, e.getMessage());
        QName c = switch (e.precondition()) {
            case VALID_CALENDAR_DATA -> Names.caldav("valid-calendar-data");
            case VALID_CALENDAR_OBJECT_RESOURCE -> Names.caldav("valid-calendar-object-resource");
            case SUPPORTED_CALENDAR_COMPONENT -> Names.caldav("supported-calendar-component");
            case VALID_ADDRESS_DATA -> Names.carddav("valid-address-data");
            case MAX_RESOURCE_SIZE -> Names.MAX_RESOURCE_SIZE;
        };
        return new DavException(e.precondition() == ICalException.Precondition.MAX_RESOURCE_SIZE ? 413 : 403, c,
                e.getMessage());
    }
}
