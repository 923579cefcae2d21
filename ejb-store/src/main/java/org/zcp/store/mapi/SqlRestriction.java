package org.zcp.store.mapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Restriction;
import org.zcp.store.StoreException;

/**
 * Translates a MAPI restriction into a portable SQL condition on the hierarchy table {@code h}
 * (hot columns where the tag has one, property rows otherwise). SQL stays within what both
 * MariaDB and H2 understand: no bitwise operators, no vendor functions.
 */
final class SqlRestriction {
    /** Tags with a hot column on messages, and the column. */
    static final Map<Integer, String> HOT = hot();

    private static Map<Integer, String> hot() {
        Map<Integer, String> m = new java.util.HashMap<>(Map.of(
                PropTag.PR_MESSAGE_CLASS, "h.message_class",
                PropTag.PR_MESSAGE_DELIVERY_TIME, "h.delivery_time",
                PropTag.PR_MESSAGE_SIZE, "h.msg_size",
                PropTag.PR_MESSAGE_SIZE_EXTENDED, "h.msg_size",
                PropTag.PR_MESSAGE_FLAGS, "h.msg_flags",
                PropTag.PR_CREATION_TIME, "h.created",
                PropTag.PR_LAST_MODIFICATION_TIME, "h.modified",
                PropTag.PR_DELETED_ON, "h.deleted_at",
                PropTag.PR_EC_IMAP_ID, "h.imap_uid",
                PropTag.PR_CHANGE_NUMBER, "h.change_num"));
        m.putAll(FlagColumns.COLUMNS); // null where the property is not set, as EXIST expects
        return Map.copyOf(m);
    }

    /** Hot columns only good for sorting (truncated copies of longer strings). */
    static final Map<Integer, String> SORT_HOT = Map.of(
            PropTag.PR_SUBJECT, "h.subject",
            PropTag.PR_SENDER_NAME, "h.sender_name",
            PropTag.PR_DISPLAY_NAME, "h.display_name",
            PropTag.PR_CONTAINER_CLASS, "h.container_class");

    /**
     * Hot columns holding the first {@link Props#SORT_PREFIX} characters of a message's string:
     * the whole value when shorter, NULL when it is not set.
     */
    static final Map<Integer, String> PREFIX_HOT = Map.of(
            PropTag.PR_SUBJECT, "h.subject",
            PropTag.PR_SENDER_NAME, "h.sender_name",
            PropTag.PR_SENDER_EMAIL_ADDRESS, "h.sender_email",
            PropTag.PR_DISPLAY_TO, "h.display_to");

    private static final int MAX_DEPTH = 32;

    private final List<Object> params;
    private final boolean folders;

    SqlRestriction(List<Object> params, boolean folders) {
        this.params = params;
        this.folders = folders;
    }

    String toSql(Restriction r) {
        return toSql(r, 0);
    }

    private String toSql(Restriction r, int depth) {
        if (r == null || r.type == null) throw invalid("restriction without type");
        if (depth > MAX_DEPTH) throw new StoreException(MapiError.MAPI_E_TOO_COMPLEX, "restriction nested too deep");
        switch (r.type.toUpperCase(Locale.ROOT)) {
            case Restriction.AND, Restriction.OR -> {
                if (r.subs == null || r.subs.isEmpty()) return Restriction.AND.equalsIgnoreCase(r.type) ? "1=1" : "1=0";
                boolean or = Restriction.OR.equalsIgnoreCase(r.type);
                StringBuilder sb = new StringBuilder("(");
                String op = or ? " OR " : " AND ";
                // OR of one text searched in several properties (a quick search): one look at the property rows
                Map<String, List<Restriction>> sameText = or ? sameText(r.subs) : Map.of();
                boolean firstPart = true;
                for (Restriction sub : r.subs) {
                    String key = textKey(sub);
                    List<Restriction> group = key == null ? null : sameText.get(key);
                    if (group != null && group.get(0) != sub) continue;
                    if (!firstPart) sb.append(op);
                    firstPart = false;
                    if (group != null) {
                        if (depth + 1 > MAX_DEPTH) throw new StoreException(MapiError.MAPI_E_TOO_COMPLEX, "restriction nested too deep");
                        sb.append(content(group));
                    } else {
                        sb.append(toSql(sub, depth + 1));
                    }
                }
                return sb.append(')').toString();
            }
            case Restriction.NOT -> {
                if (r.subs == null || r.subs.size() != 1) throw invalid("NOT needs exactly one sub-restriction");
                return "NOT " + toSql(r.subs.get(0), depth + 1);
            }
            case Restriction.EXIST -> {
                String hot = hotColumn(r.tag);
                if (hot != null) return hot + " IS NOT NULL";
                params.add(r.tag);
                return "EXISTS (SELECT 1 FROM properties p WHERE p.hierarchy_id = h.id AND p.tag = ?)";
            }
            case Restriction.PROPERTY -> {
                return compare(r);
            }
            case Restriction.CONTENT -> {
                return content(List.of(r));
            }
            case Restriction.BITMASK -> {
                return bitmask(r);
            }
            default -> throw new StoreException(MapiError.MAPI_E_TOO_COMPLEX, "restriction type " + r.type);
        }
    }

    private String hotColumn(int tag) {
        if (folders) {
            if (tag == PropTag.PR_DISPLAY_NAME) return "h.display_name";
            if (tag == PropTag.PR_CONTAINER_CLASS) return "h.container_class";
        }
        return HOT.get(tag);
    }

    private String compare(Restriction r) {
        String op = relop(r.relop);
        PropValue v = r.value;
        if (v == null) throw invalid("PROPERTY restriction without value");
        String hot = hotColumn(r.tag);
        Object value = sqlValue(v);
        if (hot != null) {
            // a restriction on a missing property is false, so NOT of it is true (MAPI semantics)
            params.add(value);
            return "(" + hot + " IS NOT NULL AND " + hot + " " + op + " ?)";
        }
        String col = v.s != null ? "COALESCE(p.val_text, p.val_string)" : "p." + valueColumn(v);
        params.add(r.tag);
        params.add(value);
        return "EXISTS (SELECT 1 FROM properties p WHERE p.hierarchy_id = h.id AND p.tag = ? AND " + col + " " + op
                + " ?)";
    }

    /**
     * CONTENT restrictions with one text and fuzzy level over the given tags, any of which may
     * match: a hot column decides where it has one; the subject, sender name and address and To
     * line, whose hot columns hold the first 255 characters, decide there when the value is
     * shorter (the property row otherwise); the other tags in one subquery on the property rows.
     */
    private String content(List<Restriction> rs) {
        Restriction r = rs.get(0);
        PropValue v = r.value;
        if (v == null || v.s == null) throw invalid("CONTENT restriction needs a string value");
        String fuzzy = r.fuzzy == null ? "FULLSTRING" : r.fuzzy.toUpperCase(Locale.ROOT);
        boolean ignoreCase = fuzzy.contains("IGNORECASE") || fuzzy.contains("LOOSE");
        String needle = escapeLike(ignoreCase ? v.s.toLowerCase(Locale.ROOT) : v.s);
        String pattern = fuzzy.contains("SUBSTRING") ? "%" + needle + "%" : fuzzy.contains("PREFIX") ? needle + "%"
                : needle;
        String rowValue = ignoreCase ? "LOWER(COALESCE(p.val_text, p.val_string))" : "COALESCE(p.val_text, p.val_string)";
        List<String> parts = new ArrayList<>();
        List<Integer> viaRows = new ArrayList<>();
        for (Restriction x : rs) {
            String hot = hotColumn(x.tag);
            String prefix = folders ? null : PREFIX_HOT.get(x.tag);
            if (hot != null) {
                params.add(pattern);
                parts.add("(" + hot + " IS NOT NULL AND " + (ignoreCase ? "LOWER(" + hot + ")" : hot) + " LIKE ? ESCAPE '!')");
            } else if (prefix != null) {
                params.add(pattern);
                params.add(x.tag);
                params.add(pattern);
                // NULL: not set (the column is kept with the property, V14 filled it for older messages)
                parts.add("(" + prefix + " IS NOT NULL AND ((CHAR_LENGTH(" + prefix + ") < " + Props.SORT_PREFIX + " AND "
                        + (ignoreCase ? "LOWER(" + prefix + ")" : prefix) + " LIKE ? ESCAPE '!') OR (CHAR_LENGTH("
                        + prefix + ") >= " + Props.SORT_PREFIX
                        + " AND EXISTS (SELECT 1 FROM properties p WHERE p.hierarchy_id = h.id AND p.tag = ? AND "
                        + rowValue + " LIKE ? ESCAPE '!'))))");
            } else {
                viaRows.add(x.tag);
            }
        }
        if (!viaRows.isEmpty()) {
            params.addAll(viaRows);
            params.add(pattern);
            parts.add("EXISTS (SELECT 1 FROM properties p WHERE p.hierarchy_id = h.id AND "
                    + (viaRows.size() == 1 ? "p.tag = ?" : "p.tag IN (" + "?, ".repeat(viaRows.size() - 1) + "?)")
                    + " AND " + rowValue + " LIKE ? ESCAPE '!')");
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" OR ", parts) + ")";
    }

    /** The CONTENT restrictions among {@code subs} that share a text and fuzzy level with another one, by {@link #textKey}. */
    private static Map<String, List<Restriction>> sameText(List<Restriction> subs) {
        Map<String, List<Restriction>> all = new java.util.LinkedHashMap<>();
        for (Restriction sub : subs) {
            String key = textKey(sub);
            if (key != null) all.computeIfAbsent(key, k -> new ArrayList<>()).add(sub);
        }
        all.values().removeIf(g -> g.size() < 2);
        return all;
    }

    /** "fuzzy level, text" of a CONTENT restriction on a string; null for anything else. */
    private static String textKey(Restriction r) {
        if (r == null || r.type == null || !Restriction.CONTENT.equalsIgnoreCase(r.type) || r.value == null
                || r.value.s == null) {
            return null;
        }
        String fuzzy = r.fuzzy == null ? "FULLSTRING" : r.fuzzy.toUpperCase(Locale.ROOT);
        return fuzzy + "\u0000" + r.value.s;
    }

    /**
     * (value AND mask) = 0 (EQ) or != 0 (NE), spelled with MOD/FLOOR per bit for portability. The
     * value is read as unsigned 32 bits (MAPI PT_LONG flags travel signed); a missing property
     * matches neither EQ nor NE.
     */
    private String bitmask(Restriction r) {
        long mask = r.mask & 0xFFFFFFFFL;
        if (mask == 0) throw invalid("BITMASK restriction with an empty 32-bit mask");
        String relop = r.relop == null ? "" : r.relop.toUpperCase(Locale.ROOT);
        if (!relop.equals("EQ") && !relop.equals("NE")) throw invalid("BITMASK relop must be EQ or NE");
        String hot = hotColumn(r.tag);
        String raw = hot != null ? hot : "p.val_long";
        String col = "(CASE WHEN " + raw + " < 0 THEN " + raw + " + 4294967296 ELSE " + raw + " END)";
        StringBuilder any = new StringBuilder("(");
        boolean first = true;
        for (int bit = 0; bit < 32; bit++) {
            long b = 1L << bit;
            if ((mask & b) == 0) continue;
            if (!first) any.append(" OR ");
            any.append("MOD(FLOOR(").append(col).append(" / ").append(b).append("), 2) = 1");
            first = false;
        }
        any.append(')');
        boolean ne = relop.equals("NE");
        String test = ne ? any.toString() : "NOT " + any;
        if (hot != null) return "(" + hot + " IS NOT NULL AND " + test + ")";
        params.add(r.tag);
        return "EXISTS (SELECT 1 FROM properties p WHERE p.hierarchy_id = h.id AND p.tag = ? AND " + test + ")";
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    static String relop(String relop) {
        if (relop == null) throw invalid("restriction without relop");
        return switch (relop.toUpperCase(Locale.ROOT)) {
            case "LT" -> "<";
            case "LE" -> "<=";
            case "GT" -> ">";
            case "GE" -> ">=";
            case "EQ" -> "=";
            case "NE" -> "<>";
            default -> throw invalid("unknown relop " + relop);
        };
    }

    static String valueColumn(PropValue v) {
        if (v.s != null) return "val_string";
        if (v.d != null) return "val_double";
        if (v.bin != null) return "val_binary";
        return "val_long";
    }

    static Object sqlValue(PropValue v) {
        if (v.b != null) return v.b ? 1L : 0L;
        if (v.l != null) return v.l;
        if (v.d != null) return v.d;
        if (v.s != null) return v.s;
        if (v.bin != null) return v.bin;
        throw invalid("restriction value is empty");
    }

    private static StoreException invalid(String msg) {
        return new StoreException(MapiError.MAPI_E_INVALID_PARAMETER, msg);
    }
}
