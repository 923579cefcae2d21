package org.zcp.store.mapi;

import java.util.ArrayList;
import java.util.List;
import org.zcp.api.mapi.MapiError;
import org.zcp.api.mapi.PropType;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.StoreException;
import org.zcp.store.entity.MvPropertyRow;
import org.zcp.store.entity.PropertyRow;

/** Conversion between wire property values and database rows, by MAPI type. */
public final class Props {
    /** Strings longer than this go to val_text, with a prefix in val_string for sorting. */
    public static final int MAX_INLINE_STRING = 4000;
    static final int SORT_PREFIX = 255;

    private Props() {
    }

    enum Storage {
        LONG, DOUBLE, STRING, BINARY
    }

    static Storage storage(int tag) {
        return switch (PropType.base(tag)) {
            case PropType.PT_SHORT, PropType.PT_LONG, PropType.PT_I8, PropType.PT_BOOLEAN, PropType.PT_ERROR,
                    PropType.PT_SYSTIME, PropType.PT_CURRENCY -> Storage.LONG;
            case PropType.PT_DOUBLE, PropType.PT_FLOAT, PropType.PT_APPTIME -> Storage.DOUBLE;
            case PropType.PT_UNICODE, PropType.PT_STRING8 -> Storage.STRING;
            case PropType.PT_BINARY, PropType.PT_CLSID -> Storage.BINARY;
            default -> throw new StoreException(MapiError.MAPI_E_INVALID_TYPE,
                    String.format("property type 0x%04X of tag 0x%08X cannot be stored", PropType.base(tag), tag));
        };
    }

    /** Checks that the value matches the tag's type and fills a row. */
    public static PropertyRow toRow(long hierarchyId, PropValue v) {
        PropertyRow r = new PropertyRow();
        r.hierarchyId = hierarchyId;
        r.tag = v.tag;
        r.type = PropType.of(v.tag);
        switch (storage(v.tag)) {
            case LONG -> {
                if (PropType.base(v.tag) == PropType.PT_BOOLEAN && v.b != null) r.valLong = v.b ? 1L : 0L;
                else r.valLong = require(v, v.l);
            }
            case DOUBLE -> r.valDouble = require(v, v.d);
            case STRING -> {
                String s = require(v, v.s);
                if (s.length() > MAX_INLINE_STRING) {
                    r.valText = s;
                    r.valString = s.substring(0, SORT_PREFIX);
                } else {
                    r.valString = s;
                }
            }
            case BINARY -> r.valBinary = require(v, v.bin);
        }
        return r;
    }

    public static List<MvPropertyRow> toMvRows(long hierarchyId, PropValue v) {
        List<MvPropertyRow> rows = new ArrayList<>();
        Storage st = storage(v.tag);
        List<?> values = switch (st) {
            case LONG, DOUBLE -> v.mvl;
            case STRING -> v.mvs;
            case BINARY -> v.mvbin;
        };
        if (values == null) {
            throw new StoreException(MapiError.MAPI_E_INVALID_PARAMETER,
                    String.format("multi-valued property 0x%08X has no values of its type", v.tag));
        }
        int i = 0;
        for (Object o : values) {
            MvPropertyRow r = new MvPropertyRow();
            r.hierarchyId = hierarchyId;
            r.tag = v.tag;
            r.orderId = i++;
            r.type = PropType.of(v.tag);
            switch (st) {
                case LONG -> r.valLong = (Long) o;
                case DOUBLE -> r.valDouble = o instanceof Number n ? n.doubleValue() : null;
                case STRING -> {
                    String str = (String) o;
                    if (str != null && str.length() > MAX_INLINE_STRING) {
                        throw new StoreException(MapiError.MAPI_E_INVALID_PARAMETER, String.format(
                                "an element of multi-valued property 0x%08X is longer than %d characters", v.tag,
                                MAX_INLINE_STRING));
                    }
                    r.valString = str;
                }
                case BINARY -> r.valBinary = (byte[]) o;
            }
            rows.add(r);
        }
        return rows;
    }

    private static <T> T require(PropValue v, T value) {
        if (value == null) {
            throw new StoreException(MapiError.MAPI_E_INVALID_PARAMETER,
                    String.format("property 0x%08X has no value of its type", v.tag));
        }
        return value;
    }

    public static PropValue fromRow(PropertyRow r) {
        PropValue v = new PropValue();
        v.tag = r.tag;
        switch (storage(r.tag)) {
            case LONG -> {
                if (PropType.base(r.tag) == PropType.PT_BOOLEAN) v.b = r.valLong != null && r.valLong != 0;
                else v.l = r.valLong;
            }
            case DOUBLE -> v.d = r.valDouble;
            case STRING -> v.s = r.valText != null ? r.valText : r.valString;
            case BINARY -> v.bin = r.valBinary;
        }
        return v;
    }

    public static PropValue fromMvRows(int tag, List<MvPropertyRow> rows) {
        PropValue v = new PropValue();
        v.tag = tag;
        switch (storage(tag)) {
            case LONG -> v.mvl = rows.stream().map(r -> r.valLong).toList();
            case DOUBLE -> v.mvl = rows.stream().map(r -> r.valDouble == null ? null : r.valDouble.longValue())
                    .toList();
            case STRING -> v.mvs = rows.stream().map(r -> r.valString).toList();
            case BINARY -> v.mvbin = rows.stream().map(r -> r.valBinary).toList();
        }
        return v;
    }
}
