package org.zcp.api.mapi;

/** Directory object classes of the user plugins (values as in the original's database). */
public enum ObjectClass {
    ACTIVE_USER(0x10001),
    NONACTIVE_USER(0x10002),
    NONACTIVE_ROOM(0x10003),
    NONACTIVE_EQUIPMENT(0x10004),
    NONACTIVE_CONTACT(0x10005),
    DISTLIST_GROUP(0x30001),
    DISTLIST_SECURITY(0x30002),
    DISTLIST_DYNAMIC(0x30003),
    CONTAINER_COMPANY(0x40001),
    CONTAINER_ADDRESSLIST(0x40002);

    private final int value;

    ObjectClass(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean isUser() {
        return (value >> 16) == 1;
    }

    public boolean isGroup() {
        return (value >> 16) == 3;
    }

    public boolean isCompany() {
        return this == CONTAINER_COMPANY;
    }

    public static ObjectClass of(int value) {
        for (ObjectClass c : values()) {
            if (c.value == value) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown object class 0x" + Integer.toHexString(value));
    }
}
