package org.zcp.store.config;

/**
 * Fired by {@link ServerSettings#reload} after the configuration files were read again (manual
 * 7.1.2): whoever holds a file or a connection made from them opens it again.
 *
 * @param cause why: "SIGHUP", "server.cfg changed"
 */
public record ConfigReloaded(String cause) {
}
