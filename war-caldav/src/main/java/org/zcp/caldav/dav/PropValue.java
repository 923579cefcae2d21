package org.zcp.caldav.dav;

import java.util.List;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * A live property's value: fills the property element it is given. Computed when asked, so a
 * costly value (calendar-data, getcontentlength) costs only where a client asks for it.
 */
@FunctionalInterface
public interface PropValue {
    void fill(Element prop);

    static PropValue text(String text) {
        return e -> e.setTextContent(text);
    }

    static PropValue href(String href) {
        return e -> Xml.add(e, Names.HREF, href);
    }

    static PropValue hrefs(List<String> hrefs) {
        return e -> hrefs.forEach(h -> Xml.add(e, Names.HREF, h));
    }

    /** Empty child elements: resourcetype's collection and calendar. */
    static PropValue elements(QName... names) {
        return e -> {
            for (QName q : names) Xml.add(e, q);
        };
    }

    /** A DAV:supported-report-set of these reports (RFC 3253 section 3.1.5). */
    static PropValue reports(List<QName> reports) {
        return e -> {
            for (QName q : reports) Xml.add(Xml.add(Xml.add(e, Names.SUPPORTED_REPORT), Names.REPORT), q);
        };
    }

    /** A DAV:current-user-privilege-set (RFC 3744 section 5.4) of these DAV privileges. */
    static PropValue privileges(List<String> davPrivileges) {
        return e -> davPrivileges.forEach(p -> Xml.add(Xml.add(e, Names.PRIVILEGE), Names.dav(p)));
    }
}
