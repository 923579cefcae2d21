package org.zcp.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** webaccess.cfg (docs/webaccess.md): the web client's options and defaults, checked like server.cfg. */
class WebaccessSchemaTest {
    @TempDir
    Path dir;

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("webaccess.cfg"), text);
    }

    @Test
    void absentOptionsTakeTheDefaults() throws Exception {
        Config c = Config.load(Schemas.WEBACCESS, write("# nothing\n"));

        assertThat(c.get("server_bind")).isEqualTo("0.0.0.0");
        // manual 5.1.2.1: http://<server>/webaccess/; 2.3.2: the WebApp requires HTTPS by default
        assertThat(c.getBool("http_enable")).isTrue();
        assertThat(c.getInt("http_port")).isEqualTo(80);
        assertThat(c.getBool("https_enable")).isFalse();
        assertThat(c.getInt("https_port")).isEqualTo(443);
        assertThat(c.get("ssl_private_key_file")).isEqualTo("/etc/zarafa/webaccess/privkey.pem");
        assertThat(c.get("ssl_certificate_file")).isEqualTo("/etc/zarafa/webaccess/cert.pem");
        assertThat(c.get("ssl_protocols")).isEmpty();
        assertThat(c.get("ssl_ciphers")).isEmpty();
        assertThat(c.getBool("ssl_prefer_server_ciphers")).isFalse();
        assertThat(c.get("default_language")).isEqualTo("en");
        assertThat(c.getInt("session_timeout")).isEqualTo(30);
        assertThat(c.getInt("max_upload_size")).isEqualTo(20);
        assertThat(c.get("log_method")).isEqualTo("file");
        assertThat(c.get("log_file")).isEqualTo("/var/log/zarafa/webaccess.log");
        assertThat(c.getInt("log_level")).isEqualTo(3);
        assertThat(c.getBool("log_timestamp")).isTrue();
        assertThat(Schemas.WEBACCESS.option("log_level").reloadable()).isTrue();
    }

    @Test
    void theTlsPolicyOptionsAreThoseOfIcalCfg() throws Exception {
        for (String key : java.util.List.of("ssl_private_key_file", "ssl_certificate_file", "ssl_protocols",
                "ssl_ciphers", "ssl_prefer_server_ciphers", "log_method", "log_file", "log_level", "log_timestamp")) {
            assertThat(Schemas.ICAL.keys()).as(key).contains(key);
            assertThat(Schemas.WEBACCESS.keys()).as(key).contains(key);
        }
    }

    @Test
    void theShippedExampleLoads() throws Exception {
        // appliance/src/main/etc/webaccess.cfg: every option, commented
        Path shipped = Path.of("../appliance/src/main/etc/webaccess.cfg");
        assertThat(shipped).isRegularFile();
        Config c = Config.load(Schemas.WEBACCESS, shipped);

        assertThat(c.getInt("http_port")).isEqualTo(80);
        assertThat(c.getInt("https_port")).isEqualTo(443);
        assertThat(c.getBool("https_enable")).isFalse();
        for (String key : Schemas.WEBACCESS.keys()) {
            assertThat(Files.readString(shipped)).as(key).containsPattern("(?m)^#?" + key + " =");
        }
    }

    @Test
    void anUnknownOptionIsRefusedWithItsLine() throws Exception {
        Path file = write("http_enable = yes\nhttp_prot = 80\n");

        assertThatThrownBy(() -> Config.load(Schemas.WEBACCESS, file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).singleElement().asString()
                        .contains("line 2").contains("unknown option 'http_prot'"));
    }

    @Test
    void icalsOptionsAreNotWebaccessOptions() throws Exception {
        Path file = write("ical_port = 8080\nssl_verify_client = yes\n");

        assertThatThrownBy(() -> Config.load(Schemas.WEBACCESS, file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(2)
                        .anySatisfy(p -> assertThat(p).contains("unknown option 'ical_port'"))
                        .anySatisfy(p -> assertThat(p).contains("unknown option 'ssl_verify_client'")));
    }

    @Test
    void badValuesAreRefused() throws Exception {
        Path file = write("http_port = http\nhttps_enable = perhaps\nsession_timeout = long\nmax_upload_size = 20M\n");

        assertThatThrownBy(() -> Config.load(Schemas.WEBACCESS, file)).isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4)
                        .anySatisfy(p -> assertThat(p).contains("'http_port' has invalid value 'http'"))
                        .anySatisfy(p -> assertThat(p).contains("'https_enable' has invalid value 'perhaps'"))
                        .anySatisfy(p -> assertThat(p).contains("'session_timeout' has invalid value 'long'"))
                        .anySatisfy(p -> assertThat(p).contains("'max_upload_size' has invalid value '20M'")));
    }
}
