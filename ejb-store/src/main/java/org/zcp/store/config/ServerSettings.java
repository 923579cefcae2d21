package org.zcp.store.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.ConfigSchema;
import org.zcp.api.config.Schemas;

/**
 * server.cfg as the running server sees it. The launcher (zarafa-server) has validated the file
 * already and passes its path in the system property {@code zcp.config.file}; a reload re-reads it
 * (manual 7.1.2) and fires {@link ConfigReloaded}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerSettings {
    public static final String CONFIG_PROPERTY = "zcp.config.file";
    private static final Logger LOG = Logger.getLogger(ServerSettings.class.getName());

    private volatile Config config;
    private volatile Config dagent;
    private volatile Config spooler;
    private volatile Config gateway;

    @Inject
    Event<ConfigReloaded> reloaded;

    /** At deployment; also how a test without a container loads the files (or the defaults). */
    @PostConstruct
    public void load() {
        try {
            String file = System.getProperty(CONFIG_PROPERTY);
            config = file == null || file.isEmpty() ? Config.defaults(Schemas.SERVER)
                    : Config.load(Schemas.SERVER, Path.of(file));
            lastModified = modified(config.file());
            dagent = beside(Schemas.DAGENT, "dagent.cfg");
            spooler = beside(Schemas.SPOOLER, "spooler.cfg");
            gateway = beside(Schemas.GATEWAY, "gateway.cfg");
            LOG.info("configuration loaded from " + (file == null ? "defaults" : file));
            for (Config c : List.of(config, dagent, spooler, gateway)) c.warnings().forEach(LOG::warning);
        } catch (ConfigException e) {
            throw new IllegalStateException("server.cfg is invalid:\n" + e.getMessage(), e);
        }
    }

    /** A service's file beside server.cfg (or its defaults when the server runs without a file). */
    private Config beside(ConfigSchema schema, String name) throws ConfigException {
        return config.file() == null ? Config.defaults(schema) : Config.load(schema, config.directory().resolve(name));
    }

    private volatile long lastModified;

    private static long modified(Path file) {
        try {
            return file == null ? 0 : java.nio.file.Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** A change of server.cfg is also a reload, noticed within 15 seconds. */
    @jakarta.ejb.Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void watch() {
        Path file = config.file();
        if (file == null || modified(file) == lastModified) return;
        reload("server.cfg changed");
    }

    /**
     * Reload (manual 7.1.2; {@code systemctl reload zarafa-server} or SIGHUP, also what logrotate
     * sends): server.cfg, dagent.cfg, spooler.cfg and gateway.cfg are read again; the options that
     * may change while running take their new values, the others keep theirs until a restart, with
     * a warning naming each; a file with errors is not taken, with its errors in the log. Then the
     * services that hold files or connections (the log files, the audit log, LDAP) are told.
     */
    public synchronized void reload(String cause) {
        lastModified = modified(config.file());
        config = reread(config);
        dagent = reread(dagent);
        spooler = reread(spooler);
        gateway = reread(gateway);
        // the log files are opened again first, so the line below starts the new ones
        reloaded.fire(new ConfigReloaded(cause));
        LOG.info("configuration reloaded (" + cause + ")");
    }

    /** {@code current}'s file read again, keeping the options a reload may not change. */
    private static Config reread(Config current) {
        Path file = current.file();
        if (file == null) return current;
        ConfigSchema schema = current.schema();
        try {
            Config fresh = Config.load(schema, file);
            Map<String, String> keep = new HashMap<>();
            for (String key : schema.keys()) {
                if (!schema.option(key).reloadable() && !fresh.get(key).equals(current.get(key))) {
                    LOG.warning("option " + key + " changed in " + file + "; it takes effect after a restart");
                    keep.put(key, current.get(key));
                }
            }
            fresh.warnings().forEach(LOG::warning);
            return keep.isEmpty() ? fresh : Config.load(schema, file, keep);
        } catch (ConfigException e) {
            LOG.severe("not reloading " + file + ", it has errors:\n" + e.getMessage());
            return current;
        }
    }

    public Config config() {
        return config;
    }

    /** dagent.cfg beside server.cfg: the delivery options of the LMTP service in this server. */
    public Config dagent() {
        return dagent;
    }

    /** spooler.cfg beside server.cfg: the options of the spooler that runs in this server. */
    public Config spooler() {
        return spooler;
    }

    /** gateway.cfg beside server.cfg: the IMAP and POP3 gateway in this server (manual 4.11). */
    public Config gateway() {
        return gateway;
    }

    /** The directory of server.cfg (where dagent.cfg, spooler.cfg, autorespond, ... live), or null. */
    public Path configDirectory() {
        return config.file() == null ? null : config.directory();
    }

    public String get(String key) {
        return config.get(key);
    }

    public int getInt(String key) {
        return config.getInt(key);
    }

    public boolean getBool(String key) {
        return config.getBool(key);
    }

    public long getSize(String key) {
        return config.getSize(key);
    }

    public boolean hosted() {
        return config.getBool("enable_hosted_zarafa");
    }

    /** Features listed in disabled_features (manual 8.7.1). */
    public List<String> disabledFeatures() {
        return config.getList("disabled_features").stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    /** Directory for the server's runtime files (pid file, local admin token). */
    public Path runDirectory() {
        Path pid = Path.of(config.get("pid_file")).toAbsolutePath();
        return pid.getParent();
    }

    public static final long MB = 1024L * 1024L;
}
