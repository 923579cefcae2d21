package org.zcp.store.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.zcp.api.mapi.ObjectClass;
import org.zcp.ical.FreeBusy;
import org.zcp.ical.Itip;
import org.zcp.ical.Itip.PartStat;
import org.zcp.ical.Parsed;
import org.zcp.store.api.Calendars.Outcome;
import org.zcp.store.api.Calendars.Scheduled;
import org.zcp.store.api.FolderItems.Expect;
import org.zcp.store.api.FolderItems.Item;
import org.zcp.store.directory.Attr;
import org.zcp.store.directory.DirEntry;
import org.zcp.store.mapi.LocalFreebusy.AutoAccept;

/**
 * What one scheduling message does to its recipient's calendar (docs/calendar.md; manual 8.8 for
 * mailboxes that answer by themselves):
 * <ul>
 * <li>a request puts the meeting in the calendar, tentative until the user answers, or updates it
 * (a newer SEQUENCE asks for a new answer; the same one keeps the answer given). A mailbox with
 * {@code --mr-accept} answers at once: declined when it is recurring and {@code
 * --mr-decline-recurring} is set, or when the time is taken and {@code --mr-decline-conflict} is
 * set (equipment: only when its capacity is used up at some moment; a room's capacity is one),
 * otherwise accepted; the answer goes to the organizer and the request to Deleted Items;
 * <li>an answer sets the attendee's response in the organizer's copy;
 * <li>a cancellation marks the copy cancelled (its time free), or removes it from a mailbox that
 * answers by itself;
 * <li>a request or cancellation of one occurrence changes or takes out that occurrence of the series
 * the calendar holds.
 * </ul>
 * Older SEQUENCEs and meetings the calendar does not hold change nothing.
 */
final class Booking {
    /** How far ahead the occurrences of a recurring request are checked for conflicts. */
    static final Duration CONFLICT_HORIZON = Duration.ofDays(366 * 2);
    static final String REQUEST_CLASS = "IPM.Schedule.Meeting.Request";

    private final CalendarItems.Scope calendar;
    private final DirEntry user;
    private final long folder;
    private final String trash;
    private final AutoAccept auto;

    Booking(CalendarItems.Scope calendar, DirEntry user, long folder, String trash, AutoAccept auto) {
        this.calendar = calendar;
        this.user = user;
        this.folder = folder;
        this.trash = trash;
        this.auto = auto;
    }

    Scheduled request(Itip.Message m, String text) {
        String own = own();
        if (own == null) return Scheduled.none("the user has no e-mail address");
        if (own.equalsIgnoreCase(m.organizer())) {
            return new Scheduled(Outcome.IGNORED, "the organizer's own request", REQUEST_CLASS, null, null, null);
        }
        Optional<Item> existing = calendar.find(folder, m.uid());
        if (existing.isPresent() && Itip.sequence(existing.get().message(), calendar.ids()) > m.sequence()) {
            return new Scheduled(Outcome.IGNORED, "an older version of the meeting (SEQUENCE " + m.sequence() + ")",
                    REQUEST_CLASS, null, null, null);
        }
        if (m.oneOccurrence()) return occurrence(m, text, existing, false, REQUEST_CLASS);
        if (auto.accept()) return answerByItself(m, text, existing);
        PartStat answer = existing.isPresent()
                && Itip.sequence(existing.get().message(), calendar.ids()) == m.sequence()
                        ? Itip.answerOf(existing.get().message(), own) : PartStat.NEEDS_ACTION;
        put(text, existing, answer);
        return new Scheduled(Outcome.TENTATIVE, existing.isPresent() ? "updated" : null, REQUEST_CLASS, null, null,
                null);
    }

    private Scheduled answerByItself(Itip.Message m, String text, Optional<Item> existing) {
        String why = null;
        if (auto.declineRecurring() && m.recurring()) {
            why = "recurring meetings are declined";
        } else if (auto.declineConflict()) {
            why = conflict(text, m);
        }
        PartStat answer = why == null ? PartStat.ACCEPTED : PartStat.DECLINED;
        if (why == null) {
            put(text, existing, answer);
        } else if (existing.isPresent()) {
            calendar.delete(folder, existing.get().ref().name(), Expect.at(existing.get().ref().modSeq()));
        }
        String reply = Itip.reply(m, own(), name(), answer, why, Instant.now());
        return new Scheduled(why == null ? Outcome.ACCEPTED : Outcome.DECLINED, why, REQUEST_CLASS, trash,
                m.organizer(), reply);
    }

    /**
     * Why the request's time is taken, or null: at some moment of one of its occurrences the
     * calendar already holds as many busy meetings as the mailbox's capacity.
     */
    private String conflict(String text, Itip.Message m) {
        if (m.start() == null) return null;
        Parsed copy = Itip.attendeeCopy(text, calendar.ids(), own(), PartStat.ACCEPTED, calendar.zone());
        Instant from = m.start();
        Instant to = m.recurring() ? from.plus(CONFLICT_HORIZON) : max(m.end(), from.plusSeconds(1));
        List<FreeBusy.Period> wanted = FreeBusy.occurrences(copy.message(), calendar.ids(), from, to, calendar.zone());
        if (wanted.isEmpty()) return null;
        Instant first = wanted.stream().map(FreeBusy.Period::start).min(Instant::compareTo).get();
        Instant last = wanted.stream().map(FreeBusy.Period::end).max(Instant::compareTo).get();
        List<FreeBusy.Period> taken = calendar.busy(folder, first, last, Itip.meetingKey(m.uid()));
        int capacity = capacity();
        for (FreeBusy.Period w : wanted) {
            if (peak(taken, w) >= capacity) {
                return "the time is taken" + (capacity > 1 ? " (all " + capacity + " are booked)" : "") + " at "
                        + w.start();
            }
        }
        return null;
    }

    /** The most busy periods at one moment within {@code w}. */
    static int peak(List<FreeBusy.Period> taken, FreeBusy.Period w) {
        List<long[]> edges = new ArrayList<>();
        for (FreeBusy.Period t : taken) {
            if (!t.start().isBefore(w.end()) || !t.end().isAfter(w.start())) continue;
            edges.add(new long[] {max(t.start(), w.start()).toEpochMilli(), 1});
            edges.add(new long[] {min(t.end(), w.end()).toEpochMilli(), -1});
        }
        // ends before starts at the same moment: back-to-back meetings do not overlap
        edges.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        int now = 0;
        int peak = 0;
        for (long[] e : edges) {
            now += (int) e[1];
            peak = Math.max(peak, now);
        }
        return peak;
    }

    /** Equipment books up to its capacity (manual 8.8.2); a room or a user one at a time. */
    private int capacity() {
        if (user.objectClass() != ObjectClass.NONACTIVE_EQUIPMENT) return 1;
        try {
            return Math.max(1, Integer.parseInt(user.props().getOrDefault(Attr.RESOURCE_CAPACITY, "1").trim()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    Scheduled reply(Itip.Message m, String from) {
        String cls = Itip.messageClass(m);
        if (m.attendees().isEmpty()) return new Scheduled(Outcome.NONE, "an answer without an attendee", cls, null, null, null);
        if (m.oneOccurrence()) {
            // MAPI keeps one answer per attendee and series: an answer for one occurrence stays a mail
            return new Scheduled(Outcome.NONE, "an answer for one occurrence is delivered as mail only", cls, null, null,
                    null);
        }
        Itip.Attendee who = m.attendees().get(0);
        if (!sentBy(from, who.address())) {
            return new Scheduled(Outcome.IGNORED, "an answer of " + who.address() + " sent by " + from, cls, null, null,
                    null);
        }
        PartStat answer = PartStat.of(who.partStat());
        if (answer == null) {
            return new Scheduled(Outcome.IGNORED, "PARTSTAT " + who.partStat() + " is not an answer", cls, null, null, null);
        }
        Optional<Item> existing = calendar.find(folder, m.uid());
        if (existing.isEmpty()) {
            return new Scheduled(Outcome.IGNORED, "no such meeting in the calendar", cls, null, null, null);
        }
        Item copy = existing.get();
        if (!Itip.applyReply(copy.message(), calendar.ids(), who.address(), answer)) {
            return new Scheduled(Outcome.IGNORED, who.address() + " is not an attendee", cls, null, null, null);
        }
        calendar.put(folder, copy.ref().name(), copy.message(), Expect.at(copy.ref().modSeq()));
        return new Scheduled(Outcome.ANSWERED, who.address() + " " + answer.value(), cls, null, null, null);
    }

    Scheduled cancel(Itip.Message m, String text, String from) {
        String cls = Itip.messageClass(m);
        if (m.organizer() == null || !sentBy(from, m.organizer())) {
            return new Scheduled(Outcome.IGNORED, "a cancellation by " + m.organizer() + " sent by " + from, cls, null,
                    null, null);
        }
        Optional<Item> existing = calendar.find(folder, m.uid());
        if (existing.isEmpty()) return new Scheduled(Outcome.IGNORED, "no such meeting in the calendar", cls, null, null, null);
        Item copy = existing.get();
        if (Itip.sequence(copy.message(), calendar.ids()) > m.sequence()) {
            return new Scheduled(Outcome.IGNORED, "an older version of the meeting", cls, null, null, null);
        }
        if (m.oneOccurrence()) return occurrence(m, text, existing, true, cls);
        if (auto.accept()) {
            calendar.delete(folder, copy.ref().name(), Expect.at(copy.ref().modSeq()));
            return new Scheduled(Outcome.CANCELLED, "removed", cls, trash, null, null);
        }
        Itip.cancel(copy.message(), calendar.ids());
        calendar.put(folder, copy.ref().name(), copy.message(), Expect.at(copy.ref().modSeq()));
        return new Scheduled(Outcome.CANCELLED, null, cls, null, null, null);
    }

    /**
     * A request or cancellation of one occurrence of a series the calendar holds: the occurrence is
     * moved or changed (an override), or taken out, keeping the user's answer to the series; a
     * mailbox that answers by itself answers for that occurrence (declining a move into taken time
     * when it declines conflicts). An occurrence of a meeting the calendar lacks changes nothing.
     */
    private Scheduled occurrence(Itip.Message m, String text, Optional<Item> existing, boolean cancel, String cls) {
        if (existing.isEmpty()) {
            return new Scheduled(Outcome.IGNORED, "one occurrence of a meeting the calendar does not hold", cls, null,
                    null, null);
        }
        Item copy = existing.get();
        String series = org.zcp.ical.ICalItems.render(copy.message(), calendar.ids(), calendar.zone());
        PartStat answer = Itip.answerOf(copy.message(), own());
        if (!cancel && auto.accept() && auto.declineConflict() && m.start() != null) {
            String why = busyAt(m);
            if (why != null) {
                return new Scheduled(Outcome.DECLINED, why, cls, trash, m.organizer(),
                        Itip.reply(m, own(), name(), PartStat.DECLINED, why, Instant.now()));
            }
        }
        Parsed changed = Itip.attendeeCopy(Itip.withOccurrence(series, text, cancel), calendar.ids(), own(), answer,
                calendar.zone());
        calendar.put(folder, copy.ref().name(), changed.message(), Expect.at(copy.ref().modSeq()));
        if (cancel) return new Scheduled(Outcome.CANCELLED, "one occurrence", cls, auto.accept() ? trash : null, null, null);
        if (auto.accept()) {
            return new Scheduled(Outcome.ACCEPTED, "one occurrence", cls, trash, m.organizer(),
                    Itip.reply(m, own(), name(), PartStat.ACCEPTED, null, Instant.now()));
        }
        return new Scheduled(Outcome.TENTATIVE, "one occurrence changed", cls, null, null, null);
    }

    /** Why one occurrence's new time is taken (the rest of its own series left out), or null. */
    private String busyAt(Itip.Message m) {
        Instant end = max(m.end(), m.start().plusSeconds(1));
        List<FreeBusy.Period> taken = calendar.busy(folder, m.start(), end, Itip.meetingKey(m.uid()));
        int capacity = capacity();
        return peak(taken, new FreeBusy.Period(m.start(), end, FreeBusy.Type.BUSY)) >= capacity
                ? "the time is taken at " + m.start() : null;
    }

    private void put(String text, Optional<Item> existing, PartStat answer) {
        Parsed copy = Itip.attendeeCopy(text, calendar.ids(), own(), answer, calendar.zone());
        if (existing.isPresent()) {
            calendar.put(folder, existing.get().ref().name(), copy.message(), Expect.at(existing.get().ref().modSeq()));
        } else {
            calendar.put(folder, resourceName(copy.uid()), copy.message(), Expect.absent());
        }
    }

    /** Whether the mail's author is who the message speaks for (no author known: not trusted). */
    static boolean sentBy(String from, String address) {
        return from != null && address != null && from.trim().equalsIgnoreCase(address.trim());
    }

    /** The UID and ".ics" when it is a plain path segment (what CalDAV clients use), else its hash. */
    static String resourceName(String uid) {
        if (uid.length() <= 200 && uid.chars().allMatch(c -> c < 0x80 && (Character.isLetterOrDigit(c)
                || "@._-+".indexOf(c) >= 0)) && !uid.startsWith(".")) {
            return uid + ".ics";
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(uid.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 16) + ".ics";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String own() {
        String e = user.email();
        return e == null || e.isBlank() ? null : e.trim().toLowerCase(Locale.ROOT);
    }

    private String name() {
        return user.fullName() == null || user.fullName().isBlank() ? user.name() : user.fullName();
    }

    private static Instant max(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
