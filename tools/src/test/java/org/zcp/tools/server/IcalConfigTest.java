package org.zcp.tools.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.api.config.Config;
import org.zcp.api.config.Schemas;

/** ical.cfg (manual 4.10) beside server.cfg: checked at start, turned into zarafa-ical's listeners and settings. */
class IcalConfigTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String ical) throws Exception {
        Files.writeString(dir.resolve("server.cfg"), """
                server_bind = 127.0.0.1
                pid_file = @DIR@/run/zarafa-server.pid
                attachment_path = @DIR@/lib/attachments
                log_file = @DIR@/log/server.log
                """.replace("@DIR@", dir.toString()));
        Files.writeString(dir.resolve("gateway.cfg"), "server_bind = 127.0.0.1\nlog_file = " + dir.resolve("log/gateway.log")
                + "\nssl_private_key_file = " + dir.resolve("none.key") + "\n");
        Files.writeString(dir.resolve("dagent.cfg"), "server_bind = 127.0.0.1\n");
        TestFaces.logsUnder(dir);
        Files.writeString(dir.resolve("ical.cfg"), ("log_file = @DIR@/log/ical.log\n" + ical)
                .replace("@DIR@", dir.toString()));
        Files.writeString(dir.resolve("webaccess.cfg"), "server_bind = 127.0.0.1\nhttps_enable = no\nlog_file = "
                + dir.resolve("log/webaccess.log") + "\n");
        return new ServerLauncher(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"-c", dir.resolve("server.cfg").toString()});
    }

    private Properties props() throws Exception {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("run/zarafa-server.properties"))) {
            p.load(in);
        }
        return p;
    }

    /** A key and a self-signed certificate in PEM, made the manual's way (4.10.1, without a key password). */
    private void pem(Path key, Path cert) throws Exception {
        KeyStores.exec(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=ical.example.com"), Map.of(),
                "make a test certificate");
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password.toCharArray());
        }
        return ks;
    }

    @Test
    void withoutOptionsThePlainServiceListensOnTheManualsPortAndTheSecureOneIsOff() throws Exception {
        assertThat(launch("")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.ical.bind")).isEqualTo("0.0.0.0");
        assertThat(p.getProperty("zcp.ical.port")).isEqualTo("8080");
        assertThat(p.getProperty("zcp.ical.enabled")).isEqualTo("true");
        assertThat(p.getProperty("zcp.icals.port")).isEqualTo("8443");
        assertThat(p.getProperty("zcp.icals.enabled")).isEqualTo("false");
        assertThat(p.getProperty("zcp.icals.need.client.auth")).isEqualTo("false");
        assertThat(p.getProperty("zcp.icals.protocol1")).isEqualTo("TLSv1.3");
        assertThat(p.getProperty("zcp.icals.protocol2")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.icals.ciphers")).isEqualTo("DEFAULT");
        // no key store is made for a service that is off; Elytron reads the missing file as empty
        assertThat(Path.of(p.getProperty("zcp.icals.keystore"))).isEqualTo(dir.resolve("run/zarafa-ical-ssl.p12"))
                .doesNotExist();
        assertThat(p.getProperty("zcp.ical.timezone")).isEqualTo("Europe/Amsterdam");
        assertThat(p.getProperty("zcp.ical.charset")).isEqualTo("UTF-8");
        assertThat(p.getProperty("zcp.ical.get")).isEqualTo("true");
        assertThat(p.getProperty("zcp.ical.log.file")).isEqualTo(dir.resolve("log/ical.log").toString());
        assertThat(p.getProperty("zcp.ical.log.level")).isEqualTo("ERROR");
        assertThat(p.getProperty("zcp.ical.log.parent")).isEqualTo("false");
        assertThat(out.toString()).contains("ical=http://localhost:8080/\n").doesNotContain("ical=https");
        assertThat(err.toString()).contains("warning: iCal/CalDAV listens in plaintext (HTTP) on 0.0.0.0:8080");
    }

    @Test
    void theOptionsReachTheProperties() throws Exception {
        assertThat(launch("""
                server_bind = 127.0.0.1
                ical_port = 12080
                enable_ical_get = no
                server_timezone = America/New_York
                default_charset = iso-8859-1
                log_level = 6
                """)).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.ical.bind")).isEqualTo("127.0.0.1");
        assertThat(p.getProperty("zcp.ical.port")).isEqualTo("12080");
        assertThat(p.getProperty("zcp.ical.get")).isEqualTo("false");
        assertThat(p.getProperty("zcp.ical.timezone")).isEqualTo("America/New_York");
        assertThat(p.getProperty("zcp.ical.charset")).isEqualTo("ISO-8859-1");
        assertThat(p.getProperty("zcp.ical.log.level")).isEqualTo("ALL");
        assertThat(out.toString()).contains("ical=http://127.0.0.1:12080/\n");
        assertThat(err.toString()).doesNotContain("iCal/CalDAV listens in plaintext");
    }

    @Test
    void withSyslogTheRecordsGoToTheServersHandlers() throws Exception {
        assertThat(launch("log_method = syslog\n")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.ical.log.level")).isEqualTo("OFF");
        assertThat(p.getProperty("zcp.ical.log.parent")).isEqualTo("true");
    }

    @Test
    void theSecureServiceWithoutItsKeyAndCertificateStopsTheStart() throws Exception {
        assertThat(launch("icals_enable = yes\nssl_private_key_file = @DIR@/none.key\n"
                + "ssl_certificate_file = @DIR@/none.crt\n")).isEqualTo(1);

        assertThat(err.toString()).contains("2 error(s) in the configuration; not starting")
                .contains("ical.cfg: icals_enable = yes, but ssl_private_key_file " + dir.resolve("none.key")
                        + " cannot be read")
                .contains("ical.cfg: icals_enable = yes, but ssl_certificate_file " + dir.resolve("none.crt")
                        + " cannot be read");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void theSecureServiceGetsAKeyStoreOfItsOwnFromThePemFiles() throws Exception {
        Path key = dir.resolve("privkey.pem");
        Path cert = dir.resolve("cert.pem");
        pem(key, cert);

        assertThat(launch("server_bind = 127.0.0.1\nical_enable = no\nicals_enable = yes\nicals_port = 12443\n"
                + "ssl_private_key_file = " + key + "\nssl_certificate_file = " + cert + "\n")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.ical.enabled")).isEqualTo("false");
        assertThat(p.getProperty("zcp.icals.enabled")).isEqualTo("true");
        assertThat(p.getProperty("zcp.icals.port")).isEqualTo("12443");
        Path store = Path.of(p.getProperty("zcp.icals.keystore"));
        assertThat(store).isEqualTo(dir.resolve("run/zarafa-ical-ssl.p12"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        KeyStore ks = load(store, p.getProperty("zcp.icals.keystore.password"));
        assertThat(ks.isKeyEntry("ical")).isTrue();
        assertThat(((java.security.cert.X509Certificate) ks.getCertificate("ical")).getSubjectX500Principal().getName())
                .isEqualTo("CN=ical.example.com");
        assertThat(out.toString()).contains("ical=https://127.0.0.1:12443/\n").doesNotContain("ical=http:");
    }

    @Test
    void verifiedClientsNeedACertificateOfTheCasInTheVerifyFile() throws Exception {
        Path key = dir.resolve("privkey.pem");
        Path cert = dir.resolve("cert.pem");
        pem(key, cert);

        assertThat(launch("icals_enable = yes\nssl_private_key_file = " + key + "\nssl_certificate_file = " + cert
                + "\nssl_verify_client = yes\nssl_verify_file = " + cert + "\nssl_protocols = !TLSv1.3\n"))
                .as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.icals.need.client.auth")).isEqualTo("true");
        assertThat(load(Path.of(p.getProperty("zcp.icals.truststore")), p.getProperty("zcp.icals.truststore.password"))
                .size()).isEqualTo(1);
        assertThat(p.getProperty("zcp.icals.protocol1")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.icals.protocol2")).isEqualTo("TLSv1.2");
    }

    @Test
    void optionsThatCannotBeHonouredStopTheStartEachNamed() throws Exception {
        assertThat(launch("""
                ical_port = 0
                icals_port = 70000
                ssl_verify_client = yes
                ssl_protocols = SSLv3
                server_timezone = Europe/Atlantis
                default_charset = klingon-8
                log_method = carrier-pigeon
                """)).isEqualTo(1);

        assertThat(err.toString()).contains("7 error(s) in the configuration; not starting")
                .contains("ical.cfg: ical_port must be a port number (1-65535), not 0")
                .contains("ical.cfg: icals_port must be a port number (1-65535), not 70000")
                .contains("ical.cfg: ssl_verify_client = yes needs ssl_verify_file or ssl_verify_path")
                .contains("ical.cfg: ssl_protocols: SSLv3 cannot be enabled")
                .contains("ical.cfg: server_timezone 'Europe/Atlantis' is not a time zone")
                .contains("ical.cfg: default_charset 'klingon-8' is not a known character set")
                .contains("ical.cfg: log_method must be 'file' or 'syslog'");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void bothServicesOnOnePortAreRefused() throws Exception {
        Path key = dir.resolve("privkey.pem");
        Path cert = dir.resolve("cert.pem");
        pem(key, cert);

        assertThat(launch("icals_enable = yes\nicals_port = 8080\nssl_private_key_file = " + key
                + "\nssl_certificate_file = " + cert + "\n")).isEqualTo(1);

        assertThat(err.toString()).contains("ical.cfg: ical_port and icals_port are both 8080");
    }

    @Test
    void anUnknownOptionInIcalCfgStopsTheStartLikeOneInServerCfg() throws Exception {
        assertThat(launch("ical_prot = 8080\n")).isEqualTo(1);

        assertThat(err.toString()).contains("1 error(s) in ical.cfg; not starting")
                .contains("unknown option 'ical_prot'");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void aStaleKeyStoreOfAnEarlierStartIsRemovedWhenTheSecureServiceIsOff() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/zarafa-ical-ssl.p12"), "old");

        assertThat(launch("")).as(err.toString()).isZero();

        assertThat(dir.resolve("run/zarafa-ical-ssl.p12")).doesNotExist();
    }

    @Test
    void thePlainServiceOnLoopbackOrOffIsNoWarning() throws Exception {
        Files.writeString(dir.resolve("a.cfg"), "server_bind = 127.0.0.1\n");
        Files.writeString(dir.resolve("b.cfg"), "ical_enable = no\nserver_bind = 0.0.0.0\n");
        Files.writeString(dir.resolve("c.cfg"), "server_bind = 192.0.2.7\nical_port = 8008\n");

        assertThat(ListenerWarnings.ical(Config.load(Schemas.ICAL, dir.resolve("a.cfg")))).isEmpty();
        assertThat(ListenerWarnings.ical(Config.load(Schemas.ICAL, dir.resolve("b.cfg")))).isEmpty();
        assertThat(ListenerWarnings.ical(Config.load(Schemas.ICAL, dir.resolve("c.cfg")))).singleElement().asString()
                .startsWith("iCal/CalDAV listens in plaintext (HTTP) on 192.0.2.7:8008");
    }
}
