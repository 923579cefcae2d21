package org.zcp.caldav;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.caldav.dav.DavRequest;
import org.zcp.caldav.dav.DavResponse;
import org.zcp.caldav.resource.Codecs;
import org.zcp.caldav.resource.Store;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderMessages;
import org.zcp.store.api.FolderTree;
import org.zcp.store.api.WebLogons;

/**
 * The container's door: every path of the ical-server's host (context root "/"), every method
 * (PROPFIND, REPORT and MKCALENDAR are not HttpServlet's), read whole and handed to
 * {@link DavService}.
 */
@WebServlet(urlPatterns = "/*", loadOnStartup = 1)
public class CalDavServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @EJB
    private transient WebLogons logons;
    @EJB
    private transient FolderTree tree;
    @EJB
    private transient FolderItems items;
    @EJB
    private transient FolderMessages messages;
    @EJB
    private transient org.zcp.store.api.Calendars calendars;
    @EJB
    private transient org.zcp.store.api.Scheduling scheduling;
    @EJB
    private transient org.zcp.store.api.AddressBook addressBook;

    private transient DavService service;

    @Override
    public void init() {
        // ical.cfg (manual 4.10) as zarafa-server passes it: server_timezone, default_charset, enable_ical_get
        java.time.ZoneId zone = java.time.ZoneId.of(System.getProperty("zcp.ical.timezone", "Europe/Amsterdam"));
        DavRequest.defaultCharset(java.nio.charset.Charset.forName(System.getProperty("zcp.ical.charset", "UTF-8")));
        service = new DavService(new Store(logons, tree, items, messages, calendars, scheduling,
                addressBook), Codecs.library(zone), Clock.systemUTC());
        service.icalGet(Boolean.parseBoolean(System.getProperty("zcp.ical.get", "true")));
    }

    @Override
    public void destroy() {
        if (service != null) service.close();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getRequestURI().substring(req.getContextPath().length());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(req.getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(req.getHeaders(name))));
        }
        byte[] body;
        boolean tooLarge = req.getContentLengthLong() > DavRequest.MAX_BODY;
        if (tooLarge) {
            body = new byte[0];
        } else {
            try (InputStream in = req.getInputStream()) {
                body = in.readNBytes(DavRequest.MAX_BODY + 1);
            }
            if (body.length > DavRequest.MAX_BODY) {
                tooLarge = true;
                body = new byte[0];
            }
        }
        DavResponse r = service.handle(new DavRequest(req.getMethod(), path, headers, body, tooLarge, req.getRemoteAddr()));
        resp.setStatus(r.status());
        r.headers().forEach(resp::setHeader);
        if (r.body().length > 0) {
            resp.setContentLength(r.body().length);
            resp.getOutputStream().write(r.body());
        }
    }
}
