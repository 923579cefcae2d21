package org.zcp.api.mapi;

/** MAPI property types: the low 16 bits of a property tag. */
public final class PropType {
    public static final int PT_UNSPECIFIED = 0x0000;
    public static final int PT_NULL = 0x0001;
    public static final int PT_SHORT = 0x0002;
    public static final int PT_LONG = 0x0003;
    public static final int PT_FLOAT = 0x0004;
    public static final int PT_DOUBLE = 0x0005;
    public static final int PT_CURRENCY = 0x0006;
    public static final int PT_APPTIME = 0x0007;
    public static final int PT_ERROR = 0x000A;
    public static final int PT_BOOLEAN = 0x000B;
    public static final int PT_OBJECT = 0x000D;
    public static final int PT_I8 = 0x0014;
    public static final int PT_STRING8 = 0x001E;
    public static final int PT_UNICODE = 0x001F;
    public static final int PT_SYSTIME = 0x0040;
    public static final int PT_CLSID = 0x0048;
    public static final int PT_BINARY = 0x0102;
    public static final int MV_FLAG = 0x1000;

    private PropType() {
    }

    public static int of(int tag) {
        return tag & 0xFFFF;
    }

    public static int id(int tag) {
        return tag >>> 16;
    }

    public static int tag(int id, int type) {
        return (id << 16) | (type & 0xFFFF);
    }

    public static boolean isMultiValued(int tag) {
        return (tag & MV_FLAG) != 0;
    }

    /** The single-valued type of a (possibly multi-valued) tag. */
    public static int base(int tag) {
        return tag & 0x0FFF;
    }

    public static boolean isString(int type) {
        int t = type & 0x0FFF;
        return t == PT_UNICODE || t == PT_STRING8;
    }

    public static boolean isInteger(int type) {
        int t = type & 0x0FFF;
        return t == PT_SHORT || t == PT_LONG || t == PT_I8 || t == PT_BOOLEAN || t == PT_ERROR
                || t == PT_CURRENCY;
    }
}
