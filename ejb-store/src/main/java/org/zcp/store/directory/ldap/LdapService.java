package org.zcp.store.directory.ldap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.Schemas;
import org.zcp.store.config.ConfigReloaded;
import org.zcp.store.config.ServerSettings;

/**
 * The LDAP plugin's configuration and connections, made once when the server starts with
 * user_plugin = ldap: ldap.cfg (user_plugin_config) loaded and checked, then a bind as
 * ldap_bind_user. A wrong file or a refused bind stops the start with the option named; an LDAP
 * server that does not answer yet is logged and tried again on use.
 */
@ApplicationScoped
public class LdapService {
    private static final Logger LOG = Logger.getLogger(LdapService.class.getName());

    @Inject
    ServerSettings settings;

    private LdapDirectory directory;

    public synchronized LdapDirectory directory() {
        if (directory == null) directory = open(settings.get("user_plugin_config"), settings.configDirectory());
        return directory;
    }

    /** ldap.cfg at {@code file} (relative to {@code configDir}) checked and connected. */
    public static LdapDirectory open(String file, Path configDir) {
        Path path = Path.of(file);
        if (!path.isAbsolute() && configDir != null) path = configDir.resolve(path);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("user_plugin = ldap, but user_plugin_config " + path + " cannot be read");
        }
        Config config;
        try {
            config = Config.load(Schemas.LDAP, path);
        } catch (ConfigException e) {
            throw new IllegalStateException(path + ": " + String.join("; ", e.problems()));
        }
        config.warnings().forEach(LOG::warning);
        LdapSettings s = new LdapSettings(config);
        if (!s.problems().isEmpty()) throw new IllegalStateException(path + ": " + String.join("; ", s.problems()));
        LdapConnector connector = new LdapConnector(s);
        connector.open();
        LOG.info("LDAP user plugin: " + s.servers() + ", base " + s.searchBase() + ", bind as '"
                + s.get("ldap_bind_user") + "', logon by " + s.get("ldap_authentication_method"));
        return new LdapDirectory(s, connector);
    }

    /**
     * At a reload (manual 5.2: "the changes can be activated by reloading the Zarafa Server")
     * ldap.cfg is read and connected again; a file with errors keeps the connections in use, with
     * the errors in the log. (The logon realm's LDAP settings are fixed at start.)
     */
    void reload(@Observes ConfigReloaded reloaded) {
        LdapDirectory old;
        synchronized (this) {
            if (directory == null) return;
            old = directory;
        }
        LdapDirectory fresh;
        try {
            fresh = open(settings.get("user_plugin_config"), settings.configDirectory());
        } catch (RuntimeException e) {
            LOG.severe("ldap.cfg not reloaded, the connections in use stay: " + e.getMessage());
            return;
        }
        synchronized (this) {
            directory = fresh;
        }
        old.connector().close();
    }

    @PreDestroy
    synchronized void close() {
        if (directory != null) directory.connector().close();
    }
}
