package org.zcp.ical;

/**
 * What a folder keeps and how the item is written: its MAPI message class, the container class of
 * the folders that hold it, and its iCalendar component (none for contacts, which are vCards).
 */
public enum ItemKind {
    EVENT("IPM.Appointment", "IPF.Appointment", "VEVENT"),
    TASK("IPM.Task", "IPF.Task", "VTODO"),
    CONTACT("IPM.Contact", "IPF.Contact", null);

    private final String messageClass;
    private final String containerClass;
    private final String component;

    ItemKind(String messageClass, String containerClass, String component) {
        this.messageClass = messageClass;
        this.containerClass = containerClass;
        this.component = component;
    }

    public String messageClass() {
        return messageClass;
    }

    public String containerClass() {
        return containerClass;
    }

    /** The iCalendar component (VEVENT, VTODO), or null for contacts. */
    public String component() {
        return component;
    }

    /** The kind a folder of this container class keeps (IPF.Appointment.Birthday is a calendar), or null. */
    public static ItemKind ofContainer(String containerClass) {
        if (containerClass == null) return null;
        for (ItemKind k : values()) {
            if (containerClass.equals(k.containerClass) || containerClass.startsWith(k.containerClass + ".")) return k;
        }
        return null;
    }

    /** The kind of a message class (IPM.Appointment, IPM.Schedule.Meeting.* are events), or null. */
    public static ItemKind ofMessage(String messageClass) {
        if (messageClass == null) return null;
        for (ItemKind k : values()) {
            if (messageClass.equalsIgnoreCase(k.messageClass) || messageClass.regionMatches(true, 0, k.messageClass + ".", 0,
                    k.messageClass.length() + 1)) return k;
        }
        return null;
    }
}
