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

/** webaccess.cfg beside server.cfg: checked at start, turned into the web client's listeners and settings. */
class WebaccessConfigTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String webaccess) throws Exception {
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
        Files.writeString(dir.resolve("ical.cfg"), "server_bind = 127.0.0.1\nlog_file = " + dir.resolve("log/ical.log") + "\n");
        Files.writeString(dir.resolve("webaccess.cfg"), ("log_file = @DIR@/log/webaccess.log\n" + webaccess)
                .replace("@DIR@", dir.toString()));
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

    /** A key and a self-signed certificate in PEM, without a key password. */
    private void pem(Path key, Path cert) throws Exception {
        KeyStores.exec(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(),
                "-out", cert.toString(), "-days", "2", "-subj", "/CN=webmail.example.com"), Map.of(),
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
    void withoutOptionsThePlainServiceStartsAndTheSecureOneWantsItsKeyAndCertificate() throws Exception {
        assertThat(launch("")).as(err.toString()).isZero();
        assertThat(props().getProperty("zcp.webaccess.https.enabled")).isEqualTo("false");
        assertThat(props().getProperty("zcp.webaccess.http.enabled")).isEqualTo("true");
        java.nio.file.Files.delete(dir.resolve("run/zarafa-server.properties"));
        err.reset();

        assertThat(launch("https_enable = yes\n")).isEqualTo(1);

        // one line, naming both options and how to make the files
        assertThat(err.toString()).contains("1 error(s) in the configuration; not starting")
                .contains("webaccess.cfg: https_enable = yes, but ssl_private_key_file /etc/zarafa/webaccess/privkey.pem"
                        + " (missing) and ssl_certificate_file /etc/zarafa/webaccess/cert.pem (missing) are needed;"
                        + " make them (openssl req -x509")
                .contains("-keyout /etc/zarafa/webaccess/privkey.pem -out /etc/zarafa/webaccess/cert.pem)")
                .contains("or set https_enable = no");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void withTheSecureServiceOffThePlainOneListensOnTheDefaultPort() throws Exception {
        assertThat(launch("https_enable = no\n")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.webaccess.bind")).isEqualTo("0.0.0.0");
        assertThat(p.getProperty("zcp.webaccess.http.port")).isEqualTo("80");
        assertThat(p.getProperty("zcp.webaccess.http.enabled")).isEqualTo("true");
        assertThat(p.getProperty("zcp.webaccess.https.port")).isEqualTo("443");
        assertThat(p.getProperty("zcp.webaccess.https.enabled")).isEqualTo("false");
        assertThat(p.getProperty("zcp.webaccess.protocol1")).isEqualTo("TLSv1.3");
        assertThat(p.getProperty("zcp.webaccess.protocol2")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.webaccess.ciphers")).isEqualTo("DEFAULT");
        assertThat(p.getProperty("zcp.webaccess.prefer.server")).isEqualTo("false");
        // no key store is made for a service that is off; Elytron reads the missing file as empty
        assertThat(Path.of(p.getProperty("zcp.webaccess.keystore")))
                .isEqualTo(dir.resolve("run/zarafa-webaccess-ssl.p12")).doesNotExist();
        assertThat(p.getProperty("zcp.webaccess.keystore.password")).isNotBlank();
        assertThat(p.getProperty("zcp.webaccess.language")).isEqualTo("en");
        assertThat(p.getProperty("zcp.webaccess.session.timeout")).isEqualTo("30");
        assertThat(p.getProperty("zcp.webaccess.max.upload")).isEqualTo(Long.toString(20L * 1024 * 1024));
        assertThat(p.getProperty("zcp.webaccess.max.post")).isEqualTo(Long.toString(60L * 1024 * 1024));
        assertThat(p.getProperty("zcp.webaccess.log.file")).isEqualTo(dir.resolve("log/webaccess.log").toString());
        assertThat(p.getProperty("zcp.webaccess.log.level")).isEqualTo("WARN");
        assertThat(p.getProperty("zcp.webaccess.log.parent")).isEqualTo("false");
        assertThat(out.toString()).contains("webaccess=http://localhost:80/webaccess/\n")
                .doesNotContain("webaccess=https");
        assertThat(err.toString()).contains("warning: WebAccess listens in plaintext (HTTP) on 0.0.0.0:80");
    }

    @Test
    void theOptionsReachTheProperties() throws Exception {
        assertThat(launch("""
                server_bind = 127.0.0.1
                http_port = 12180
                https_enable = no
                default_language = nl
                session_timeout = 1440
                max_upload_size = 2047
                log_level = 6
                """)).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.webaccess.bind")).isEqualTo("127.0.0.1");
        assertThat(p.getProperty("zcp.webaccess.http.port")).isEqualTo("12180");
        assertThat(p.getProperty("zcp.webaccess.language")).isEqualTo("nl");
        assertThat(p.getProperty("zcp.webaccess.session.timeout")).isEqualTo("1440");
        assertThat(p.getProperty("zcp.webaccess.max.upload")).isEqualTo("2146435072");
        // the listeners let an upload of max_upload_size through, so the application can refuse a larger one
        assertThat(p.getProperty("zcp.webaccess.max.post")).isEqualTo(Long.toString(2057L * 1024 * 1024));
        assertThat(p.getProperty("zcp.webaccess.log.level")).isEqualTo("ALL");
        assertThat(out.toString()).contains("webaccess=http://127.0.0.1:12180/webaccess/\n");
        assertThat(err.toString()).doesNotContain("WebAccess listens in plaintext");
    }

    @Test
    void withSyslogTheRecordsGoToTheServersHandlers() throws Exception {
        assertThat(launch("https_enable = no\nlog_method = syslog\n")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.webaccess.log.level")).isEqualTo("OFF");
        assertThat(p.getProperty("zcp.webaccess.log.parent")).isEqualTo("true");
    }

    @Test
    void aMissingCertificateBesideAReadableKeyIsNamedAsSuch() throws Exception {
        Path key = dir.resolve("privkey.pem");
        pem(key, dir.resolve("other-cert.pem"));

        assertThat(launch("https_enable = yes\nssl_private_key_file = " + key + "\nssl_certificate_file = @DIR@/none.crt\n")).isEqualTo(1);

        assertThat(err.toString()).contains("1 error(s) in the configuration; not starting")
                .contains("webaccess.cfg: https_enable = yes, but ssl_private_key_file " + key + " (readable) and"
                        + " ssl_certificate_file " + dir.resolve("none.crt") + " (missing) are needed");
    }

    @Test
    void theSecureServiceGetsAKeyStoreOfItsOwnFromThePemFiles() throws Exception {
        Path key = dir.resolve("privkey.pem");
        Path cert = dir.resolve("cert.pem");
        pem(key, cert);

        assertThat(launch("server_bind = 127.0.0.1\nhttp_enable = no\nhttps_enable = yes\nhttps_port = 12543\nssl_private_key_file = "
                + key + "\nssl_certificate_file = " + cert + "\nssl_protocols = !TLSv1.3\n"
                + "ssl_prefer_server_ciphers = yes\n")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.webaccess.http.enabled")).isEqualTo("false");
        assertThat(p.getProperty("zcp.webaccess.https.enabled")).isEqualTo("true");
        assertThat(p.getProperty("zcp.webaccess.https.port")).isEqualTo("12543");
        assertThat(p.getProperty("zcp.webaccess.protocol1")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.webaccess.protocol2")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.webaccess.prefer.server")).isEqualTo("true");
        Path store = Path.of(p.getProperty("zcp.webaccess.keystore"));
        assertThat(store).isEqualTo(dir.resolve("run/zarafa-webaccess-ssl.p12"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
        KeyStore ks = load(store, p.getProperty("zcp.webaccess.keystore.password"));
        assertThat(ks.isKeyEntry("webaccess")).isTrue();
        assertThat(((java.security.cert.X509Certificate) ks.getCertificate("webaccess")).getSubjectX500Principal()
                .getName()).isEqualTo("CN=webmail.example.com");
        assertThat(out.toString()).contains("webaccess=https://127.0.0.1:12543/webaccess/\n")
                .doesNotContain("webaccess=http:");
        // the web client's store is not zarafa-ical's
        assertThat(dir.resolve("run/zarafa-ical-ssl.p12")).doesNotExist();
    }

    @Test
    void optionsThatCannotBeHonouredStopTheStartEachNamed() throws Exception {
        assertThat(launch("""
                http_port = 0
                https_port = 70000
                https_enable = no
                ssl_protocols = SSLv3
                default_language = es
                session_timeout = 0
                max_upload_size = 2048
                log_method = carrier-pigeon
                log_level = 7
                """)).isEqualTo(1);

        assertThat(err.toString()).contains("8 error(s) in the configuration; not starting")
                .contains("webaccess.cfg: http_port must be a port number (1-65535), not 0")
                .contains("webaccess.cfg: https_port must be a port number (1-65535), not 70000")
                .contains("webaccess.cfg: ssl_protocols: SSLv3 cannot be enabled")
                .contains("webaccess.cfg: default_language 'es' is not one of en nl de fr pl")
                .contains("webaccess.cfg: session_timeout must be 1 to 1440 minutes, not 0")
                .contains("webaccess.cfg: max_upload_size must be 1 to 2047 (MB), not 2048")
                .contains("webaccess.cfg: log_method must be 'file' or 'syslog'")
                .contains("webaccess.cfg: log_level must be 0 to 6, not 7");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void bothServicesOnOnePortAreRefused() throws Exception {
        Path key = dir.resolve("privkey.pem");
        Path cert = dir.resolve("cert.pem");
        pem(key, cert);

        assertThat(launch("https_enable = yes\nhttp_port = 12180\nhttps_port = 12180\nssl_private_key_file = " + key
                + "\nssl_certificate_file = " + cert + "\n")).isEqualTo(1);

        assertThat(err.toString()).contains("webaccess.cfg: http_port and https_port are both 12180");
    }

    @Test
    void anUnknownOptionInWebaccessCfgStopsTheStartLikeOneInServerCfg() throws Exception {
        assertThat(launch("http_prot = 80\n")).isEqualTo(1);

        assertThat(err.toString()).contains("1 error(s) in webaccess.cfg; not starting")
                .contains("unknown option 'http_prot'");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void aStaleKeyStoreOfAnEarlierStartIsRemovedWhenTheSecureServiceIsOff() throws Exception {
        Files.createDirectories(dir.resolve("run"));
        Files.writeString(dir.resolve("run/zarafa-webaccess-ssl.p12"), "old");

        assertThat(launch("https_enable = no\n")).as(err.toString()).isZero();

        assertThat(dir.resolve("run/zarafa-webaccess-ssl.p12")).doesNotExist();
    }

    @Test
    void theLogDirectoryIsOneTheServerWritesTo() throws Exception {
        Files.writeString(dir.resolve("server.cfg"), "attachment_path = " + dir.resolve("lib/attachments")
                + "\npid_file = " + dir.resolve("run/zarafa-server.pid") + "\nlog_file = " + dir.resolve("log/server.log")
                + "\n");
        Files.writeString(dir.resolve("webaccess.cfg"), "log_file = " + dir.resolve("weblog/webaccess.log") + "\n");

        Map<Path, String> dirs = ServiceDirectories.writable(Config.load(Schemas.SERVER, dir.resolve("server.cfg")),
                Config.load(Schemas.WEBACCESS, dir.resolve("webaccess.cfg")));

        assertThat(dirs).containsKey(dir.resolve("weblog"));
        assertThat(dirs.get(dir.resolve("weblog"))).contains("webaccess.cfg log_file");
    }

    @Test
    void thePlainServiceOnLoopbackOrOffIsNoWarning() throws Exception {
        Files.writeString(dir.resolve("a.cfg"), "server_bind = 127.0.0.1\n");
        Files.writeString(dir.resolve("b.cfg"), "http_enable = no\nserver_bind = 0.0.0.0\n");
        Files.writeString(dir.resolve("c.cfg"), "server_bind = 192.0.2.7\nhttp_port = 8008\n");
        Files.writeString(dir.resolve("d.cfg"), "server_bind =\nhttps_enable = yes\n");

        assertThat(ListenerWarnings.webaccess(Config.load(Schemas.WEBACCESS, dir.resolve("a.cfg")))).isEmpty();
        assertThat(ListenerWarnings.webaccess(Config.load(Schemas.WEBACCESS, dir.resolve("b.cfg")))).isEmpty();
        assertThat(ListenerWarnings.webaccess(Config.load(Schemas.WEBACCESS, dir.resolve("c.cfg")))).singleElement()
                .asString().startsWith("WebAccess listens in plaintext (HTTP) on 192.0.2.7:8008");
        // empty server_bind: every address, as in ical.cfg
        assertThat(ListenerWarnings.webaccess(Config.load(Schemas.WEBACCESS, dir.resolve("d.cfg")))).singleElement()
                .asString().startsWith("WebAccess listens in plaintext (HTTP) on 0.0.0.0:80");
        assertThat(WebaccessConfig.urls(Config.load(Schemas.WEBACCESS, dir.resolve("d.cfg"))))
                .containsExactly("http://localhost:80/webaccess/", "https://localhost:443/webaccess/");
    }
}
