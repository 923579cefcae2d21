package org.zcp.store.session;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.api.mapi.MapiError;
import org.zcp.store.StoreException;
import org.zcp.store.api.ChangeFeed;
import org.zcp.store.api.WebLogons;
import org.zcp.store.config.ServerSettings;

/**
 * Sessions of logged-on clients, expiring after {@code session_timeout} seconds of inactivity,
 * and the secret of trusted local tools: a random token written at start to
 * {@code <run directory>/zarafa-admin.token}, readable only by the server's user and group, so
 * only a local administrator can present it (manual 6.1 "local_admin_users").
 */
@Singleton
@Startup
@DependsOn("ServerSettings")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SessionManager {
    /** The program name prefix of gateway sessions ("zarafa-gateway (imap)", "... (pop3)"). */
    public static final String GATEWAY_PROGRAM = "zarafa-gateway";

    private static final Logger LOG = Logger.getLogger(SessionManager.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    ServerSettings settings;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private volatile String localToken;

    @PostConstruct
    void init() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        localToken = HexFormat.of().formatHex(b);
        Path file = tokenFile();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".token", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r-----"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, localToken + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("local administrator token written to " + file);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot write " + file + "; trusted local logon is unavailable: " + e.getMessage());
        }
    }

    public Path tokenFile() {
        return settings.runDirectory().resolve("zarafa-admin.token");
    }

    /** Whether a secret presented by a local tool is the current token (constant-time compare). */
    public boolean isLocalToken(String secret) {
        if (secret == null || localToken == null) return false;
        return MessageDigest.isEqual(secret.strip().getBytes(StandardCharsets.US_ASCII),
                localToken.getBytes(StandardCharsets.US_ASCII));
    }

    public Session open(long userId, String userName, long companyId, int adminLevel, String from, String program) {
        byte[] b = new byte[24];
        RANDOM.nextBytes(b);
        String id = HexFormat.of().formatHex(b);
        Session s = new Session(id, userId, userName, companyId, adminLevel, from, program);
        sessions.put(id, s);
        return s;
    }

    /**
     * The live session; MAPI_E_END_OF_SESSION when unknown, expired, or (session_ip_check) used
     * from another address than the one it logged on from.
     */
    public Session require(String id, String from) {
        Session s = require(id);
        if (settings.getBool("session_ip_check") && from != null && !from.equals(s.from())) {
            throw new StoreException(MapiError.MAPI_E_END_OF_SESSION, "session used from another address");
        }
        return s;
    }

    /** The live session; MAPI_E_END_OF_SESSION when unknown or expired. */
    public Session require(String id) {
        Session s = id == null ? null : sessions.get(id);
        if (s == null) throw new StoreException(MapiError.MAPI_E_END_OF_SESSION, "no such session");
        long timeout = settings.getInt("session_timeout") * 1000L;
        // a gateway session lives as long as its connection, which has its own timeouts (IMAP 31
        // minutes, RFC 3501 5.4) and logs it off when it ends: an IMAP client idling on change
        // events asks the store nothing for longer than session_timeout; a web client's lives as
        // long as its web session (webaccess.cfg session_timeout), which logs it off the same way
        if (timeout > 0 && !s.program().startsWith(GATEWAY_PROGRAM) && !s.program().equals(WebLogons.WEBACCESS)
                && System.currentTimeMillis() - s.lastAccess() > timeout) {
            sessions.remove(id);
            throw new StoreException(MapiError.MAPI_E_END_OF_SESSION, "session expired");
        }
        s.touch();
        return s;
    }

    /**
     * Ends the sessions of a user that {@code which} selects, at once: a session never outlives
     * the rights it was opened with (deactivation, deletion, a new password, another admin level,
     * a disabled feature; review finding 9). Gateway sessions notice at their next command or
     * IDLE poll and say BYE.
     */
    public int revoke(long userId, java.util.function.Predicate<Session> which) {
        List<String> ended = new ArrayList<>();
        sessions.values().removeIf(s -> {
            boolean end = s.userId() == userId && which.test(s);
            if (end) ended.add(s.id());
            return end;
        });
        ended.forEach(ChangeFeed.shared()::sessionEnded); // an idling IMAP connection says BYE now
        if (!ended.isEmpty()) LOG.info(ended.size() + " session(s) of user " + userId + " ended: their rights changed");
        return ended.size();
    }

    public Session close(String id) {
        return id == null ? null : sessions.remove(id);
    }

    public int count() {
        return sessions.size();
    }

    /** Drops sessions idle longer than session_timeout. */
    @Schedule(minute = "*", hour = "*", persistent = false)
    void expire() {
        long timeout = settings.getInt("session_timeout") * 1000L;
        if (timeout <= 0) return;
        long now = System.currentTimeMillis();
        sessions.values().removeIf(s -> now - s.lastAccess() > timeout);
    }
}
