package org.zcp.store.api;

/**
 * A failure the store reports to its clients, classified once (docs/store-api.md) so that every
 * adapter maps it to its own wire answer the same way: IMAP response codes, POP3 -ERR, LMTP
 * 4xx/5xx, SOAP MAPI errors, HTTP statuses.
 */
public abstract class StoreFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /** The object (folder, message, user) does not exist or is gone: permanent. */
        NOT_FOUND,
        /** The caller may not do this: permanent. */
        NO_ACCESS,
        /** The store is over its hard quota: permanent until space is freed. */
        QUOTA,
        /** The name is taken. */
        EXISTS,
        /** The object changed since the caller read it (a write's precondition failed): nothing was written. */
        CONFLICT,
        /** The request itself is wrong: permanent. */
        INVALID,
        /** The session has ended (logoff, timeout, rights changed): log on again. */
        SESSION_ENDED,
        /** Anything else: the database, a lock, a resource; trying again later may work. */
        TEMPORARY
    }

    protected StoreFailure(String message) {
        super(message);
    }

    public abstract Kind kind();

    /** The store failure in a cause chain (container exceptions wrap it), or null. */
    public static StoreFailure in(Throwable t) {
        for (int guard = 0; t != null && guard < 20; guard++) {
            if (t instanceof StoreFailure f) return f;
            t = t.getCause() == t ? null : t.getCause();
        }
        return null;
    }
}
