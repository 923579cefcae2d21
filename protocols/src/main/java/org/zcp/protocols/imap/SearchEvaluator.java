package org.zcp.protocols.imap;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.zcp.protocols.imap.mime.HeaderField;
import org.zcp.protocols.imap.mime.MessageFacts;
import org.zcp.protocols.imap.mime.MimeStructure;
import org.zcp.protocols.imap.mime.SearchText;
import org.zcp.protocols.imap.parse.SearchKey;

/**
 * Evaluates a {@link SearchKey} tree for one message of the selected view. Flags, sizes, UIDs,
 * sequence numbers, MODSEQ and INTERNALDATE come from the view; header, body and text keys and
 * the SENT* dates read the message (once per message) through {@link MimeStructure}; address keys
 * also compare with the addresses written plainly ({@link SearchText#addresses}). Text
 * comparison is a case-insensitive substring match on the decoded text ({@link SearchText}: RFC 2047
 * words, transfer encodings, charsets) or on the octets as they stand; INTERNALDATE days are UTC days, Date: days
 * those of the header's own zone, as RFC 3501 disregards time and zone.
 */
final class SearchEvaluator {
    private final SelectedMailbox mailbox;
    private final MessageTexts texts;
    private long loadedUid = -1;
    private MimeStructure mime;
    private long loadedFactsUid = -1;
    private MessageFacts loadedFacts;

    /** SUBJECT keys answered by the store (their UIDs), so those need no message text. */
    private final java.util.Map<SearchKey.Header, java.util.Set<Long>> subjects = new java.util.HashMap<>();

    /** The facts the store keeps, when no key needs more of a message than they hold; else null. */
    private final KeptFacts facts;

    SearchEvaluator(ImapSession session, SelectedMailbox mailbox, SearchKey key) {
        this.mailbox = mailbox;
        collectSubjects(session, key);
        java.util.List<Long> uids = new java.util.ArrayList<>();
        for (int seq = 1; seq <= mailbox.exists(); seq++) uids.add(mailbox.get(seq).uid);
        this.texts = new MessageTexts(session, mailbox, uids);
        this.facts = readsText(key) ? null : new KeptFacts(session, mailbox, uids, texts);
    }

    /** Hands facts derived during the search to the store; call when the search is done. */
    void finish() {
        if (facts != null) facts.keep();
    }

    /**
     * Whether a key needs the message text: BODY, TEXT and HEADER (but SUBJECT, which the store
     * answers); address keys and the SENT* dates are answered from the kept facts.
     */
    private boolean readsText(SearchKey key) {
        return switch (key) {
            case SearchKey.Body b -> true;
            case SearchKey.Text t -> true;
            case SearchKey.Header h -> !subjects.containsKey(h);
            case SearchKey.Not n -> readsText(n.key());
            case SearchKey.Or o -> readsText(o.left()) || readsText(o.right());
            case SearchKey.And a -> a.keys().stream().anyMatch(this::readsText);
            default -> false;
        };
    }

    boolean matches(SearchKey key, int seq, SelectedMailbox.Message m) {
        return switch (key) {
            case SearchKey.All a -> true;
            case SearchKey.HasFlag f -> f.flag().startsWith("\\") ? m.flags.contains(f.flag())
                    : m.flags.stream().anyMatch(x -> x.equalsIgnoreCase(f.flag()));
            case SearchKey.Size s -> s.larger() ? m.size > s.octets() : m.size < s.octets();
            case SearchKey.Sequence s -> s.set().contains(seq, mailbox.exists());
            case SearchKey.Uid u -> u.set().contains(m.uid, mailbox.maxUid());
            case SearchKey.ModSeq ms -> m.modSeq >= ms.modSeq();
            case SearchKey.Not n -> !matches(n.key(), seq, m);
            case SearchKey.Or o -> matches(o.left(), seq, m) || matches(o.right(), seq, m);
            case SearchKey.And a -> a.keys().stream().allMatch(k -> matches(k, seq, m));
            case SearchKey.DateKey d -> compare(d, d.sent() ? sentDate(m) : internalDay(m.internalDate));
            case SearchKey.Header h -> subjects.containsKey(h) ? subjects.get(h).contains(m.uid)
                    : header(m, h.field(), h.text());
            case SearchKey.Addresses a -> addresses(m, a.field(), a.text());
            case SearchKey.Body b -> text(SearchText.body(mime(m).root()), b.text())
                    || contains(octets(mime(m).section("TEXT")), b.text());
            case SearchKey.Text t -> text(headers(m) + SearchText.body(mime(m).root()), t.text())
                    || contains(octets(mime(m).raw()), t.text());
        };
    }

    private void collectSubjects(ImapSession session, SearchKey key) {
        switch (key) {
            case SearchKey.Header h when h.field().equalsIgnoreCase("Subject") && !h.text().isEmpty()
                    && !subjects.containsKey(h) -> subjects.put(h, session.backend.subjectMatches(session.handle,
                            mailbox.id, h.text()));
            case SearchKey.Not n -> collectSubjects(session, n.key());
            case SearchKey.Or o -> {
                collectSubjects(session, o.left());
                collectSubjects(session, o.right());
            }
            case SearchKey.And a -> a.keys().forEach(k -> collectSubjects(session, k));
            default -> {
            }
        }
    }

    private static boolean compare(SearchKey.DateKey d, LocalDate day) {
        if (day == null) return false;
        return switch (d.op()) {
            case BEFORE -> day.isBefore(d.date());
            case ON -> day.isEqual(d.date());
            case SINCE -> !day.isBefore(d.date());
        };
    }

    private static LocalDate internalDay(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private LocalDate sentDate(SelectedMailbox.Message m) {
        String value = facts != null ? facts(m).date() : mime(m).root().header("Date");
        if (value == null) return null;
        String v = value.replaceAll("\\([^)]*\\)", " ").replaceAll("\\s+", " ").trim();
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** HEADER field text: a field of that name contains the text; empty text asks only that it exists. */
    private boolean header(SelectedMailbox.Message m, String field, String text) {
        for (HeaderField f : mime(m).root().fields()) {
            if (f.is(field) && (text(SearchText.header(f.value()), text) || contains(f.value(), text))) return true;
        }
        return false;
    }

    /**
     * FROM, TO, CC, BCC: a field of that name contains the text in its text (decoded or as it
     * stands) or in its addresses written plainly, so {@code <user (c)@ (c) example.org>} is found
     * as user@example.org and {@code "Al \"the\" Man"} as {@code Al "the" Man}.
     */
    private boolean addresses(SelectedMailbox.Message m, String field, String text) {
        if (facts != null) {
            for (MessageFacts.AddressField f : facts(m).addressField(field)) {
                if (text(f.decoded(), text) || contains(f.raw(), text) || text(f.plain(), text)) return true;
            }
            return false;
        }
        for (HeaderField f : mime(m).root().fields()) {
            if (!f.is(field)) continue;
            if (text(SearchText.header(f.value()), text) || contains(f.value(), text)
                    || text(SearchText.addresses(f.value()), text)) {
                return true;
            }
        }
        return false;
    }

    private String headers(SelectedMailbox.Message m) {
        StringBuilder b = new StringBuilder();
        for (HeaderField f : mime(m).root().fields()) b.append(f.name()).append(": ").append(SearchText.header(f.value())).append('\n');
        return b.toString();
    }

    /** Decoded text contains the search text, case-insensitively. */
    private static boolean text(String decoded, String text) {
        return text.isEmpty() || decoded.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    /** The text's UTF-8 octets, case-insensitively, in an octet string (8-bit headers and bodies as sent). */
    private static boolean contains(String octets, String text) {
        if (text.isEmpty()) return true;
        String needle = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        return octets.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static String octets(byte[] data) {
        return new String(data, StandardCharsets.ISO_8859_1);
    }

    /** The kept facts of a message (those of an empty message when it has left the store). */
    private MessageFacts facts(SelectedMailbox.Message m) {
        if (loadedFactsUid != m.uid) {
            MessageFacts f = facts.get(m.uid);
            loadedFacts = f != null ? f : MessageFacts.of(MimeStructure.parse(new byte[0]));
            loadedFactsUid = m.uid;
        }
        return loadedFacts;
    }

    private MimeStructure mime(SelectedMailbox.Message m) {
        if (loadedUid != m.uid) {
            byte[] raw = texts.get(m.uid);
            mime = MimeStructure.parse(raw == null ? new byte[0] : raw);
            loadedUid = m.uid;
        }
        return mime;
    }
}
