package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigSchema;
import org.zcp.api.config.Schemas;

/** Review findings #14 and #27: plaintext and unauthenticated listeners beyond loopback are said at start. */
class ListenerWarningsTest {
    @TempDir
    Path dir;

    private Config load(ConfigSchema schema, String name, String text) throws Exception {
        Files.writeString(dir.resolve(name), text);
        return Config.load(schema, dir.resolve(name));
    }

    private List<String> warnings(String server, String gateway, String dagent) throws Exception {
        return ListenerWarnings.of(load(Schemas.SERVER, "server.cfg", server),
                load(Schemas.GATEWAY, "gateway.cfg", gateway), load(Schemas.DAGENT, "dagent.cfg", dagent));
    }

    @Test
    void soapInPlaintextOnEveryAddressIsWarnedAbout() throws Exception {
        List<String> w = warnings("server_bind = 0.0.0.0\n", "server_bind = 127.0.0.1\n", "");

        assertThat(w).singleElement().asString().startsWith("SOAP listens in plaintext (HTTP) on 0.0.0.0:236");
    }

    @Test
    void loopbackOnlyListenersGiveNoWarning() throws Exception {
        assertThat(warnings("server_bind = 127.0.0.1\n", "server_bind = 127.0.0.1\n", "server_bind = 127.0.0.1\n"))
                .isEmpty();
        assertThat(warnings("server_tcp_enabled = no\nserver_ssl_enabled = yes\n",
                "server_bind = ::1\n", "")).isEmpty();
    }

    @Test
    void imapAndPop3WithPlaintextPasswordsOnTheNetworkAreWarnedAbout() throws Exception {
        List<String> w = warnings("server_bind = 127.0.0.1\n", "server_bind = 192.0.2.1\ndisable_plaintext_auth = no\n"
                + "pop3_enable = no\n", "");

        assertThat(w).singleElement().asString()
                .startsWith("IMAP on 192.0.2.1:143 accepts passwords in plaintext before STARTTLS");
        assertThat(warnings("server_bind = 127.0.0.1\n", "disable_plaintext_auth = yes\n", "")).isEmpty();
    }

    @Test
    void lmtpAndTheLookupOnTheNetworkAreWarnedAbout() throws Exception {
        List<String> w = warnings("server_bind = 127.0.0.1\n", "server_bind = 127.0.0.1\n", "server_bind = 0.0.0.0\n");

        assertThat(w).singleElement().asString().startsWith("LMTP (port 2003) and the recipient lookup (port 2004)"
                + " listen on 0.0.0.0 without any access control");
    }
}
