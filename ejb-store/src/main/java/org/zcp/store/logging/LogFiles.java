package org.zcp.store.logging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.File;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.ConfigSchema;
import org.zcp.api.config.LogLevels;
import org.zcp.api.config.Schemas;
import org.zcp.store.config.ConfigReloaded;
import org.zcp.store.config.ServerSettings;

/**
 * The log files of the server's faces at a reload (manual 6.5: "when a logrotate happens, by
 * sending the service the HUP signal, a new file is created"): each face's file handler (WildFly's,
 * configured by zarafa-server from the face's file) opens its {@code log_file} again, under a new
 * name if the option changed, and takes the new {@code log_level}. Switching between file and
 * syslog needs a restart.
 */
@ApplicationScoped
public class LogFiles {
    private static final Logger LOG = Logger.getLogger(LogFiles.class.getName());

    /** The logger whose handler writes each face's file (configure.cli), and the face's file. */
    static final Map<String, String> FACES = faces();

    @Inject
    ServerSettings settings;

    private static Map<String, String> faces() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("org.zcp", "server.cfg");
        m.put("org.zcp.store.dagent", "dagent.cfg");
        m.put("org.zcp.store.spooler", "spooler.cfg");
        m.put("org.zcp.protocols.imap", "gateway.cfg");
        m.put("org.zcp.caldav", "ical.cfg");
        m.put("org.zcp.webaccess", "webaccess.cfg");
        return Collections.unmodifiableMap(m);
    }

    void reopen(@Observes ConfigReloaded reloaded) {
        Set<Handler> done = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Map.Entry<String, String> face : FACES.entrySet()) {
            Config c = config(face.getValue());
            if (c == null) continue;
            for (Handler h : Logger.getLogger(face.getKey()).getHandlers()) {
                if (done.add(h)) reopen(h, c);
            }
        }
    }

    private Config config(String name) {
        return switch (name) {
            case "server.cfg" -> settings.config();
            case "dagent.cfg" -> settings.dagent();
            case "spooler.cfg" -> settings.spooler();
            case "gateway.cfg" -> settings.gateway();
            default -> load(name.equals("ical.cfg") ? Schemas.ICAL : Schemas.WEBACCESS, name);
        };
    }

    private Config load(ConfigSchema schema, String name) {
        Path dir = settings.configDirectory();
        if (dir == null) return null;
        try {
            return Config.load(schema, dir.resolve(name));
        } catch (ConfigException e) {
            LOG.severe("not reopening the log of " + name + ", the file has errors:\n" + e.getMessage());
            return null;
        }
    }

    /** A file handler (one with getFile/setFile) opens its file again; others are left alone. */
    static void reopen(Handler h, Config c) {
        Method getFile;
        Method setFile;
        try {
            getFile = h.getClass().getMethod("getFile");
            setFile = h.getClass().getMethod("setFile", File.class);
        } catch (NoSuchMethodException e) {
            return;
        }
        String name = c.file() == null ? c.schema().name() + ".cfg" : c.file().getFileName().toString();
        boolean syslog = "syslog".equalsIgnoreCase(c.get("log_method")) || "-".equals(c.get("log_file"));
        try {
            File current = (File) getFile.invoke(h);
            boolean wasOff = h.getLevel().intValue() == Level.OFF.intValue();
            if (syslog != wasOff && c.getInt("log_level") > 0) {
                LOG.warning(name + ": log_method changed; it takes effect after a restart");
                return;
            }
            if (syslog) return;
            File target = Path.of(c.get("log_file")).toAbsolutePath().toFile();
            setFile.invoke(h, target);
            h.setLevel(Level.parse(Integer.toString(LogLevels.value(c.getInt("log_level")))));
            if (current != null && !current.equals(target)) {
                LOG.info(name + ": log_file is now " + target + " (was " + current + ")");
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.severe(name + ": cannot open the log file again: " + cause);
        }
    }
}
