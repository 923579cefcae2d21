package org.zcp.store.mapi;

import java.util.List;
import java.util.Map;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.entity.HierarchyObject;

/**
 * The number properties a message's flags are made of that live in its row rather than as
 * property rows (Flyway V11), like PR_MESSAGE_FLAGS: PR_MSG_STATUS, PR_FLAG_STATUS and
 * PR_LAST_VERB_EXECUTED. A null column is a property that is not set. Every reader and writer of
 * properties goes through here: {@link ObjectStore#setProps}/{@link ObjectStore#deleteProps} write
 * them, {@link PropertyReader#computed} shows them, {@link SqlRestriction} restricts and sorts on
 * them, and copies take them with the row.
 */
public final class FlagColumns {
    /** The tags, each with its column in the hierarchy table. */
    public static final Map<Integer, String> COLUMNS = Map.of(PropTag.PR_MSG_STATUS, "h.msg_status",
            PropTag.PR_FLAG_STATUS, "h.flag_status", PropTag.PR_LAST_VERB_EXECUTED, "h.last_verb");

    private FlagColumns() {
    }

    public static boolean has(int tag) {
        return COLUMNS.containsKey(tag);
    }

    /** Sets (a value) or removes (null) the property of {@code tag} in its column. */
    public static void set(HierarchyObject o, int tag, Long value) {
        Integer v = value == null ? null : (int) (long) value;
        switch (tag) {
            case PropTag.PR_MSG_STATUS -> o.msgStatus = v;
            case PropTag.PR_FLAG_STATUS -> o.flagStatus = v;
            case PropTag.PR_LAST_VERB_EXECUTED -> o.lastVerb = v;
            default -> throw new IllegalArgumentException(String.format("no flag column for 0x%08X", tag));
        }
    }

    /** The properties that are set, as values (for a property map). */
    public static List<PropValue> values(Integer msgStatus, Integer flagStatus, Integer lastVerb) {
        List<PropValue> out = new java.util.ArrayList<>(3);
        if (msgStatus != null) out.add(PropValue.ofLong(PropTag.PR_MSG_STATUS, msgStatus));
        if (flagStatus != null) out.add(PropValue.ofLong(PropTag.PR_FLAG_STATUS, flagStatus));
        if (lastVerb != null) out.add(PropValue.ofLong(PropTag.PR_LAST_VERB_EXECUTED, lastVerb));
        return out;
    }

    /** Copies the three columns (a copy of a message keeps its flags). */
    public static void copy(HierarchyObject from, HierarchyObject to) {
        to.msgStatus = from.msgStatus;
        to.flagStatus = from.flagStatus;
        to.lastVerb = from.lastVerb;
    }
}
