package org.zcp.store.directory.unix;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigException;
import org.zcp.api.config.Schemas;
import org.zcp.store.config.ServerSettings;

/**
 * The unix plugin's configuration (unix.cfg, user_plugin_config), read once as the server starts
 * with user_plugin = unix; a wrong file stops the start with the option named.
 */
@ApplicationScoped
public class UnixService {
    private static final Logger LOG = Logger.getLogger(UnixService.class.getName());

    @Inject
    ServerSettings settings;

    private UnixDirectory directory;

    public synchronized UnixDirectory directory() {
        if (directory == null) directory = open(settings.get("user_plugin_config"), settings.configDirectory());
        return directory;
    }

    static UnixDirectory open(String file, Path configDir) {
        // user_plugin_config's default names ldap.cfg: the unix plugin then reads unix.cfg beside it
        if (file.endsWith("ldap.cfg")) file = Path.of(file).resolveSibling("unix.cfg").toString();
        Path path = Path.of(file);
        if (!path.isAbsolute() && configDir != null) path = configDir.resolve(path);
        Config config;
        try {
            // a missing unix.cfg means the defaults, as the original had them
            config = Files.exists(path) ? Config.load(Schemas.UNIX, path) : Config.defaults(Schemas.UNIX);
        } catch (ConfigException e) {
            throw new IllegalStateException(path + ": " + String.join("; ", e.problems()));
        }
        UnixDirectory d = new UnixDirectory(config);
        if (!Files.isReadable(Path.of(config.get("passwd_file")))) {
            throw new IllegalStateException("user_plugin = unix, but " + config.get("passwd_file") + " cannot be read");
        }
        LOG.info("unix user plugin: " + d.describe() + ", uids " + config.get("min_user_uid") + ".."
                + config.get("max_user_uid") + ", gids " + config.get("min_group_gid") + ".." + config.get("max_group_gid"));
        return d;
    }
}
