package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.List;

/**
 * A MAPI restriction tree (SRestriction). {@code type} is one of the RES_* names below.
 */
public class Restriction {
    public static final String AND = "AND";
    public static final String OR = "OR";
    public static final String NOT = "NOT";
    /** String match: fuzzy = FULLSTRING | SUBSTRING | PREFIX, optionally with IGNORECASE. */
    public static final String CONTENT = "CONTENT";
    /** Compare a property to a value with {@code relop}. */
    public static final String PROPERTY = "PROPERTY";
    public static final String EXIST = "EXIST";
    /** {@code relop} EQ: (value &amp; mask) == 0; NE: != 0. */
    public static final String BITMASK = "BITMASK";

    public String type;
    /** LT, LE, GT, GE, EQ, NE. */
    public String relop;
    public String fuzzy;
    public int tag;
    public long mask;
    public PropValue value;
    public List<Restriction> subs = new ArrayList<>();

    public static Restriction property(String relop, PropValue value) {
        Restriction r = new Restriction();
        r.type = PROPERTY;
        r.relop = relop;
        r.tag = value.tag;
        r.value = value;
        return r;
    }

    public static Restriction content(String fuzzy, PropValue value) {
        Restriction r = new Restriction();
        r.type = CONTENT;
        r.fuzzy = fuzzy;
        r.tag = value.tag;
        r.value = value;
        return r;
    }

    public static Restriction and(Restriction... subs) {
        Restriction r = new Restriction();
        r.type = AND;
        r.subs.addAll(List.of(subs));
        return r;
    }

    public static Restriction or(Restriction... subs) {
        Restriction r = new Restriction();
        r.type = OR;
        r.subs.addAll(List.of(subs));
        return r;
    }

    public static Restriction not(Restriction sub) {
        Restriction r = new Restriction();
        r.type = NOT;
        r.subs.add(sub);
        return r;
    }

    public static Restriction exist(int tag) {
        Restriction r = new Restriction();
        r.type = EXIST;
        r.tag = tag;
        return r;
    }

    public static Restriction bitmask(String relop, int tag, long mask) {
        Restriction r = new Restriction();
        r.type = BITMASK;
        r.relop = relop;
        r.tag = tag;
        r.mask = mask;
        return r;
    }
}
