package org.zcp.store.api.mapi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One MAPI property: the tag says the type; exactly one value field is set. Times are kept as
 * milliseconds since the epoch (UTC), booleans as {@code b}, 16/32/64-bit integers as {@code l}.
 */
public class PropValue {
    public int tag;
    public Long l;
    public Double d;
    public Boolean b;
    public String s;
    public byte[] bin;
    public List<Long> mvl;
    public List<String> mvs;
    public List<byte[]> mvbin;
    /** Set instead of a value when the property could not be returned (MAPI_E_NOT_FOUND, ...). */
    public String error;

    public PropValue() {
    }

    public static PropValue ofLong(int tag, long v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.l = v;
        return p;
    }

    public static PropValue ofString(int tag, String v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.s = v;
        return p;
    }

    public static PropValue ofBinary(int tag, byte[] v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.bin = v;
        return p;
    }

    public static PropValue ofBool(int tag, boolean v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.b = v;
        return p;
    }

    public static PropValue ofDouble(int tag, double v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.d = v;
        return p;
    }

    public static PropValue ofTime(int tag, long epochMillis) {
        return ofLong(tag, epochMillis);
    }

    public static PropValue ofError(int tag, String error) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.error = error;
        return p;
    }

    public static PropValue ofStrings(int tag, List<String> v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.mvs = new ArrayList<>(v);
        return p;
    }

    public static PropValue ofLongs(int tag, List<Long> v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.mvl = new ArrayList<>(v);
        return p;
    }

    public static PropValue ofBinaries(int tag, List<byte[]> v) {
        PropValue p = new PropValue();
        p.tag = tag;
        p.mvbin = new ArrayList<>(v);
        return p;
    }

    public int type() {
        return tag & 0xFFFF;
    }

    /** The value as a Java object (Long, Double, Boolean, String, byte[] or a List), or null. */
    public Object value() {
        if (error != null) return null;
        if (l != null) return l;
        if (d != null) return d;
        if (b != null) return b;
        if (s != null) return s;
        if (bin != null) return bin;
        if (mvl != null) return mvl;
        if (mvs != null) return mvs;
        if (mvbin != null) return mvbin;
        return null;
    }

    @Override
    public String toString() {
        Object v = value();
        String shown = v instanceof byte[] a ? "bin[" + a.length + "]" : String.valueOf(v);
        return String.format("0x%08X=%s", tag, error != null ? error : shown);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof PropValue p)) return false;
        Object a = value();
        Object c = p.value();
        if (a instanceof byte[] x && c instanceof byte[] y) return tag == p.tag && Arrays.equals(x, y);
        return tag == p.tag && java.util.Objects.equals(a, c) && java.util.Objects.equals(error, p.error);
    }

    @Override
    public int hashCode() {
        return tag;
    }

    /**
     * The octets of the value as the store counts them for message sizes and quota (manual 4.12)
     * and its caches for memory: strings two per character, binaries their length, numbers 8.
     */
    public long octets() {
        Object o = value();
        if (o instanceof String str) return str.length() * 2L;
        if (o instanceof byte[] b) return b.length;
        if (o instanceof java.util.List<?> l) {
            long n = 0;
            for (Object e : l) n += e instanceof String str ? str.length() * 2L : e instanceof byte[] b ? b.length : 8;
            return n;
        }
        return 8;
    }
}
