package org.zcp.caldav.dav;

import org.w3c.dom.Element;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Target;

/** One REPORT (RFC 3253 3.6) by its body's element. */
@FunctionalInterface
public interface Report {
    DavResponse run(Element body, DavRequest req, Target target, Context ctx);
}
