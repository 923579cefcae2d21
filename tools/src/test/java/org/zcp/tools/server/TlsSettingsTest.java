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
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review finding #27: the TLS options of server.cfg and gateway.cfg reach the listeners, or stop the start. */
class TlsSettingsTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String server, String gateway) throws Exception {
        Files.writeString(dir.resolve("server.cfg"), ("""
                pid_file = @DIR@/run/zarafa-server.pid
                attachment_path = @DIR@/lib/attachments
                log_file = @DIR@/log/server.log
                server_ssl_key_file = @DIR@/none.pem
                """ + server).replace("@DIR@", dir.toString()));
        Files.writeString(dir.resolve("gateway.cfg"), ("log_file = @DIR@/log/gateway.log\n" + gateway)
                .replace("@DIR@", dir.toString()));
        TestFaces.logsUnder(dir);
        Files.writeString(dir.resolve("ical.cfg"), "log_file = " + dir.resolve("log/ical.log") + "\n");
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

    /** A CA certificate in PEM, made by keytool. */
    private Path caCertificate() throws Exception {
        KeyStores.Stored ca = KeyStores.selfSigned("ca.example.com", dir.resolve("ca"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(ca.file())) {
            ks.load(in, ca.password().toCharArray());
        }
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(ks.getCertificate("server").getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        return Files.writeString(dir.resolve("cacert.pem"), pem);
    }

    @Test
    void theServersProtocolsCiphersAndOrderReachTheSslContext() throws Exception {
        assertThat(launch("server_ssl_enabled = yes\nserver_ssl_protocols = !SSLv2 !SSLv3 !TLSv1.3\n"
                + "server_ssl_ciphers = ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384\n"
                + "server_ssl_prefer_server_ciphers = yes\n", "")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.ssl.protocol1")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.ssl.protocol2")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.ssl.ciphers"))
                .isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        assertThat(p.getProperty("zcp.ssl.prefer.server")).isEqualTo("true");
    }

    @Test
    void withoutTlsOptionsBothVersionsAndTheDefaultSuitesAreOffered() throws Exception {
        assertThat(launch("", "")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.ssl.protocol1")).isEqualTo("TLSv1.3");
        assertThat(p.getProperty("zcp.ssl.protocol2")).isEqualTo("TLSv1.2");
        assertThat(p.getProperty("zcp.ssl.ciphers")).isEqualTo("DEFAULT");
        assertThat(p.getProperty("zcp.ssl.prefer.server")).isEqualTo("false");
        assertThat(p.getProperty("zcp.ssl.want.client.auth")).isEqualTo("false");
        assertThat(p.getProperty("zcp.gateway.tls.protocols")).isEqualTo("TLSv1.3,TLSv1.2");
        assertThat(p.getProperty("zcp.gateway.tls.ciphers")).isEmpty();
        assertThat(p.getProperty("zcp.gateway.tls.truststore")).isNull();
    }

    @Test
    void optionsThatCannotBeHonouredStopTheStartEachNamed() throws Exception {
        assertThat(launch("server_ssl_protocols = SSLv3\nserver_ssl_ciphers = RC4-MD5\n",
                "ssl_protocols = TLSv1.1\nssl_ciphers = FROB\nssl_verify_client = yes\n")).isEqualTo(1);

        assertThat(err.toString()).contains("5 error(s)")
                .contains("server.cfg: server_ssl_protocols: SSLv3 cannot be enabled")
                .contains("server.cfg: server_ssl_ciphers = RC4-MD5 selects none of the cipher suites offered")
                .contains("gateway.cfg: ssl_protocols: TLSv1.1 cannot be enabled")
                .contains("gateway.cfg: ssl_ciphers: unknown cipher keyword 'FROB'")
                .contains("gateway.cfg: ssl_verify_client = yes needs ssl_verify_file or ssl_verify_path");
        assertThat(dir.resolve("run/zarafa-server.properties")).doesNotExist();
    }

    @Test
    void theServersCaFileMakesSoapAskForClientCertificates() throws Exception {
        Path ca = caCertificate();

        assertThat(launch("server_ssl_enabled = yes\nserver_ssl_ca_file = " + ca + "\n", "")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.ssl.want.client.auth")).isEqualTo("true");
        Path trust = Path.of(p.getProperty("zcp.ssl.truststore"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(trust))).isEqualTo("rw-------");
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(trust)) {
            ks.load(in, p.getProperty("zcp.ssl.truststore.password").toCharArray());
        }
        assertThat(ks.size()).isEqualTo(1);
    }

    @Test
    void theDefaultCaPathMissingIsNoWarning() throws Exception {
        assertThat(launch("server_ssl_enabled = yes\n", "")).isZero();

        assertThat(err.toString()).doesNotContain("does not ask clients for certificates");
        assertThat(props().getProperty("zcp.ssl.want.client.auth")).isEqualTo("false");
    }

    @Test
    void aMissingCaFileIsSaidAtStart() throws Exception {
        assertThat(launch("server_ssl_enabled = yes\nserver_ssl_ca_file = @DIR@/none-ca.pem\n", "")).isZero();

        assertThat(err.toString()).contains("does not ask clients for certificates");
        assertThat(props().getProperty("zcp.ssl.want.client.auth")).isEqualTo("false");
    }

    @Test
    void theGatewayVerifiesClientsWithTheCasOfItsVerifyPath() throws Exception {
        Path ca = caCertificate();
        Path cas = Files.createDirectories(dir.resolve("cas"));
        Files.copy(ca, cas.resolve("a1b2c3d4.0"));

        assertThat(launch("", "ssl_verify_client = yes\nssl_verify_path = " + cas + "\nssl_ciphers = AESGCM\n"
                + "ssl_prefer_server_ciphers = yes\n")).as(err.toString()).isZero();

        Properties p = props();
        assertThat(p.getProperty("zcp.gateway.tls.truststore")).isEqualTo(dir.resolve("run/zarafa-gateway-trust.p12")
                .toString());
        assertThat(p.getProperty("zcp.gateway.tls.ciphers")).contains("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256")
                .doesNotContain("CBC");
        assertThat(p.getProperty("zcp.gateway.tls.preferserver")).isEqualTo("true");
        assertThat(Map.of("trust", Path.of(p.getProperty("zcp.gateway.tls.truststore")))).allSatisfy((k, v) ->
                assertThat(v).exists());
    }

    @Test
    void aVerifyFileWithoutCertificatesStopsTheStart() throws Exception {
        Files.writeString(dir.resolve("garbage.pem"), "not a certificate\n");

        assertThat(launch("", "ssl_verify_client = yes\nssl_verify_file = @DIR@/garbage.pem\n")).isEqualTo(1);

        assertThat(err.toString()).contains("garbage.pem holds no");
    }
}
