package org.zcp.ical;

import org.zcp.store.api.mapi.NamedProp;

/**
 * The named properties the conversions write (docs/mapi-properties.md gives set, long id, type and
 * the specification page of each), with their MAPI types. A tag is {@code ids.id(name) << 16 | type}.
 *
 * <p>Not in docs/mapi-properties.md, taken from the MAPI canonical property pages as Zarafa's own
 * headers use them: PidLidTaskDueDate 0x8105 (the doc's "not verified" row), the e-mail 2/3
 * and original display name LIDs (0x8084, 0x8090-0x8094, 0x80A0-0x80A4), the work address
 * parts 0x8045-0x804A and PidLidWorkAddress 0x801B, PidLidAddressBookProviderEmailList 0x8028 and
 * ArrayType 0x8029.
 */
final class Names {
    private Names() {
    }

    static final String PSETID_APPOINTMENT = "00062002-0000-0000-C000-000000000046";
    static final String PSETID_MEETING = "6ED8DA90-450B-101B-98DA-00AA003F1305";
    static final String PSETID_COMMON = "00062008-0000-0000-C000-000000000046";
    static final String PSETID_TASK = "00062003-0000-0000-C000-000000000046";
    static final String PSETID_ADDRESS = "00062004-0000-0000-C000-000000000046";
    static final String PS_PUBLIC_STRINGS = "00020329-0000-0000-C000-000000000046";

    static final int PT_LONG = 0x0003;
    static final int PT_DOUBLE = 0x0005;
    static final int PT_BOOLEAN = 0x000B;
    static final int PT_UNICODE = 0x001F;
    static final int PT_SYSTIME = 0x0040;
    static final int PT_BINARY = 0x0102;
    static final int PT_MV_LONG = 0x1003;
    static final int PT_MV_UNICODE = 0x101F;

    /** A named property with its MAPI type. */
    record Named(NamedProp name, int type) {
        int tag(NamedIds ids) {
            return ids.id(name) << 16 | type;
        }
    }

    private static Named lid(String guid, int lid, int type) {
        return new Named(NamedProp.ofId(guid, lid), type);
    }

    private static Named str(String name, int type) {
        return new Named(NamedProp.ofName(PS_PUBLIC_STRINGS, name), type);
    }

    // PSETID_Appointment
    static final Named APPT_START_WHOLE = lid(PSETID_APPOINTMENT, 0x820D, PT_SYSTIME);
    static final Named APPT_END_WHOLE = lid(PSETID_APPOINTMENT, 0x820E, PT_SYSTIME);
    static final Named BUSY_STATUS = lid(PSETID_APPOINTMENT, 0x8205, PT_LONG);
    static final Named LOCATION = lid(PSETID_APPOINTMENT, 0x8208, PT_UNICODE);
    static final Named APPT_SUB_TYPE = lid(PSETID_APPOINTMENT, 0x8215, PT_BOOLEAN);
    static final Named RECURRING = lid(PSETID_APPOINTMENT, 0x8223, PT_BOOLEAN);
    /** PidLidAppointmentRecur: the AppointmentRecurrencePattern blob ([MS-OXOCAL] 2.2.1.44). */
    static final Named APPT_RECUR = lid(PSETID_APPOINTMENT, 0x8216, PT_BINARY);
    /** PidLidExceptionReplaceTime: an exception's original start (UTC), on its embedded message. */
    static final Named EXCEPTION_REPLACE_TIME = lid(PSETID_APPOINTMENT, 0x8228, PT_SYSTIME);
    /** PidLidFExceptionalBody: the exception's body is its own. */
    static final Named F_EXCEPTIONAL_BODY = lid(PSETID_APPOINTMENT, 0x8206, PT_BOOLEAN);
    /** PidLidFExceptionalAttendees: the exception's attendees are its own. */
    static final Named F_EXCEPTIONAL_ATTENDEES = lid(PSETID_APPOINTMENT, 0x822B, PT_BOOLEAN);
    /** PidLidRecurrenceType: 1 daily, 2 weekly, 3 monthly, 4 yearly. */
    static final Named RECURRENCE_TYPE = lid(PSETID_APPOINTMENT, 0x8231, PT_LONG);
    /** PidLidRecurrencePattern: the pattern in words. */
    static final Named RECURRENCE_PATTERN = lid(PSETID_APPOINTMENT, 0x8232, PT_UNICODE);
    static final Named CLIP_START = lid(PSETID_APPOINTMENT, 0x8235, PT_SYSTIME);
    static final Named CLIP_END = lid(PSETID_APPOINTMENT, 0x8236, PT_SYSTIME);
    static final Named TIMEZONE_STRUCT = lid(PSETID_APPOINTMENT, 0x8233, PT_BINARY);
    static final Named TIMEZONE_DESCRIPTION = lid(PSETID_APPOINTMENT, 0x8234, PT_UNICODE);
    static final Named TZDEF_START_DISPLAY = lid(PSETID_APPOINTMENT, 0x825E, PT_BINARY);
    static final Named TZDEF_END_DISPLAY = lid(PSETID_APPOINTMENT, 0x825F, PT_BINARY);
    static final Named APPT_SEQUENCE = lid(PSETID_APPOINTMENT, 0x8201, PT_LONG);
    static final Named APPT_STATE_FLAGS = lid(PSETID_APPOINTMENT, 0x8217, PT_LONG);
    static final Named APPT_DURATION = lid(PSETID_APPOINTMENT, 0x8213, PT_LONG);
    /** PidLidResponseStatus: an attendee's answer in their copy (respNotResponded 5, accepted 3, ...). */
    static final Named RESPONSE_STATUS = lid(PSETID_APPOINTMENT, 0x8218, PT_LONG);

    // PSETID_Meeting
    static final Named GLOBAL_OBJECT_ID = lid(PSETID_MEETING, 0x0003, PT_BINARY);
    static final Named CLEAN_GLOBAL_OBJECT_ID = lid(PSETID_MEETING, 0x0023, PT_BINARY);
    static final Named IS_RECURRING = lid(PSETID_MEETING, 0x0005, PT_BOOLEAN);
    static final Named OWNER_CRITICAL_CHANGE = lid(PSETID_MEETING, 0x001A, PT_SYSTIME);

    // PSETID_Common
    static final Named REMINDER_SET = lid(PSETID_COMMON, 0x8503, PT_BOOLEAN);
    static final Named REMINDER_DELTA = lid(PSETID_COMMON, 0x8501, PT_LONG);
    static final Named REMINDER_TIME = lid(PSETID_COMMON, 0x8502, PT_SYSTIME);
    static final Named REMINDER_SIGNAL_TIME = lid(PSETID_COMMON, 0x8560, PT_SYSTIME);
    static final Named COMMON_START = lid(PSETID_COMMON, 0x8516, PT_SYSTIME);
    static final Named COMMON_END = lid(PSETID_COMMON, 0x8517, PT_SYSTIME);
    static final Named PRIVATE = lid(PSETID_COMMON, 0x8506, PT_BOOLEAN);

    // PSETID_Task
    static final Named TASK_STATUS = lid(PSETID_TASK, 0x8101, PT_LONG);
    static final Named PERCENT_COMPLETE = lid(PSETID_TASK, 0x8102, PT_DOUBLE);
    static final Named TASK_START_DATE = lid(PSETID_TASK, 0x8104, PT_SYSTIME);
    static final Named TASK_DUE_DATE = lid(PSETID_TASK, 0x8105, PT_SYSTIME);
    static final Named TASK_DATE_COMPLETED = lid(PSETID_TASK, 0x810F, PT_SYSTIME);
    static final Named TASK_COMPLETE = lid(PSETID_TASK, 0x811C, PT_BOOLEAN);
    /** PidLidTaskRecurrence: a RecurrencePattern alone ([MS-OXOTASK] 2.2.2.2.15). */
    static final Named TASK_RECURRENCE = lid(PSETID_TASK, 0x8116, PT_BINARY);
    /** PidLidTaskFRecurring ([MS-OXOTASK] 2.2.2.2.16). */
    static final Named TASK_F_RECURRING = lid(PSETID_TASK, 0x8126, PT_BOOLEAN);

    // PSETID_Address
    static final Named FILE_UNDER = lid(PSETID_ADDRESS, 0x8005, PT_UNICODE);
    static final Named HAS_PICTURE = lid(PSETID_ADDRESS, 0x8015, PT_BOOLEAN);
    static final Named WORK_ADDRESS = lid(PSETID_ADDRESS, 0x801B, PT_UNICODE);
    static final Named WORK_STREET = lid(PSETID_ADDRESS, 0x8045, PT_UNICODE);
    static final Named WORK_CITY = lid(PSETID_ADDRESS, 0x8046, PT_UNICODE);
    static final Named WORK_STATE = lid(PSETID_ADDRESS, 0x8047, PT_UNICODE);
    static final Named WORK_POSTAL_CODE = lid(PSETID_ADDRESS, 0x8048, PT_UNICODE);
    static final Named WORK_COUNTRY = lid(PSETID_ADDRESS, 0x8049, PT_UNICODE);
    static final Named WORK_PO_BOX = lid(PSETID_ADDRESS, 0x804A, PT_UNICODE);
    static final Named AB_PROVIDER_EMAIL_LIST = lid(PSETID_ADDRESS, 0x8028, PT_MV_LONG);
    static final Named AB_PROVIDER_ARRAY_TYPE = lid(PSETID_ADDRESS, 0x8029, PT_LONG);

    /** PidLidEmail1..3: display name, address type, address, original display name (LIDs by slot). */
    static final Named[][] EMAIL = {
        {lid(PSETID_ADDRESS, 0x8080, PT_UNICODE), lid(PSETID_ADDRESS, 0x8082, PT_UNICODE),
            lid(PSETID_ADDRESS, 0x8083, PT_UNICODE), lid(PSETID_ADDRESS, 0x8084, PT_UNICODE)},
        {lid(PSETID_ADDRESS, 0x8090, PT_UNICODE), lid(PSETID_ADDRESS, 0x8092, PT_UNICODE),
            lid(PSETID_ADDRESS, 0x8093, PT_UNICODE), lid(PSETID_ADDRESS, 0x8094, PT_UNICODE)},
        {lid(PSETID_ADDRESS, 0x80A0, PT_UNICODE), lid(PSETID_ADDRESS, 0x80A2, PT_UNICODE),
            lid(PSETID_ADDRESS, 0x80A3, PT_UNICODE), lid(PSETID_ADDRESS, 0x80A4, PT_UNICODE)},
    };
    static final int EMAIL_DISPLAY_NAME = 0;
    static final int EMAIL_ADDRESS_TYPE = 1;
    static final int EMAIL_ADDRESS = 2;
    static final int EMAIL_ORIGINAL_DISPLAY_NAME = 3;

    // PS_PUBLIC_STRINGS
    static final Named KEYWORDS = str("Keywords", PT_MV_UNICODE);
    /** The client's UID exactly as given (events, tasks and contacts). */
    static final Named UID = str("urn:zcp:ical:uid", PT_UNICODE);
    /** RRULE/RDATE/EXDATE lines of a recurring master and its RECURRENCE-ID components, as iCalendar text. */
    static final Named RECURRENCE = str("urn:zcp:ical:recurrence", PT_UNICODE);
    /**
     * The SHA-256 (hex) of the PidLidAppointmentRecur written from the kept recurrence text: while
     * the blob still has it, the text is what the item says; once Outlook rewrote the blob, the blob.
     */
    static final Named RECURRENCE_BLOB = str("urn:zcp:ical:recurrence-blob", PT_UNICODE);
    /** Properties and subcomponents without a MAPI home, as iCalendar (or vCard) text. */
    static final Named EXTRA = str("urn:zcp:ical:extra", PT_UNICODE);
    /** The VTIMEZONE components the client sent, as iCalendar text. */
    static final Named TIMEZONES = str("urn:zcp:ical:timezones", PT_UNICODE);
}
