package org.zcp.store.session;

/**
 * A logged-on client. {@code userId} 2 is the internal SYSTEM user of trusted local tools.
 */
public final class Session {
    public static final long SYSTEM_ID = 2;

    /**
     * The server's own session for mail flow (delivery, the spooler, archiving, rules): the
     * internal SYSTEM user, full access to every store.
     */
    public static final Session MAIL_FLOW = new Session("delivery", SYSTEM_ID, "SYSTEM", 0, 2, "localhost",
            "zarafa-dagent");

    private final String id;
    private final long userId;
    private final String userName;
    private final long companyId;
    private final int adminLevel;
    private final String from;
    private final String program;
    private final long created;
    private volatile long lastAccess;

    public Session(String id, long userId, String userName, long companyId, int adminLevel, String from,
            String program) {
        this.id = id;
        this.userId = userId;
        this.userName = userName;
        this.companyId = companyId;
        this.adminLevel = adminLevel;
        this.from = from;
        this.program = program;
        this.created = System.currentTimeMillis();
        this.lastAccess = created;
    }

    public String id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String userName() {
        return userName;
    }

    public long companyId() {
        return companyId;
    }

    /** 0 user, 1 company administrator, 2 system administrator (SYSTEM is 2). */
    public int adminLevel() {
        return adminLevel;
    }

    public boolean isSystem() {
        return userId == SYSTEM_ID;
    }

    public String from() {
        return from;
    }

    public String program() {
        return program;
    }

    public long created() {
        return created;
    }

    public long lastAccess() {
        return lastAccess;
    }

    void touch() {
        lastAccess = System.currentTimeMillis();
    }
}
