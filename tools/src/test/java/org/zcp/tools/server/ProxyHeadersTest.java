package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.Config;
import org.zcp.api.config.ConfigSchema;
import org.zcp.api.config.Schemas;

/** trust_proxy_headers (the appliance's nginx in front): only on a listener bound to loopback. */
class ProxyHeadersTest {
    @TempDir
    Path dir;

    private List<String> problems(ConfigSchema schema, String text) throws Exception {
        Path file = dir.resolve(schema.name() + ".cfg");
        Files.writeString(file, text);
        List<String> problems = new ArrayList<>();
        ServiceChecks.proxy(Config.load(schema, file), problems);
        return problems;
    }

    @Test
    void trustedOnlyBehindLoopback() throws Exception {
        for (ConfigSchema schema : List.of(Schemas.SERVER, Schemas.ICAL, Schemas.WEBACCESS)) {
            assertThat(problems(schema, "server_bind = 127.0.0.1\ntrust_proxy_headers = yes\n")).isEmpty();
            assertThat(problems(schema, "server_bind = 0.0.0.0\ntrust_proxy_headers = no\n")).isEmpty();
            assertThat(problems(schema, "server_bind = 0.0.0.0\ntrust_proxy_headers = yes\n")).singleElement()
                    .asString().contains("trust_proxy_headers = yes needs server_bind = 127.0.0.1").contains("'0.0.0.0'");
            assertThat(problems(schema, "server_bind =\ntrust_proxy_headers = yes\n")).singleElement()
                    .asString().contains("'every address'");
        }
    }

    @Test
    void theListenersAreToldWhetherToTrustTheHeaders() throws Exception {
        Path file = dir.resolve("webaccess.cfg");
        Files.writeString(file, "server_bind = 127.0.0.1\nhttps_enable = no\ntrust_proxy_headers = yes\nlog_file = "
                + dir.resolve("web.log") + "\n");
        assertThat(WebaccessConfig.properties(Config.load(Schemas.WEBACCESS, file), dir, dir))
                .containsEntry("zcp.webaccess.proxy", "true");
        Files.writeString(file, "server_bind = 127.0.0.1\nlog_file = " + dir.resolve("ical.log") + "\n");
        assertThat(IcalConfig.properties(Config.load(Schemas.ICAL, file), dir, dir)).containsEntry("zcp.ical.proxy", "false");
    }
}
