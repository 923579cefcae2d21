package org.zcp.caldav.dav;

import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.zcp.caldav.resource.Context;
import org.zcp.caldav.resource.Target;

/**
 * REPORT (RFC 3253 3.6) dispatched by the body's element. Reports this server does not do yet
 * answer 501; an unknown one is 403 DAV:supported-report.
 */
public final class ReportHandler implements Handler {
    private static final Set<QName> LATER = Set.of(Names.EXPAND_PROPERTY);

    private final Map<QName, Report> reports;

    public ReportHandler(Map<QName, Report> reports) {
        this.reports = Map.copyOf(reports);
    }

    @Override
    public DavResponse handle(DavRequest req, Target target, Context ctx) {
        Element body = Xml.parse(req.body());
        QName name = Xml.name(body);
        Report r = reports.get(name);
        if (r != null) return r.run(body, req, target, ctx);
        if (LATER.contains(name)) throw new DavException(501, "REPORT " + name + " not implemented yet");
        throw new DavException(403, Names.SUPPORTED_REPORT, "REPORT " + name);
    }
}
