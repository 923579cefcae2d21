package org.zcp.ical;

/**
 * Plain MAPI tags the conversions write that {@code org.zcp.api.mapi.PropTag} does not hold
 * (docs/mapi-properties.md for the calendar ones; MS-OXOCNTC / MS-OXOABK for the contact ones).
 */
final class Tags {
    private Tags() {
    }

    static final int PR_START_DATE = 0x00600040;
    static final int PR_END_DATE = 0x00610040;
    static final int PR_RECIPIENT_TRACKSTATUS = 0x5FFF0003;
    static final int PR_RECIPIENT_FLAGS = 0x5FFD0003;
    static final int PR_RESPONSE_REQUESTED = 0x0063000B;
    static final int PR_SENT_REPRESENTING_ADDRTYPE = 0x0064001F;
    static final int PR_SENT_REPRESENTING_SMTP_ADDRESS = 0x5D02001F;
    static final int PR_SENDER_SMTP_ADDRESS = 0x5D01001F;

    // contacts
    static final int PR_GIVEN_NAME = 0x3A06001F;
    static final int PR_SURNAME = 0x3A11001F;
    static final int PR_MIDDLE_NAME = 0x3A44001F;
    static final int PR_DISPLAY_NAME_PREFIX = 0x3A45001F;
    static final int PR_GENERATION = 0x3A05001F;
    static final int PR_NICKNAME = 0x3A4F001F;
    static final int PR_COMPANY_NAME = 0x3A16001F;
    static final int PR_TITLE = 0x3A17001F;
    static final int PR_DEPARTMENT_NAME = 0x3A18001F;
    static final int PR_PROFESSION = 0x3A46001F;
    static final int PR_BIRTHDAY = 0x3A420040;
    static final int PR_WEDDING_ANNIVERSARY = 0x3A410040;
    static final int PR_BUSINESS_HOME_PAGE = 0x3A51001F;
    static final int PR_PERSONAL_HOME_PAGE = 0x3A50001F;

    static final int PR_BUSINESS_TELEPHONE_NUMBER = 0x3A08001F;
    static final int PR_BUSINESS2_TELEPHONE_NUMBER = 0x3A1B001F;
    static final int PR_HOME_TELEPHONE_NUMBER = 0x3A09001F;
    static final int PR_HOME2_TELEPHONE_NUMBER = 0x3A2F001F;
    static final int PR_MOBILE_TELEPHONE_NUMBER = 0x3A1C001F;
    static final int PR_BUSINESS_FAX_NUMBER = 0x3A24001F;
    static final int PR_HOME_FAX_NUMBER = 0x3A25001F;
    static final int PR_PRIMARY_FAX_NUMBER = 0x3A23001F;
    static final int PR_PAGER_TELEPHONE_NUMBER = 0x3A21001F;
    static final int PR_PRIMARY_TELEPHONE_NUMBER = 0x3A1A001F;
    static final int PR_CAR_TELEPHONE_NUMBER = 0x3A1E001F;
    static final int PR_ISDN_NUMBER = 0x3A2D001F;
    static final int PR_OTHER_TELEPHONE_NUMBER = 0x3A1F001F;

    static final int PR_HOME_ADDRESS_STREET = 0x3A5D001F;
    static final int PR_HOME_ADDRESS_CITY = 0x3A59001F;
    static final int PR_HOME_ADDRESS_STATE_OR_PROVINCE = 0x3A5C001F;
    static final int PR_HOME_ADDRESS_POSTAL_CODE = 0x3A5B001F;
    static final int PR_HOME_ADDRESS_COUNTRY = 0x3A5A001F;
    static final int PR_HOME_ADDRESS_POST_OFFICE_BOX = 0x3A5E001F;
    static final int PR_OTHER_ADDRESS_STREET = 0x3A63001F;
    static final int PR_OTHER_ADDRESS_CITY = 0x3A5F001F;
    static final int PR_OTHER_ADDRESS_STATE_OR_PROVINCE = 0x3A62001F;
    static final int PR_OTHER_ADDRESS_POSTAL_CODE = 0x3A61001F;
    static final int PR_OTHER_ADDRESS_COUNTRY = 0x3A60001F;
    static final int PR_OTHER_ADDRESS_POST_OFFICE_BOX = 0x3A64001F;

    // attachments
    static final int PR_ATTACH_EXTENSION = 0x3703001F;
    static final int PR_ATTACHMENT_CONTACTPHOTO = 0x7FFF000B;
    static final int PR_ATTACHMENT_HIDDEN = 0x7FFE000B;
    static final int ATTACH_BY_VALUE = 1;
    static final int ATTACH_EMBEDDED_MSG = 5;
    /** PidTagAttachmentFlags; afException (2) marks an exception of a recurring appointment. */
    static final int PR_ATTACHMENT_FLAGS = 0x37140003;
    static final int AF_EXCEPTION = 0x2;
    static final int PR_RENDERING_POSITION = 0x370B0003;
    /** PidTagExceptionReplaceTime: the original start (UTC) of the occurrence an exception replaces. */
    static final int PR_EXCEPTION_REPLACETIME = 0x7FF90040;
    /** PidTagExceptionStartTime/EndTime: the exception's start and end in the series' local time. */
    static final int PR_EXCEPTION_STARTTIME = 0x7FFA0040;
    static final int PR_EXCEPTION_ENDTIME = 0x7FFB0040;

    // PidTagRecipientTrackStatus values (MS-OXOCAL 2.2.4.10)
    static final int RESP_NONE = 0;
    static final int RESP_ORGANIZED = 1;
    static final int RESP_TENTATIVE = 2;
    static final int RESP_ACCEPTED = 3;
    static final int RESP_DECLINED = 4;
    static final int RESP_NOT_RESPONDED = 5;
}
