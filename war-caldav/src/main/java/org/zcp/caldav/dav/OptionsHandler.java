package org.zcp.caldav.dav;

import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Target;

/**
 * OPTIONS (RFC 4918 10.1, RFC 4791 5.1, RFC 6352 6.1, RFC 5689 3, RFC 6638 2): answered without a
 * logon, with the methods of the target: POST on a scheduling outbox only.
 */
public final class OptionsHandler implements Handler {
    public static final String DAV_HEADER = "1, 3, access-control, calendar-access, calendar-auto-schedule, addressbook, extended-mkcol";
    /** Every method the server takes somewhere (the Allow of a 501). */
    public static final String ALLOW = "OPTIONS, GET, HEAD, POST, PUT, DELETE, COPY, MOVE, PROPFIND, PROPPATCH, REPORT,"
            + " MKCALENDAR, MKCOL";
    private static final String ALLOW_BUT_POST = ALLOW.replace(" POST,", "");
    /** What the global address book takes: it can only be read. */
    public static final String READ_ONLY = "OPTIONS, GET, HEAD, PROPFIND, REPORT";

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        return DavResponse.status(200).header("DAV", DAV_HEADER).header("Allow", allow(target)).header("Content-Length", "0");
    }

    /**
     * The methods a target takes: a scheduling outbox PROPFIND and POST, an inbox PROPFIND, the
     * global address book those that read; others all but POST.
     */
    public static String allow(Target target) {
        if (target instanceof Target.ScheduleBox b) {
            return b.box() == Target.Box.OUTBOX ? "OPTIONS, PROPFIND, POST" : "OPTIONS, PROPFIND";
        }
        if (target instanceof Target.Gal) return READ_ONLY;
        return ALLOW_BUT_POST;
    }
}
