package org.zcp.api.mapi;

/**
 * The MAPI property tags the platform itself reads or writes. Clients may store any
 * other tag; the store keeps it as an opaque typed value.
 */
public final class PropTag {
    // identity
    public static final int PR_ENTRYID = 0x0FFF0102;
    public static final int PR_PARENT_ENTRYID = 0x0E090102;
    public static final int PR_STORE_ENTRYID = 0x0FFB0102;
    public static final int PR_STORE_RECORD_KEY = 0x0FFA0102;
    public static final int PR_RECORD_KEY = 0x0FF90102;
    public static final int PR_INSTANCE_KEY = 0x0FF60102;
    public static final int PR_SOURCE_KEY = 0x65E00102;
    public static final int PR_PARENT_SOURCE_KEY = 0x65E10102;
    public static final int PR_CHANGE_KEY = 0x65E20102;
    public static final int PR_OBJECT_TYPE = 0x0FFE0003;
    public static final int PR_ACCESS = 0x0FF40003;
    public static final int PR_RIGHTS = 0x66390003;
    public static final int PR_ROWID = 0x30000003;
    public static final int PR_DEPTH = 0x30050003;
    public static final int PR_CREATION_TIME = 0x30070040;
    public static final int PR_LAST_MODIFICATION_TIME = 0x30080040;
    public static final int PR_DELETED_ON = 0x668F0040;
    public static final int PR_CHANGE_NUMBER = 0x67A40014;
    public static final int PR_EC_IMAP_ID = 0x67700003;
    /** The RFC 822 text of a message as delivered or appended, served byte for byte over IMAP/POP3. */
    public static final int PR_EC_IMAP_EMAIL = 0x678C0102;
    /** Its size in octets, kept beside it by the store (RFC822.SIZE without reading the text). */
    public static final int PR_EC_IMAP_EMAIL_SIZE = 0x678D0003;
    /**
     * What the IMAP gateway derived from the RFC 822 text (ENVELOPE, BODY, BODYSTRUCTURE, the
     * address fields SEARCH reads), kept beside it and dropped with it; zcp's own property (the
     * original kept BODY and BODYSTRUCTURE in 0x678E and 0x678F).
     */
    public static final int PR_EC_IMAP_DERIVED = 0x67D0001F;

    // folders
    public static final int PR_DISPLAY_NAME = 0x3001001F;
    public static final int PR_COMMENT = 0x3004001F;
    public static final int PR_CONTAINER_CLASS = 0x3613001F;
    public static final int PR_FOLDER_TYPE = 0x36010003;
    public static final int PR_CONTENT_COUNT = 0x36020003;
    public static final int PR_CONTENT_UNREAD = 0x36030003;
    public static final int PR_SUBFOLDERS = 0x360A000B;
    public static final int PR_ASSOC_CONTENT_COUNT = 0x36170003;
    public static final int PR_DELETED_MSG_COUNT = 0x66400003;
    public static final int PR_DELETED_FOLDER_COUNT = 0x66410003;

    // stores
    public static final int PR_MAILBOX_OWNER_NAME = 0x661C001F;
    public static final int PR_MAILBOX_OWNER_ENTRYID = 0x661B0102;
    public static final int PR_MDB_PROVIDER = 0x34140102;
    public static final int PR_MESSAGE_SIZE_EXTENDED = 0x0E080014;
    public static final int PR_IPM_SUBTREE_ENTRYID = 0x35E00102;
    public static final int PR_IPM_OUTBOX_ENTRYID = 0x35E20102;
    public static final int PR_IPM_WASTEBASKET_ENTRYID = 0x35E30102;
    public static final int PR_IPM_SENTMAIL_ENTRYID = 0x35E40102;
    public static final int PR_IPM_APPOINTMENT_ENTRYID = 0x36D00102;
    public static final int PR_IPM_CONTACT_ENTRYID = 0x36D10102;
    public static final int PR_IPM_JOURNAL_ENTRYID = 0x36D20102;
    public static final int PR_IPM_NOTE_ENTRYID = 0x36D30102;
    public static final int PR_IPM_TASK_ENTRYID = 0x36D40102;
    public static final int PR_IPM_DRAFTS_ENTRYID = 0x36D70102;
    public static final int PR_ADDITIONAL_REN_ENTRYIDS = 0x36D81102;
    public static final int PR_FREEBUSY_ENTRYIDS = 0x36E41102;
    /** On a public store's root: the folder users' free/busy messages are published in ("Zarafa 1"). */
    public static final int PR_FREE_BUSY_FOR_LOCAL_SITE_ENTRYID = 0x66250102;
    /** The address-book entry id of whom an object is about (a published free/busy message's user). */
    public static final int PR_ADDRESS_BOOK_ENTRYID = 0x663B0102;
    public static final int PR_QUOTA_WARNING_THRESHOLD = 0x67210003;
    public static final int PR_QUOTA_SEND_THRESHOLD = 0x67220003;
    public static final int PR_QUOTA_RECEIVE_THRESHOLD = 0x67230003;

    // messages
    public static final int PR_MESSAGE_CLASS = 0x001A001F;
    public static final int PR_SUBJECT = 0x0037001F;
    public static final int PR_SUBJECT_PREFIX = 0x003D001F;
    public static final int PR_NORMALIZED_SUBJECT = 0x0E1D001F;
    public static final int PR_CONVERSATION_TOPIC = 0x0070001F;
    public static final int PR_IMPORTANCE = 0x00170003;
    public static final int PR_PRIORITY = 0x00260003;
    public static final int PR_SENSITIVITY = 0x00360003;
    public static final int PR_CLIENT_SUBMIT_TIME = 0x00390040;
    public static final int PR_MESSAGE_DELIVERY_TIME = 0x0E060040;
    public static final int PR_MESSAGE_FLAGS = 0x0E070003;
    public static final int PR_MESSAGE_SIZE = 0x0E080003;
    public static final int PR_MSG_STATUS = 0x0E170003;
    public static final int PR_HASATTACH = 0x0E1B000B;
    public static final int PR_DISPLAY_TO = 0x0E04001F;
    public static final int PR_DISPLAY_CC = 0x0E03001F;
    public static final int PR_DISPLAY_BCC = 0x0E02001F;
    public static final int PR_SENDER_NAME = 0x0C1A001F;
    public static final int PR_SENDER_EMAIL_ADDRESS = 0x0C1F001F;
    public static final int PR_SENDER_ADDRTYPE = 0x0C1E001F;
    public static final int PR_SENT_REPRESENTING_NAME = 0x0042001F;
    public static final int PR_SENT_REPRESENTING_EMAIL_ADDRESS = 0x0065001F;
    public static final int PR_BODY = 0x1000001F;
    public static final int PR_HTML = 0x10130102;
    public static final int PR_RTF_COMPRESSED = 0x10090102;
    public static final int PR_INTERNET_MESSAGE_ID = 0x1035001F;
    public static final int PR_IN_REPLY_TO_ID = 0x1042001F;
    public static final int PR_TRANSPORT_MESSAGE_HEADERS = 0x007D001F;
    public static final int PR_FLAG_STATUS = 0x10900003;
    public static final int PR_ICON_INDEX = 0x10800003;
    public static final int PR_LAST_VERB_EXECUTED = 0x10810003;

    // recipients
    public static final int PR_RECIPIENT_TYPE = 0x0C150003;
    public static final int PR_EMAIL_ADDRESS = 0x3003001F;
    public static final int PR_ADDRTYPE = 0x3002001F;
    public static final int PR_SMTP_ADDRESS = 0x39FE001F;

    // attachments
    public static final int PR_ATTACH_NUM = 0x0E210003;
    public static final int PR_ATTACH_SIZE = 0x0E200003;
    public static final int PR_ATTACH_METHOD = 0x37050003;
    public static final int PR_ATTACH_FILENAME = 0x3704001F;
    public static final int PR_ATTACH_LONG_FILENAME = 0x3707001F;
    public static final int PR_ATTACH_MIME_TAG = 0x370E001F;
    public static final int PR_ATTACH_CONTENT_ID = 0x3712001F;
    public static final int PR_ATTACH_DATA_BIN = 0x37010102;

    /** PR_MESSAGE_FLAGS bits. */
    public static final int MSGFLAG_READ = 0x0001;
    public static final int MSGFLAG_UNMODIFIED = 0x0002;
    public static final int MSGFLAG_SUBMIT = 0x0004;
    public static final int MSGFLAG_UNSENT = 0x0008;
    public static final int MSGFLAG_HASATTACH = 0x0010;
    public static final int MSGFLAG_ASSOCIATED = 0x0040;

    /** Recipient types. */
    public static final int MAPI_TO = 1;
    public static final int MAPI_CC = 2;
    public static final int MAPI_BCC = 3;

    private PropTag() {
    }

    /** Out-of-office settings on the store object (manual 4.5, 8.9). */
    public static final int PR_EC_OUTOFOFFICE = 0x6760000B;
    public static final int PR_EC_OUTOFOFFICE_MSG = 0x6761001F;
    public static final int PR_EC_OUTOFOFFICE_SUBJECT = 0x6762001F;
    public static final int PR_EC_OUTOFOFFICE_FROM = 0x67630040;
    public static final int PR_EC_OUTOFOFFICE_UNTIL = 0x67640040;
    /** A submitted message is removed instead of moved to Sent Items once sent. */
    public static final int PR_DELETE_AFTER_SUBMIT = 0x0E01000B;
    /** The server-side rules of an Inbox (XML of org.zcp.store.rules.RuleSet), PT_BINARY. */
    public static final int PR_RULES_DATA = 0x3FE10102;

    public static String hex(int tag) {
        return String.format("0x%08X", tag);
    }
}
