package org.zcp.caldav.dav;

import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Target;

/** OPTIONS (RFC 4918 10.1, RFC 4791 5.1, RFC 6352 6.1, RFC 5689 3): answered without a logon. */
public final class OptionsHandler implements Handler {
    public static final String DAV_HEADER = "1, 3, access-control, calendar-access, calendar-auto-schedule, addressbook, extended-mkcol";
    public static final String ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, REPORT, MKCALENDAR, MKCOL";

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        return DavResponse.status(200).header("DAV", DAV_HEADER).header("Allow", ALLOW).header("Content-Length", "0");
    }
}
