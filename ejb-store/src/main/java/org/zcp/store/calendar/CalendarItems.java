package org.zcp.store.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zcp.ical.FreeBusy;
import org.zcp.ical.ICalItems;
import org.zcp.ical.Itip;
import org.zcp.ical.NamedIds;
import org.zcp.store.api.FolderItems;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.api.FolderItems.ItemRef;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.NamedProp;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.directory.Directory;
import org.zcp.store.session.SessionManager;

/**
 * The item API ({@link FolderItems}) as the mail flow uses it: under a session of the server's own
 * (SYSTEM, program zarafa-dagent) that lives for one {@link Scope}, so a calendar written at
 * delivery is journaled, announced and named exactly as one written over CalDAV.
 */
@ApplicationScoped
public class CalendarItems {
    @Inject
    FolderItems items;

    @Inject
    SessionManager sessions;

    /** A session on the item API for one piece of work; close it. */
    public Scope open(ZoneId zone) {
        return new Scope(sessions.open(Directory.SYSTEM_ID, "SYSTEM", 0, 2, "localhost", "zarafa-dagent").id(), zone);
    }

    /** The calendar work of one delivery or one free/busy question. */
    public final class Scope implements AutoCloseable {
        private final String session;
        private final ZoneId zone;
        private final Map<NamedProp, Integer> known = new HashMap<>();
        private final NamedIds ids;

        Scope(String session, ZoneId zone) {
            this.session = session;
            this.zone = zone;
            this.ids = name -> known.computeIfAbsent(name, n -> items.propIds(session, List.of(n)).get(0));
        }

        public NamedIds ids() {
            return ids;
        }

        public ZoneId zone() {
            return zone;
        }

        /**
         * The busy periods of the calendar's items in [from, to), the meeting {@code except} (its
         * {@link Itip#meetingKey}) left out: read in bulk, recurring items loaded and expanded
         * only when their clip range meets the range.
         */
        public List<FreeBusy.Period> busy(long folder, Instant from, Instant to, byte[] except) {
            int keyTag = Itip.meetingKeyTag(ids);
            List<FreeBusy.Period> out = new ArrayList<>();
            List<String> recurring = new ArrayList<>();
            for (Item i : items.peek(session, folder, FreeBusy.tags(ids))) {
                if (except != null && Arrays.equals(except, bin(i.message(), keyTag))) continue;
                if (ICalItems.isRecurring(i.message(), ids)) {
                    if (ICalItems.mayRecurIn(i.message(), ids, from, to)) recurring.add(i.ref().name());
                } else {
                    out.addAll(FreeBusy.of(i.message(), ids, from, to, zone));
                }
            }
            for (int k = 0; k < recurring.size(); k += 50) {
                for (Item i : items.get(session, folder, recurring.subList(k, Math.min(recurring.size(), k + 50)))) {
                    out.addAll(FreeBusy.of(i.message(), ids, from, to, zone));
                }
            }
            return out;
        }

        /** The calendar's copy of a meeting, whole. */
        public Optional<Item> find(long folder, String uid) {
            byte[] key = Itip.meetingKey(uid);
            int keyTag = Itip.meetingKeyTag(ids);
            for (Item i : items.peek(session, folder, List.of(keyTag))) {
                if (Arrays.equals(key, bin(i.message(), keyTag))) {
                    return items.get(session, folder, List.of(i.ref().name())).stream().findFirst();
                }
            }
            return Optional.empty();
        }

        public ItemRef put(long folder, String name, Message item, Expect expect) {
            return items.put(session, folder, name, item, expect);
        }

        public void delete(long folder, String name, Expect expect) {
            items.delete(session, folder, name, expect);
        }

        @Override
        public void close() {
            sessions.close(session);
        }
    }

    private static byte[] bin(Message m, int tag) {
        for (PropValue v : m.props) if (v.tag == tag) return v.bin;
        return null;
    }
}
