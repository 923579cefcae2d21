package org.zcp.store.api.mapi;

import java.util.List;

/** Helpers to read a property list. */
public final class PropValues {
    private PropValues() {
    }

    public static PropValue find(List<PropValue> props, int tag) {
        if (props == null) return null;
        for (PropValue p : props) {
            if (p.tag == tag) return p;
        }
        return null;
    }

    public static String string(List<PropValue> props, int tag) {
        PropValue p = find(props, tag);
        return p == null ? null : p.s;
    }

    public static Long number(List<PropValue> props, int tag) {
        PropValue p = find(props, tag);
        return p == null ? null : p.l;
    }

    public static byte[] binary(List<PropValue> props, int tag) {
        PropValue p = find(props, tag);
        return p == null ? null : p.bin;
    }
}
