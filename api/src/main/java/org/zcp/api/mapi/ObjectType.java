package org.zcp.api.mapi;

/** MAPI object types as stored in the hierarchy and printed in the audit log (manual 7.3.1.5). */
public final class ObjectType {
    public static final int MAPI_STORE = 1;
    public static final int MAPI_FOLDER = 3;
    public static final int MAPI_MESSAGE = 5;
    public static final int MAPI_MAILUSER = 6;
    public static final int MAPI_ATTACH = 7;
    public static final int MAPI_DISTLIST = 8;

    /** Folder types (PR_FOLDER_TYPE). */
    public static final int FOLDER_ROOT = 0;
    public static final int FOLDER_GENERIC = 1;
    public static final int FOLDER_SEARCH = 2;

    private ObjectType() {
    }
}
