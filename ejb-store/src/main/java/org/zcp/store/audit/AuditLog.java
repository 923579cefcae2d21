package org.zcp.store.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.store.config.ConfigReloaded;
import org.zcp.store.config.ServerSettings;

/**
 * The security log of manual 7.3: startup, authentications, impersonation and access to other
 * users' stores, in the manual's line format. {@code audit_log_method = syslog} sends lines to the
 * authpriv facility through logger(1); {@code file} appends to {@code audit_log_file} ("-" is
 * standard error).
 */
@Singleton
@Startup
@DependsOn("ServerSettings")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.ENGLISH);

    @Inject
    ServerSettings settings;

    private volatile boolean enabled;
    private volatile boolean timestamp;
    private Process syslog;
    private PrintStream out;

    @PostConstruct
    void open() {
        enabled = settings.getBool("audit_log_enabled");
        timestamp = settings.getBool("audit_log_timestamp");
        if (!enabled) return;
        try {
            if ("syslog".equalsIgnoreCase(settings.get("audit_log_method"))) {
                syslog = org.zcp.store.logging.SyslogPipe.start("authpriv.notice");
                out = new PrintStream(syslog.getOutputStream(), true, StandardCharsets.UTF_8);
            } else {
                String file = settings.get("audit_log_file");
                if (file.isEmpty() || "-".equals(file)) {
                    out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                            StandardCharsets.UTF_8);
                } else {
                    out = append(Path.of(file));
                }
            }
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot open the audit log, audit logging disabled: " + e.getMessage());
            enabled = false;
            return;
        }
        // manual 7.3.1.1
        write("zarafa-server startup by user uid=" + currentUid());
    }

    private static PrintStream append(Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        OutputStream os = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new PrintStream(os, true, StandardCharsets.UTF_8);
    }

    /**
     * At a reload (logrotate's HUP) the audit file is opened again, so a rotated file is left to
     * logrotate and the next line starts the new one; audit_log_timestamp takes its new value.
     */
    public void reopen(@Observes ConfigReloaded reloaded) {
        timestamp = settings.getBool("audit_log_timestamp");
        if (!enabled || syslog != null) return;
        String file = settings.get("audit_log_file");
        if (file.isEmpty() || "-".equals(file)) return;
        try {
            PrintStream fresh = append(Path.of(file));
            PrintStream old;
            synchronized (this) {
                old = out;
                out = fresh;
            }
            if (old != null) old.close();
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot open the audit log " + file + " again, writing on to the old one: " + e.getMessage());
        }
    }

    @PreDestroy
    void close() {
        if (out != null) out.flush();
        if (syslog != null) {
            out.close();
            syslog.destroy();
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** manual 7.3.1.3 */
    public void authenticateOk(String user, String from, String method, String program) {
        write(String.format("authenticate ok user='%s' from='%s' method='%s' program='%s'", q(user), q(from), q(method),
                q(program)));
    }

    public void authenticateFailed(String user, String from, String program) {
        write(String.format("authenticate failed user='%s' from='%s' program='%s'", q(user), q(from), q(program)));
    }

    /**
     * A logon refused without looking at the password because the account or the address is
     * waiting out its delay after failed attempts (ZCP extension of 7.3.1.3).
     */
    public void authenticateThrottled(String user, String from, String program, long seconds) {
        write(String.format("authenticate failed user='%s' from='%s' program='%s' reason='throttled for %d s'", q(user),
                q(from), q(program), seconds));
    }

    /** A user changed their own password (ZCP extension of 7.3.1: who and from where, never the password). */
    public void passwordChanged(String user, String from, String program) {
        write(String.format("password changed user='%s' from='%s' program='%s'", q(user), q(from), q(program)));
    }

    /** manual 7.3.1.4 */
    public void impersonate(boolean ok, String user, String from, String program, String impersonator) {
        write(String.format("impersonate %s user='%s', from='%s' program='%s' impersonator='%s'",
                ok ? "ok" : "failed", q(user), q(from), q(program), q(impersonator)));
    }

    /** manual 7.3.1.5: access to objects outside the user's own store. */
    public void access(boolean allowed, long objectId, int type, String ownerName, String userName, String rights) {
        write(String.format("access %s objectid=%d type=%d ownername='%s' username='%s' rights='%s'",
                allowed ? "allowed" : "denied", objectId, type, q(ownerName), q(userName), q(rights)));
    }

    /**
     * A value inside '...': backslash and quote escaped, control characters as \xNN, so what a
     * client sends (a user name) can neither end its field nor the line (review finding 23).
     */
    static String q(String value) {
        if (value == null) return "";
        StringBuilder b = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') b.append('\\').append(c);
            else if (c < 0x20 || c == 0x7F) b.append(String.format("\\x%02x", (int) c));
            else b.append(c);
        }
        return b.toString();
    }

    private synchronized void write(String line) {
        if (!enabled || out == null) return;
        String clean = line.replace('\n', ' ').replace('\r', ' ');
        out.println(timestamp ? ZonedDateTime.now().format(STAMP) + ": " + clean : clean);
    }

    private static String currentUid() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return String.valueOf(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return System.getProperty("user.name", "?");
        }
    }
}
