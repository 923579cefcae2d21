package org.zcp.store.directory;

/** Attribute names of directory objects in objectproperty. */
public final class Attr {
    public static final String NAME = "name";
    public static final String FULLNAME = "fullname";
    public static final String EMAIL = "email";
    public static final String PASSWORD = "password";
    /** 0, 1 (company admin) or 2 (system admin). */
    public static final String ADMIN = "admin";
    public static final String HIDDEN = "hidden";
    public static final String QUOTA_OVERRIDE = "quotaoverride";
    public static final String QUOTA_WARN = "warnquota";
    public static final String QUOTA_SOFT = "softquota";
    public static final String QUOTA_HARD = "hardquota";
    /** Company defaults for its users (manual 6.2.5 "company user quota"). */
    public static final String UD_QUOTA_OVERRIDE = "ud_quotaoverride";
    public static final String UD_QUOTA_WARN = "ud_warnquota";
    public static final String UD_QUOTA_SOFT = "ud_softquota";
    public static final String UD_QUOTA_HARD = "ud_hardquota";
    public static final String LAST_LOGON = "lastlogon";
    public static final String LAST_LOGOFF = "lastlogoff";
    /** Space-separated feature names (manual 8.7.2). */
    public static final String FEATURES_ENABLED = "features_enabled";
    public static final String FEATURES_DISABLED = "features_disabled";
    /** The company's system administrator (users.id). */
    public static final String SYSADMIN = "sysadmin";
    /** Attached archives (manual 6.7), one "archive user id<TAB>folder" per line. */
    public static final String ARCHIVES = "archives";
    /**
     * How many a room or piece of equipment (NONACTIVE_ROOM, NONACTIVE_EQUIPMENT) serves at once,
     * the original's ulCapacity (manual 8.8); 1 when absent.
     */
    /** Further addresses that deliver to the object (zarafaAliases, manual 5.2.4), space separated. */
    public static final String ALIASES = "aliases";
    /** Where a plugin backed by a directory server found the object (its LDAP DN). */
    public static final String SOURCE_DN = "dn";
    /** The directory server's last-modification stamp of the object (ldap_last_modification_attribute). */
    public static final String MODIFIED = "modified";
    public static final String RESOURCE_CAPACITY = "resourcecapacity";

    private Attr() {
    }
}
