package org.zcp.tools.soap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.ConfigException;

/** How a tool finds the server (manual 6.1): -h, admin.cfg server_socket, server.cfg, default. */
class ServerLocationTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private String url(String host) throws ConfigException {
        return ServerLocation.resolve(host, dir.resolve("admin.cfg"), Map.of()).url();
    }

    @Test
    void withoutAnyConfigurationTheDefaultUrlIsUsed() throws Exception {
        assertThat(url(null)).isEqualTo("http://localhost:236/zarafa");
    }

    @Test
    void serverCfgNextToAdminCfgGivesTheLocalPort() throws Exception {
        write("server.cfg", "server_tcp_port = 12345\n");

        assertThat(url(null)).isEqualTo("http://localhost:12345/zarafa");
    }

    @Test
    void serverCfgWithOnlySslGivesTheSslPort() throws Exception {
        write("server.cfg", "server_tcp_enabled = no\nserver_ssl_enabled = yes\nserver_ssl_port = 2370\n");

        assertThat(url(null)).isEqualTo("https://localhost:2370/zarafa");
    }

    @Test
    void anInvalidServerCfgIsIgnored() throws Exception {
        write("server.cfg", "no_such_option = 1\n");

        assertThat(url(null)).isEqualTo("http://localhost:236/zarafa");
    }

    @Test
    void serverSocketInAdminCfgWinsOverServerCfg() throws Exception {
        write("server.cfg", "server_tcp_port = 12345\n");
        write("admin.cfg", "server_socket = https://mail.example.com:237/zarafa\n");

        assertThat(url(null)).isEqualTo("https://mail.example.com:237/zarafa");
    }

    @Test
    void hostOptionWinsOverEverything() throws Exception {
        write("server.cfg", "server_tcp_port = 12345\n");
        write("admin.cfg", "server_socket = https://mail.example.com:237/zarafa\n");

        assertThat(url("http://other:236/zarafa")).isEqualTo("http://other:236/zarafa");
    }

    @Test
    void theOriginalsUnixSocketMeansTheLocalServer() throws Exception {
        write("server.cfg", "server_tcp_port = 12345\n");
        write("admin.cfg", "server_socket = file:///var/run/zarafa\n");

        assertThat(url(null)).isEqualTo("http://localhost:12345/zarafa");
        assertThat(url("file:///var/run/zarafa")).isEqualTo("http://localhost:12345/zarafa");
    }

    @Test
    void configDirectoryComesFromTheEnvironmentWithoutConfigOption() throws Exception {
        write("server.cfg", "server_tcp_port = 12345\n");

        ServerLocation loc = ServerLocation.resolve(null, null, Map.of("ZARAFA_CONFIG_DIR", dir.toString()));

        assertThat(loc.adminConfigFile()).isEqualTo(dir.resolve("admin.cfg"));
        assertThat(loc.url()).isEqualTo("http://localhost:12345/zarafa");
    }

    @Test
    void withoutConfigOptionAndEnvironmentEtcZarafaIsUsed() {
        assertThat(ServerLocation.adminConfigFile(null, Map.of())).isEqualTo(Path.of("/etc/zarafa/admin.cfg"));
    }

    @Test
    void aWrongAdminCfgLineIsAConfigError() throws Exception {
        write("admin.cfg", "server_sockett = http://x/zarafa\n");

        assertThatThrownBy(() -> url(null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown option 'server_sockett'");
    }
}
