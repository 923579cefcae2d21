package org.zcp.store.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.Schemas;

/**
 * server.cfg as the running server sees it. The launcher (zarafa-server) has validated the file
 * already and passes its path in the system property {@code zcp.config.file}; a reload re-reads it
 * (manual 7.1.2).
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

    @PostConstruct
    void load() {
        try {
            reload();
        } catch (ConfigException e) {
            throw new IllegalStateException("server.cfg is invalid:\n" + e.getMessage(), e);
        }
    }

    public void reload() throws ConfigException {
        String file = System.getProperty(CONFIG_PROPERTY);
        config = file == null || file.isEmpty() ? Config.defaults(Schemas.SERVER)
                : Config.load(Schemas.SERVER, Path.of(file));
        lastModified = modified(config.file());
        dagent = config.file() == null ? Config.defaults(Schemas.DAGENT)
                : Config.load(Schemas.DAGENT, config.directory().resolve("dagent.cfg"));
        spooler = config.file() == null ? Config.defaults(Schemas.SPOOLER)
                : Config.load(Schemas.SPOOLER, config.directory().resolve("spooler.cfg"));
        gateway = config.file() == null ? Config.defaults(Schemas.GATEWAY)
                : Config.load(Schemas.GATEWAY, config.directory().resolve("gateway.cfg"));
        LOG.info("configuration loaded from " + (file == null ? "defaults" : file));
        for (Config c : java.util.List.of(config, dagent, spooler, gateway)) c.warnings().forEach(LOG::warning);
    }

    private volatile long lastModified;

    private static long modified(Path file) {
        try {
            return file == null ? 0 : java.nio.file.Files.getLastModifiedTime(file).toMillis();
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /**
     * Reload (manual 7.1.2): when server.cfg changes, the options that may change while running
     * take their new values; the others keep theirs until a restart, with a warning. A file with
     * errors is ignored, with the errors in the log.
     */
    @jakarta.ejb.Schedule(second = "*/15", minute = "*", hour = "*", persistent = false)
    void watch() {
        Config current = config;
        Path file = current.file();
        long m = modified(file);
        if (file == null || m == lastModified) return;
        lastModified = m;
        try {
            Config fresh = Config.load(Schemas.SERVER, file);
            java.util.Map<String, String> keep = new java.util.HashMap<>();
            for (String key : Schemas.SERVER.keys()) {
                if (!Schemas.SERVER.option(key).reloadable() && !fresh.get(key).equals(current.get(key))) {
                    LOG.warning("option " + key + " changed in " + file + "; it takes effect after a restart");
                    keep.put(key, current.get(key));
                }
            }
            config = keep.isEmpty() ? fresh : Config.load(Schemas.SERVER, file, keep);
            LOG.info("configuration reloaded from " + file);
        } catch (ConfigException e) {
            LOG.severe("not reloading " + file + ", it has errors:\n" + e.getMessage());
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
