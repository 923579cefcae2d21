package org.zcp.caldav.dav;

import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Target;

/**
 * One DAV method. Store failures are thrown, not caught: the service maps them once
 * ({@link Failures}) and retries after SESSION_ENDED, so a handler must not write anything it
 * would write twice when run again after a failure before its first store write.
 */
@FunctionalInterface
public interface Handler {
    DavResponse handle(DavRequest req, Target target, Context ctx);
}
