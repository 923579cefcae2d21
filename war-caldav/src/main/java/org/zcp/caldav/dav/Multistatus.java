package org.zcp.caldav.dav;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.namespace.QName;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A 207 Multi-Status body (RFC 4918 section 13): responses with propstats grouped by status. */
public final class Multistatus {
    private static final Logger LOG = Logger.getLogger(Multistatus.class.getName());

    private final Document doc = Xml.newDocument(Names.MULTISTATUS);

    /** One response for an href: add properties with their status, then {@link #done}. */
    public final class Entry {
        private final String href;
        private final Map<Integer, List<Object[]>> byStatus = new LinkedHashMap<>();

        private Entry(String href) {
            this.href = href;
        }

        /** A property with a value (status 200), or the status alone (404, 403, 424...) when value is null. */
        public Entry prop(QName name, int status, PropValue value) {
            byStatus.computeIfAbsent(status, s -> new ArrayList<>()).add(new Object[] {name, value});
            return this;
        }

        public Entry found(QName name, PropValue value) {
            return prop(name, 200, value);
        }

        /** Answers each of {@code names} from {@code props} (200) or as not found (404). */
        public Entry props(List<QName> names, Map<QName, PropValue> props) {
            for (QName n : names) {
                PropValue v = props.get(n);
                if (v == null) prop(n, 404, null);
                else found(n, v);
            }
            return this;
        }

        public void done() {
            Element response = Xml.add(doc.getDocumentElement(), Names.RESPONSE);
            Xml.add(response, Names.HREF, href);
            Map<Integer, List<Element>> filled = new LinkedHashMap<>();
            byStatus.forEach((status, list) -> list.forEach(p -> {
                QName name = (QName) p[0];
                PropValue value = (PropValue) p[1];
                int st = status;
                Element el = doc.createElementNS(name.getNamespaceURI(), name.getLocalPart());
                if (value != null) {
                    try {
                        value.fill(el);
                    } catch (RuntimeException e) {
                        // one property that cannot be computed (a stored item the conversion refuses)
                        // should not cost the client the whole multistatus
                        LOG.log(Level.WARNING, "property " + name + " of " + href + " failed", e);
                        el = doc.createElementNS(name.getNamespaceURI(), name.getLocalPart());
                        st = 500;
                    }
                }
                filled.computeIfAbsent(st, s -> new ArrayList<>()).add(el);
            }));
            if (filled.isEmpty()) filled.put(200, List.of());
            filled.forEach((status, els) -> {
                Element propstat = Xml.add(response, Names.PROPSTAT);
                Element prop = Xml.add(propstat, Names.PROP);
                els.forEach(prop::appendChild);
                Xml.add(propstat, Names.STATUS, statusLine(status));
            });
        }
    }

    public Entry entry(String href) {
        return new Entry(href);
    }

    /** A response with a status and no properties (RFC 6578's removed members: 404). */
    public Multistatus status(String href, int status) {
        Element response = Xml.add(doc.getDocumentElement(), Names.RESPONSE);
        Xml.add(response, Names.HREF, href);
        Xml.add(response, Names.STATUS, statusLine(status));
        return this;
    }

    /** The sync-token element of a sync-collection answer (RFC 6578 section 6.4). */
    public Multistatus syncToken(String token) {
        Xml.add(doc.getDocumentElement(), Names.SYNC_TOKEN, token);
        return this;
    }

    public Document document() {
        return doc;
    }

    public DavResponse response() {
        return DavResponse.xml(207, doc);
    }

    public static String statusLine(int status) {
        return "HTTP/1.1 " + status + " " + reason(status);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 424 -> "Failed Dependency";
            case 507 -> "Insufficient Storage";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
    }
}
