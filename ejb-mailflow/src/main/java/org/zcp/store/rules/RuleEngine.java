package org.zcp.store.rules;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.zcp.store.api.rules.HeaderMatch;
import org.zcp.store.api.rules.Rule;
import org.zcp.store.api.rules.RuleAction;
import org.zcp.store.api.rules.RuleCondition;

/**
 * Evaluates the rules of an Inbox against a message being delivered (pure: no store access).
 * Rules run in ascending sequence; disabled rules and rules whose condition does not match are
 * skipped. Every action of a matching rule is collected: the first MOVE chooses the folder, later
 * moves and all copies become further copies; a DELETE (like Zarafa's dagent) ends the
 * evaluation after the rest of its rule, as does a rule marked {@code stop}.
 */
public final class RuleEngine {

    /**
     * What the matching rules ask for: the folder to store in instead of the Inbox ({@code moveTo},
     * null: the Inbox), further copies, whether to delete and which rule did, mark as read, and
     * the address lists to forward and to redirect to (one list per action).
     */
    public record Outcome(String moveTo, List<String> copies, boolean delete, String deletedBy, boolean markRead,
            List<List<String>> forwards, List<List<String>> redirects, List<String> matched) {

        /** Nothing to do. */
        public static final Outcome NONE = new Outcome(null, List.of(), false, null, false, List.of(), List.of(),
                List.of());

        public boolean anyMatched() {
            return !matched.isEmpty();
        }

        /** The message is dropped: deleted, and no move or copy keeps it anywhere. */
        public boolean discard() {
            return delete && moveTo == null && copies.isEmpty();
        }

        /**
         * The folder the message is stored in instead of the Inbox, or null: the move target; for
         * a deleted message with copies, the first copy (deleted means "not in the Inbox").
         */
        public String targetFolder() {
            if (moveTo != null) return moveTo;
            return delete && !copies.isEmpty() ? copies.get(0) : null;
        }

        /** The further folders the message is copied to (without the target folder). */
        public List<String> copyFolders() {
            if (moveTo == null && delete && !copies.isEmpty()) return copies.subList(1, copies.size());
            return copies;
        }
    }

    private RuleEngine() {
    }

    /**
     * What {@code rules} do with {@code msg}, delivered to {@code recipientAddress} from
     * {@code envelopeSender} (null: the null sender); {@code size} is the message size in bytes.
     */
    public static Outcome evaluate(List<Rule> rules, MimeMessage msg, String envelopeSender, String recipientAddress,
            long size) {
        if (rules == null || rules.isEmpty()) return Outcome.NONE;
        Facts facts = new Facts(msg, envelopeSender, recipientAddress, size);
        String moveTo = null;
        Set<String> copies = new LinkedHashSet<>();
        boolean delete = false;
        String deletedBy = null;
        boolean read = false;
        List<List<String>> forwards = new ArrayList<>();
        List<List<String>> redirects = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (Rule rule : Rule.inOrder(rules)) {
            if (rule == null || !rule.enabled || !matches(rule.condition, facts)) continue;
            String name = rule.name == null || rule.name.isBlank() ? "#" + rule.sequence : rule.name;
            matched.add(name);
            boolean deleted = false;
            if (rule.actions != null) {
                for (RuleAction a : rule.actions) {
                    if (a == null || a.type == null) continue;
                    switch (a.type.trim().toUpperCase(Locale.ROOT)) {
                        case RuleAction.MOVE -> {
                            String id = id(a.folderId);
                            if (id == null) break;
                            if (moveTo == null) moveTo = id; else copies.add(id);
                        }
                        case RuleAction.COPY -> {
                            String id = id(a.folderId);
                            if (id != null) copies.add(id);
                        }
                        case RuleAction.DELETE -> {
                            delete = deleted = true;
                            if (deletedBy == null) deletedBy = name;
                        }
                        case RuleAction.MARK_READ -> read = true;
                        case RuleAction.FORWARD -> {
                            List<String> to = addresses(a);
                            if (!to.isEmpty()) forwards.add(to);
                        }
                        case RuleAction.REDIRECT -> {
                            List<String> to = addresses(a);
                            if (!to.isEmpty()) redirects.add(to);
                        }
                        default -> {
                            // unknown types are refused when rules are set
                        }
                    }
                }
            }
            if (rule.stop || deleted) break;
        }
        if (moveTo != null) copies.remove(moveTo);
        return new Outcome(moveTo, List.copyOf(copies), delete, deletedBy, read, List.copyOf(forwards),
                List.copyOf(redirects), List.copyOf(matched));
    }

    /** Whether {@code c} matches the message (null or empty: always). */
    public static boolean matches(RuleCondition c, MimeMessage msg, String envelopeSender, String recipientAddress,
            long size) {
        return matches(c, new Facts(msg, envelopeSender, recipientAddress, size));
    }

    private static boolean matches(RuleCondition c, Facts f) {
        if (c == null) return true;
        if (given(c.fromContains) && !anyIn(c.fromContains, f.from())) return false;
        if (given(c.sentToContains) && !anyIn(c.sentToContains, f.toAndCc())) return false;
        if (given(c.subjectContains) && !anyIn(c.subjectContains, List.of(f.subject()))) return false;
        if (c.headers != null) {
            for (HeaderMatch h : c.headers) {
                if (h != null && h.name != null && !h.name.isBlank() && !f.header(h.name.trim(), h.contains)) return false;
            }
        }
        if (c.sizeAbove != null && !(f.size > c.sizeAbove)) return false;
        if (c.sizeBelow != null && !(f.size < c.sizeBelow)) return false;
        if (c.sentOnlyToMe && !f.onlyToMe()) return false;
        return true;
    }

    private static boolean given(List<String> l) {
        return l != null && l.stream().anyMatch(s -> s != null && !s.isBlank());
    }

    /** Whether any non-blank needle is a case-insensitive substring of any of the texts. */
    private static boolean anyIn(List<String> needles, List<String> texts) {
        for (String n : needles) {
            if (n == null || n.isBlank()) continue;
            String needle = lower(n.trim());
            for (String t : texts) {
                if (t != null && lower(t).contains(needle)) return true;
            }
        }
        return false;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static String id(String folderId) {
        return folderId == null || folderId.isBlank() ? null : folderId.trim().toUpperCase(Locale.ROOT);
    }

    private static List<String> addresses(RuleAction a) {
        List<String> out = new ArrayList<>();
        if (a.addresses != null) {
            for (String s : a.addresses) {
                if (s != null && !s.isBlank()) out.add(s.trim());
            }
        }
        return List.copyOf(out);
    }

    /** What the conditions look at, read from the message once and leniently (broken headers match nothing). */
    private static final class Facts {
        final MimeMessage msg;
        final String envelopeSender;
        final String recipient;
        final long size;
        private List<String> from;
        private List<String> toAndCc;
        private String subject;

        Facts(MimeMessage msg, String envelopeSender, String recipient, long size) {
            this.msg = msg;
            this.envelopeSender = envelopeSender;
            this.recipient = recipient;
            this.size = size;
        }

        /** Addresses and display names of From, and the envelope sender. */
        List<String> from() {
            if (from == null) {
                from = new ArrayList<>(names(addresses("From")));
                if (envelopeSender != null && !envelopeSender.isBlank()) from.add(envelopeSender);
            }
            return from;
        }

        List<String> toAndCc() {
            if (toAndCc == null) {
                toAndCc = new ArrayList<>(names(addresses("To")));
                toAndCc.addAll(names(addresses("Cc")));
            }
            return toAndCc;
        }

        String subject() {
            if (subject == null) {
                try {
                    String s = msg.getSubject();
                    subject = s == null ? "" : s;
                } catch (MessagingException e) {
                    subject = decoded(first("Subject"));
                }
            }
            return subject;
        }

        boolean onlyToMe() {
            if (recipient == null || recipient.isBlank()) return false;
            List<InternetAddress> to = addresses("To");
            return to.size() == 1 && to.get(0).getAddress() != null
                    && to.get(0).getAddress().trim().equalsIgnoreCase(recipient.trim());
        }

        boolean header(String name, String contains) {
            String[] values;
            try {
                values = msg.getHeader(name);
            } catch (MessagingException e) {
                return false;
            }
            if (values == null || values.length == 0) return false;
            if (contains == null || contains.isEmpty()) return true;
            String needle = spaces(lower(contains));
            for (String v : values) {
                if (v == null) continue;
                String unfolded = MimeUtility.unfold(v);
                if (spaces(lower(unfolded)).contains(needle) || spaces(lower(decoded(unfolded))).contains(needle)) {
                    return true;
                }
            }
            return false;
        }

        /** Runs of white space as one blank (folding leaves two). */
        private static String spaces(String s) {
            return s.replaceAll("\\s+", " ");
        }

        private String first(String name) {
            try {
                return msg.getHeader(name, ",");
            } catch (MessagingException e) {
                return null;
            }
        }

        /** The addresses of a header, parsed leniently; an unparsable header gives its raw text as one address. */
        List<InternetAddress> addresses(String name) {
            String raw = first(name);
            if (raw == null || raw.isBlank()) return List.of();
            try {
                List<InternetAddress> out = new ArrayList<>();
                for (InternetAddress a : InternetAddress.parseHeader(raw, false)) out.add(a);
                return out;
            } catch (AddressException e) {
                InternetAddress a = new InternetAddress();
                a.setAddress(decoded(MimeUtility.unfold(raw)));
                return List.of(a);
            }
        }

        private static List<String> names(List<InternetAddress> list) {
            List<String> out = new ArrayList<>();
            for (InternetAddress a : list) {
                if (a.getAddress() != null) out.add(a.getAddress());
                if (a.getPersonal() != null) out.add(a.getPersonal());
            }
            return out;
        }

        private static String decoded(String s) {
            if (s == null) return "";
            try {
                return MimeUtility.decodeText(s);
            } catch (UnsupportedEncodingException | RuntimeException e) {
                return s;
            }
        }
    }
}
