package org.zcp.store.core;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.MessageFlags;
import org.zcp.store.api.FolderMessages.FlagMode;

/**
 * {@link MessageFlags} as MAPI keeps them, the way Outlook and the original's gateway see the
 * same message: read is MSGFLAG_READ of PR_MESSAGE_FLAGS, flagged is PR_FLAG_STATUS 2
 * (followupFlagged), answered and forwarded are PR_LAST_VERB_EXECUTED 102/103 (reply to
 * sender/all) and 104 (forward), deleted is MSGSTATUS_DELMARKED in PR_MSG_STATUS, a draft is an
 * unsent message with a kept RFC 822 text, keywords are the categories (PidNameKeywords).
 */
public final class MapiFlags {
    public static final int VERB_REPLY_TO_SENDER = 102;
    public static final int VERB_REPLY_TO_ALL = 103;
    public static final int VERB_FORWARD = 104;
    public static final int FOLLOWUP_FLAGGED = 2;
    public static final int MSGSTATUS_DELMARKED = 0x8;

    private MapiFlags() {
    }

    /**
     * MAPI's last verb holds one verb; a message both answered and forwarded keeps "answered" there
     * and this marker among its categories (IMAP's name for it, RFC 5788).
     */
    static final String FORWARDED_MARK = "$Forwarded";

    /** {@code keptText}: the message has an RFC 822 text kept (a draft written as MIME, not over MAPI). */
    public static MessageFlags read(int msgFlags, Map<Integer, PropValue> p, boolean keptText, int keywordsTag) {
        long verb = num(p.get(PropTag.PR_LAST_VERB_EXECUTED));
        PropValue kw = p.get(keywordsTag);
        List<String> categories = kw == null || kw.mvs == null ? List.of() : kw.mvs;
        boolean marked = containsIgnoreCase(categories, FORWARDED_MARK);
        return new MessageFlags((msgFlags & PropTag.MSGFLAG_READ) != 0,
                num(p.get(PropTag.PR_FLAG_STATUS)) == FOLLOWUP_FLAGGED,
                verb == VERB_REPLY_TO_SENDER || verb == VERB_REPLY_TO_ALL, verb == VERB_FORWARD || marked,
                (num(p.get(PropTag.PR_MSG_STATUS)) & MSGSTATUS_DELMARKED) != 0,
                (msgFlags & PropTag.MSGFLAG_UNSENT) != 0 && keptText,
                marked ? categories.stream().filter(k -> !k.equalsIgnoreCase(FORWARDED_MARK)).toList() : categories);
    }

    /**
     * The flags after a change: SET takes {@code change} as the new state, ADD and REMOVE set or
     * clear what it names (its true booleans and its keywords; keywords compare case-insensitively,
     * as IMAP's do). Whether a message is a draft is what it is, not a flag to change.
     */
    public static MessageFlags apply(MessageFlags now, FlagMode mode, MessageFlags change) {
        return switch (mode) {
            case SET -> new MessageFlags(change.read(), change.flagged(), change.answered(), change.forwarded(),
                    change.deleted(), now.draft(), distinct(change.keywords()));
            case ADD -> {
                List<String> kw = new ArrayList<>(now.keywords());
                for (String k : change.keywords()) if (!containsIgnoreCase(kw, k)) kw.add(k);
                yield new MessageFlags(now.read() || change.read(), now.flagged() || change.flagged(),
                        now.answered() || change.answered(), now.forwarded() || change.forwarded(),
                        now.deleted() || change.deleted(), now.draft(), kw);
            }
            case REMOVE -> new MessageFlags(now.read() && !change.read(), now.flagged() && !change.flagged(),
                    now.answered() && !change.answered(), now.forwarded() && !change.forwarded(),
                    now.deleted() && !change.deleted(), now.draft(),
                    now.keywords().stream().filter(k -> !containsIgnoreCase(change.keywords(), k)).toList());
        };
    }

    /**
     * The property values that take a message from its stored properties {@code p} to {@code next}:
     * only those that differ (STORE +FLAGS (\Flagged) on 1,000 messages writes one property each).
     * The read state is not among them: it is PR_MESSAGE_FLAGS, changed with its own rules (read
     * receipts) by the message service.
     */
    public static List<PropValue> changes(Map<Integer, PropValue> p, MessageFlags next, int keywordsTag) {
        List<PropValue> out = new ArrayList<>();
        long status = num(p.get(PropTag.PR_MSG_STATUS));
        long wantStatus = next.deleted() ? status | MSGSTATUS_DELMARKED : status & ~MSGSTATUS_DELMARKED;
        if (wantStatus != status) out.add(PropValue.ofLong(PropTag.PR_MSG_STATUS, wantStatus));
        long flag = num(p.get(PropTag.PR_FLAG_STATUS));
        if (next.flagged() != (flag == FOLLOWUP_FLAGGED)) {
            out.add(PropValue.ofLong(PropTag.PR_FLAG_STATUS, next.flagged() ? FOLLOWUP_FLAGGED : 0));
        }
        long verb = num(p.get(PropTag.PR_LAST_VERB_EXECUTED));
        boolean answered = verb == VERB_REPLY_TO_SENDER || verb == VERB_REPLY_TO_ALL;
        long wantVerb = next.answered() ? (answered ? verb : VERB_REPLY_TO_SENDER)
                : next.forwarded() ? VERB_FORWARD : 0;
        if (wantVerb != verb) out.add(PropValue.ofLong(PropTag.PR_LAST_VERB_EXECUTED, wantVerb));
        PropValue kw = p.get(keywordsTag);
        List<String> was = kw == null || kw.mvs == null ? List.of() : kw.mvs;
        List<String> want = new ArrayList<>(next.keywords());
        want.removeIf(k -> k.equalsIgnoreCase(FORWARDED_MARK));
        if (next.answered() && next.forwarded()) want.add(FORWARDED_MARK); // the verb holds "answered"
        if (!was.equals(want)) out.add(PropValue.ofStrings(keywordsTag, want));
        return out;
    }

    private static long num(PropValue v) {
        return v == null || v.l == null ? 0 : v.l;
    }

    private static boolean containsIgnoreCase(List<String> list, String k) {
        return list.stream().anyMatch(x -> x.equalsIgnoreCase(k));
    }

    private static List<String> distinct(List<String> keywords) {
        Set<String> lower = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String k : keywords) if (lower.add(k.toLowerCase(java.util.Locale.ROOT))) out.add(k);
        return out;
    }
}
