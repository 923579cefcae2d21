package org.zcp.ical;

import java.util.List;
import org.zcp.store.api.mapi.PropValue;

/** Reading and writing a property list by tag or by named property. */
final class Props {
    private final List<PropValue> list;
    private final NamedIds ids;

    Props(List<PropValue> list, NamedIds ids) {
        this.list = list;
        this.ids = ids;
    }

    List<PropValue> list() {
        return list;
    }

    int tag(Names.Named n) {
        return n.tag(ids);
    }

    PropValue get(int tag) {
        for (PropValue p : list) {
            if (p.tag == tag && p.error == null) return p;
        }
        return null;
    }

    PropValue get(Names.Named n) {
        return get(tag(n));
    }

    String str(int tag) {
        PropValue p = get(tag);
        return p == null ? null : p.s;
    }

    String str(Names.Named n) {
        return str(tag(n));
    }

    Long num(int tag) {
        PropValue p = get(tag);
        return p == null ? null : p.l;
    }

    Long num(Names.Named n) {
        return num(tag(n));
    }

    boolean bool(Names.Named n) {
        PropValue p = get(tag(n));
        return p != null && Boolean.TRUE.equals(p.b);
    }

    Double dbl(Names.Named n) {
        PropValue p = get(tag(n));
        return p == null ? null : p.d;
    }

    byte[] bin(Names.Named n) {
        PropValue p = get(tag(n));
        return p == null ? null : p.bin;
    }

    List<String> strs(Names.Named n) {
        PropValue p = get(tag(n));
        return p == null ? null : p.mvs;
    }

    /** Sets (replaces) a value; a null or empty string is left out. */
    void put(PropValue v) {
        list.removeIf(p -> p.tag == v.tag);
        list.add(v);
    }

    void str(int tag, String v) {
        if (v != null && !v.isEmpty()) put(PropValue.ofString(tag, v));
    }

    void str(Names.Named n, String v) {
        str(tag(n), v);
    }

    void time(int tag, long millis) {
        put(PropValue.ofTime(tag, millis));
    }

    void time(Names.Named n, long millis) {
        time(tag(n), millis);
    }

    void num(int tag, long v) {
        put(PropValue.ofLong(tag, v));
    }

    void num(Names.Named n, long v) {
        num(tag(n), v);
    }

    void bool(int tag, boolean v) {
        put(PropValue.ofBool(tag, v));
    }

    void bool(Names.Named n, boolean v) {
        bool(tag(n), v);
    }

    void bin(Names.Named n, byte[] v) {
        put(PropValue.ofBinary(tag(n), v));
    }
}
