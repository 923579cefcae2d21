package org.zcp.webaccess.session;

/**
 * One logged-on browser: the store session it acts with, who it is, its CSRF token and
 * language. Held in memory by {@link WebSessions} under the cookie's random value.
 */
public final class WebSession {
    private final String storeSession;
    private final String csrf;
    private final String login;
    private final String fullName;
    private final String email;
    private volatile String language;
    private volatile long lastUsed = System.currentTimeMillis();
    /** What the web client keeps per session that does not change while it lasts (the special folders' ids). */
    private final java.util.Map<String, Object> kept = new java.util.concurrent.ConcurrentHashMap<>();

    WebSession(String storeSession, String csrf, String login, String fullName, String email, String language) {
        this.storeSession = storeSession;
        this.csrf = csrf;
        this.login = login;
        this.fullName = fullName;
        this.email = email;
        this.language = language;
    }

    /** A value kept for the session's life, made once by {@code make}. */
    public <T> T kept(String key, Class<T> type, java.util.function.Supplier<T> make) {
        return type.cast(kept.computeIfAbsent(key, k -> make.get()));
    }

    public String storeSession() {
        return storeSession;
    }

    public String csrf() {
        return csrf;
    }

    public String login() {
        return login;
    }

    public String fullName() {
        return fullName;
    }

    public String email() {
        return email;
    }

    public String language() {
        return language;
    }

    void language(String language) {
        this.language = language;
    }

    long lastUsed() {
        return lastUsed;
    }

    void touch() {
        lastUsed = System.currentTimeMillis();
    }
}
