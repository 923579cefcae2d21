package org.zcp.caldav.resource;

import java.time.Instant;
import java.util.List;
import org.zcp.ical.ICalItems;
import org.zcp.ical.NamedIds;
import org.zcp.ical.Parsed;
import org.zcp.ical.VCards;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;

/**
 * The conversions the DAV layer uses, behind an interface so the handlers can be tested with a
 * stand-in; {@link #library} is zcp-ical's ICalItems and VCards.
 */
public interface Codecs {
    Parsed parseCalendar(String text, NamedIds ids);

    String renderCalendar(Message message, NamedIds ids);

    boolean overlaps(Message message, NamedIds ids, Instant from, Instant to);

    /**
     * The properties a time-range test reads of an item that is not recurring: what a
     * calendar-query reads of every item in bulk (FolderItems.peek) before it loads the few it
     * answers with.
     */
    List<Integer> queryTags(NamedIds ids);

    /** Whether an item read with {@link #queryTags} only must be read whole for its time-range test (a recurring one). */
    boolean needsWhole(Message peeked, NamedIds ids);

    /** Whether an item that {@link #needsWhole} may have an occurrence in [from, to) at all (its series' range). */
    boolean mayRecurIn(Message peeked, NamedIds ids, Instant from, Instant to);

    /** A calendar object resource as its instances in [from, to), in UTC (calendar-data's expand, RFC 4791 9.6.5). */
    String expand(String calendar, Instant from, Instant to);

    /** The named property the conversions keep an item's UID in (no-uid-conflict looks items up by it). */
    NamedProp uidProperty();

    List<String> split(String calendar);

    String join(List<String> resources);

    Parsed parseCard(String text, NamedIds ids);

    String renderCard(Message message, NamedIds ids, String version);

    /** The library, floating times and dates read in {@code zone} (ical.cfg's server_timezone). */
    static Codecs library(java.time.ZoneId zone) {
        return new Codecs() {
            @Override
            public Parsed parseCalendar(String text, NamedIds ids) {
                return ICalItems.parse(text, ids, zone);
            }

            @Override
            public String renderCalendar(Message message, NamedIds ids) {
                return ICalItems.render(message, ids, zone);
            }

            @Override
            public boolean overlaps(Message message, NamedIds ids, Instant from, Instant to) {
                return ICalItems.overlaps(message, ids, from, to, zone);
            }

            @Override
            public List<Integer> queryTags(NamedIds ids) {
                return ICalItems.queryTags(ids);
            }

            @Override
            public boolean needsWhole(Message peeked, NamedIds ids) {
                return ICalItems.isRecurring(peeked, ids);
            }

            @Override
            public boolean mayRecurIn(Message peeked, NamedIds ids, Instant from, Instant to) {
                return ICalItems.mayRecurIn(peeked, ids, from, to);
            }

            @Override
            public String expand(String calendar, Instant from, Instant to) {
                return ICalItems.expand(calendar, from, to, zone);
            }

            @Override
            public NamedProp uidProperty() {
                return ICalItems.UID_PROPERTY;
            }

            @Override
            public List<String> split(String calendar) {
                return ICalItems.split(calendar);
            }

            @Override
            public String join(List<String> resources) {
                return ICalItems.join(resources);
            }

            @Override
            public Parsed parseCard(String text, NamedIds ids) {
                return VCards.parse(text, ids);
            }

            @Override
            public String renderCard(Message message, NamedIds ids, String version) {
                return VCards.render(message, ids, version);
            }
        };
    }
}
