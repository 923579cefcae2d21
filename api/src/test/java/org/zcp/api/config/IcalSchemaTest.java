package org.zcp.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ical.cfg (manual 4.10): the manual's options and defaults, checked like server.cfg. */
class IcalSchemaTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("ical.cfg"), text);
    }

    @Test
    void absentOptionsTakeTheManualsDefaults() throws Exception {
        Config c = Config.load(Schemas.ICAL, write("# nothing\n"));

        assertThat(c.get("server_bind")).isEqualTo("0.0.0.0");
        assertThat(c.getBool("ical_enable")).isTrue();
        assertThat(c.getInt("ical_port")).isEqualTo(8080);
        assertThat(c.getBool("icals_enable")).isFalse();
        assertThat(c.getInt("icals_port")).isEqualTo(8443);
        assertThat(c.get("server_socket")).isEqualTo("http://localhost:236/zarafa");
        assertThat(c.getBool("enable_ical_get")).isTrue();
        assertThat(c.get("server_timezone")).isEqualTo("Europe/Amsterdam");
        assertThat(c.get("default_charset")).isEqualTo("utf-8");
        assertThat(c.get("ssl_private_key_file")).isEqualTo("/etc/zarafa/privkey.pem");
        assertThat(c.get("ssl_certificate_file")).isEqualTo("/etc/zarafa/cert.pem");
        assertThat(c.getBool("ssl_verify_client")).isFalse();
        assertThat(c.get("ssl_verify_file")).isEmpty();
        assertThat(c.get("ssl_verify_path")).isEmpty();
        assertThat(c.get("ssl_protocols")).isEmpty();
        assertThat(c.get("ssl_ciphers")).isEmpty();
        assertThat(c.get("log_method")).isEqualTo("file");
        assertThat(c.get("log_file")).isEqualTo("/var/log/zarafa/ical.log");
        assertThat(c.getInt("log_level")).isEqualTo(2);
        assertThat(c.getBool("log_timestamp")).isTrue();
    }

    @Test
    void theGatewaysSslAndLogOptionsAreAcceptedToo() throws Exception {
        for (String key : Schemas.GATEWAY.keys()) {
            if (key.startsWith("ssl_") || key.startsWith("log_")) {
                assertThat(Schemas.ICAL.keys()).as(key).contains(key);
            }
        }
    }

    @Test
    void theShippedExampleLoads() throws Exception {
        // appliance/src/main/etc/ical.cfg: every option the manual describes, commented
        Path shipped = Path.of("../appliance/src/main/etc/ical.cfg");
        assertThat(shipped).isRegularFile();
        Config c = Config.load(Schemas.ICAL, shipped);

        assertThat(c.getInt("ical_port")).isEqualTo(8080);
        assertThat(c.getInt("icals_port")).isEqualTo(8443);
    }

    @Test
    void anUnknownOptionIsRefusedWithItsLine() throws Exception {
        Path file = write("ical_enable = yes\nical_prot = 8080\n");

        assertThatThrownBy(() -> Config.load(Schemas.ICAL, file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().asString()
                        .contains("line 2").contains("unknown option 'ical_prot'"));
    }

    @Test
    void badValuesAreRefused() throws Exception {
        Path file = write("ical_port = http\nicals_enable = perhaps\nlog_level = high\n");

        assertThatThrownBy(() -> Config.load(Schemas.ICAL, file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(3)
                        .anySatisfy(p -> assertThat(p).contains("'ical_port' has invalid value 'http'"))
                        .anySatisfy(p -> assertThat(p).contains("'icals_enable' has invalid value 'perhaps'"))
                        .anySatisfy(p -> assertThat(p).contains("'log_level' has invalid value 'high'")));
    }
}
