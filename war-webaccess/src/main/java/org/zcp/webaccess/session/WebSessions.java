package org.zcp.webaccess.session;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.store.api.WebLogons;
import org.zcp.webaccess.Settings;

/**
 * The web sessions (docs/webaccess.md, "Sessions and safety"): a random cookie value per logon
 * (a new one every time, so a planted cookie is worth nothing), ended by logoff, by
 * session_timeout minutes without a request, or by the server's stop; each end logs its store
 * session off. The store keeps a web client's store session for as long as this says it lives
 * ({@link WebLogons#WEBACCESS}), as it does a gateway connection's.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebSessions {
    private static final Logger LOG = Logger.getLogger(WebSessions.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @EJB
    WebLogons logons;

    private final Map<String, WebSession> byCookie = new ConcurrentHashMap<>();

    /** Logs on (throttled, audited by the store); returns the new cookie value and session. */
    public Map.Entry<String, WebSession> logon(String user, String password, String peer, String language) {
        WebLogons.Who who = logons.logon(user, password, peer, WebLogons.WEBACCESS);
        WebSession s = new WebSession(who.session(), random(), who.loginName(), who.fullName(), who.email(), language);
        String cookie = random();
        byCookie.put(cookie, s);
        return Map.entry(cookie, s);
    }

    /** The live session of a cookie value, touched; null when there is none or it timed out. */
    public WebSession use(String cookie) {
        WebSession s = peek(cookie);
        if (s != null) s.touch();
        return s;
    }

    /** The live session of a cookie value without counting as activity (the event stream). */
    public WebSession peek(String cookie) {
        if (cookie == null) return null;
        WebSession s = byCookie.get(cookie);
        if (s == null) return null;
        if (expired(s, System.currentTimeMillis())) {
            end(cookie, "timed out");
            return null;
        }
        return s;
    }

    public void language(WebSession s, String language) {
        s.language(language);
    }

    public void logoff(String cookie) {
        end(cookie, "logged off");
    }

    /** Sessions open now (the memory benchmark prints it beside the heap). */
    public int count() {
        return byCookie.size();
    }

    @Schedule(hour = "*", minute = "*", second = "0", persistent = false)
    void sweep() {
        long now = System.currentTimeMillis();
        List<String> old = new ArrayList<>();
        byCookie.forEach((cookie, s) -> {
            if (expired(s, now)) old.add(cookie);
        });
        old.forEach(c -> end(c, "timed out"));
    }

    @PreDestroy
    void stop() {
        new ArrayList<>(byCookie.keySet()).forEach(c -> end(c, "server stopping"));
    }

    private static boolean expired(WebSession s, long now) {
        return now - s.lastUsed() > Settings.sessionTimeoutSeconds() * 1000L;
    }

    private void end(String cookie, String why) {
        WebSession s = byCookie.remove(cookie);
        if (s == null) return;
        try {
            logons.logoff(s.storeSession());
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "store session of " + s.login() + " already gone", e);
        }
        LOG.fine("web session of " + s.login() + " ended: " + why);
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
