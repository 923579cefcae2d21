package org.zcp.gateways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review finding #27: ssl_protocols, ssl_ciphers and ssl_verify_client reach the gateway's handshakes. */
class ListenerTlsPolicyTest {
    private static final String PASSWORD = "test-store-pass";

    @TempDir
    static Path dir;
    static Path server;
    static Path clientStore;

    @BeforeAll
    static void certificates() throws Exception {
        server = keyStore("server.p12", "CN=imap.test");
        clientStore = keyStore("client.p12", "CN=client.test");
    }

    private static Path keyStore(String name, String dname) throws Exception {
        Path file = dir.resolve(name);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "key", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", dname, "-keystore", file.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();
        return file;
    }

    private static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    /** A client that trusts the server's certificate and, when {@code withCertificate}, presents its own. */
    private static SSLContext client(boolean withCertificate) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(server));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(clientStore), PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(withCertificate ? kmf.getKeyManagers() : null, tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Handshakes {@code tls} with a client of {@code client}; returns the client's socket after the handshake. */
    private static SSLSocket handshake(ListenerTls tls, SSLContext client) throws Exception {
        try (ServerSocket listen = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<SSLSocket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    Socket plain = listen.accept();
                    plain.setSoTimeout(10_000);
                    SSLSocket s = tls.wrap(plain);
                    OutputStream out = s.getOutputStream();
                    out.write('+');
                    out.flush();
                    return s;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            SSLSocket c = (SSLSocket) client.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(),
                    listen.getLocalPort());
            c.setSoTimeout(10_000);
            c.startHandshake();
            // TLS 1.3 reports a refused client certificate only with the first read
            assertThat(c.getInputStream().read()).isEqualTo('+');
            accepted.get(10, TimeUnit.SECONDS).close();
            return c;
        }
    }

    @Test
    void theConfiguredProtocolAndSuiteAreNegotiated() throws Exception {
        ListenerTls tls = ListenerTls.configure(ListenerTls.Mode.IMPLICIT, server.toString(), PASSWORD,
                new TlsPolicy(List.of("TLSv1.2"), List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"), true, null, null));

        SSLSocket c = handshake(tls, client(false));

        assertThat(c.getSession().getProtocol()).isEqualTo("TLSv1.2");
        assertThat(c.getSession().getCipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(tls.protocols()).containsExactly("TLSv1.2");
        c.close();
    }

    @Test
    void withoutAPolicyBothVersionsAreOfferedAndTls13Wins() throws Exception {
        ListenerTls tls = ListenerTls.configure(ListenerTls.Mode.IMPLICIT, server.toString(), PASSWORD, TlsPolicy.DEFAULT);

        SSLSocket c = handshake(tls, client(false));

        assertThat(c.getSession().getProtocol()).isEqualTo("TLSv1.3");
        c.close();
    }

    @Test
    void withATrustStoreClientsMustPresentACertificateItTrusts() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", load(clientStore).getCertificate("key"));
        Path trustFile = dir.resolve("trust.p12");
        try (OutputStream out = Files.newOutputStream(trustFile)) {
            trust.store(out, "trust-pass".toCharArray());
        }
        ListenerTls tls = ListenerTls.configure(ListenerTls.Mode.IMPLICIT, server.toString(), PASSWORD,
                new TlsPolicy(ListenerTls.PROTOCOLS, List.of(), false, trustFile.toString(), "trust-pass"));

        assertThat(tls.description()).contains("client certificates required");
        handshake(tls, client(true)).close();
        assertThatThrownBy(() -> handshake(tls, client(false))).isInstanceOf(IOException.class);
    }

    @Test
    void anUnreadableTrustStoreTurnsTlsOffAndSaysWhy() {
        ListenerTls tls = ListenerTls.configure(ListenerTls.Mode.STARTTLS, server.toString(), PASSWORD,
                new TlsPolicy(ListenerTls.PROTOCOLS, List.of(), false, dir.resolve("none.p12").toString(), "x"));

        assertThat(tls.mode()).isEqualTo(ListenerTls.Mode.OFF);
        assertThat(tls.description()).contains("trust store").contains("none.p12");
    }
}
