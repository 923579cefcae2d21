package org.zcp.caldav.dav;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;
import org.zcp.caldav.resource.Items;

/**
 * What a PROPFIND or REPORT asks of each resource: named properties, all (allprop), or their
 * names (propname) (RFC 4918 section 9.1).
 *
 * @param addressVersion the vCard version a CARDDAV:address-data element asks for, or null
 * @param expand the range a CALDAV:calendar-data element's expand asks instances of (RFC 4791
 *        9.6.5), or null
 */
public record PropRequest(Mode mode, List<QName> names, String addressVersion, Expand expand) {
    public enum Mode { NAMES, ALL, PROPNAME }

    /** calendar-data's expand: the recurring items as their instances in [from, to), in UTC. */
    public record Expand(Instant from, Instant to) {
    }

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    public static PropRequest all() {
        return new PropRequest(Mode.ALL, List.of(), null, null);
    }

    /** From the children of a PROPFIND or REPORT element (D:prop, D:allprop or D:propname); allprop when none. */
    public static PropRequest of(Element parent) {
        if (parent == null) return all();
        if (Xml.child(parent, Names.PROPNAME) != null) return new PropRequest(Mode.PROPNAME, List.of(), null, null);
        Element prop = Xml.child(parent, Names.PROP);
        if (prop == null) return all();
        List<QName> names = new ArrayList<>();
        String version = null;
        Expand expand = null;
        for (Element e : Xml.children(prop)) {
            QName q = Xml.name(e);
            if (!names.contains(q)) names.add(q);
            // RFC 6352 10.4: <address-data content-type="text/vcard" version="4.0"/>
            if (q.equals(Names.ADDRESS_DATA) && !e.getAttribute("version").isEmpty()) version = e.getAttribute("version");
            if (q.equals(Names.CALENDAR_DATA) && Xml.child(e, Names.EXPAND) != null) expand = expand(Xml.child(e, Names.EXPAND));
        }
        return new PropRequest(Mode.NAMES, names, version, expand);
    }

    /** RFC 4791 9.6.5: start and end, both required, UTC date-times. */
    private static Expand expand(Element e) {
        try {
            Instant from = LocalDateTime.parse(e.getAttribute("start"), UTC).toInstant(ZoneOffset.UTC);
            Instant to = LocalDateTime.parse(e.getAttribute("end"), UTC).toInstant(ZoneOffset.UTC);
            if (!to.isAfter(from)) throw new DavException(400, "expand: the end is not after the start");
            return new Expand(from, to);
        } catch (DateTimeParseException bad) {
            throw new DavException(400, "expand needs start and end as UTC date-times (20250101T000000Z): "
                    + e.getAttribute("start") + ", " + e.getAttribute("end"));
        }
    }

    /** Whether answering needs the items' bodies (calendar-data, address-data, getcontentlength). */
    public boolean needsBodies() {
        return mode == Mode.NAMES && names.stream().anyMatch(Items::costly);
    }

    /** Answers this request for one resource. */
    public void answer(Multistatus.Entry entry, Map<QName, PropValue> props) {
        switch (mode) {
            case NAMES -> entry.props(names, props);
            case ALL -> props.forEach((q, v) -> {
                if (!Items.costly(q)) entry.found(q, v);
            });
            case PROPNAME -> props.keySet().forEach(q -> entry.found(q, e -> { }));
        }
        entry.done();
    }
}
