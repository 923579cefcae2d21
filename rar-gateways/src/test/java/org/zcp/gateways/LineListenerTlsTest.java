package org.zcp.gateways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.protocols.lmtp.LmtpBackend;

/**
 * A real {@link LineListener} on a loopback port with a throw-away PKCS#12 certificate, driven by
 * a real TLS client: STARTTLS, implicit TLS, and the ways TLS stays off.
 */
class LineListenerTlsTest {
    private static final String PASSWORD = "test-store-pass";

    @TempDir
    static Path dir;
    static Path keystore;
    static SSLContext client;

    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<LineListener> listeners = new ArrayList<>();

    @BeforeAll
    static void certificate() throws Exception {
        keystore = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=lmtp.test", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as(output).isTrue();

        // the client trusts exactly the throw-away certificate
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            trust.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
    }

    @AfterEach
    void stop() {
        listeners.forEach(LineListener::close);
    }

    /** john@example.com exists; a delivery keeps the stored text. */
    final class Store implements MessageEndpoint, LmtpBackend {
        @Override
        public String checkRecipient(String address) {
            return "john@example.com".equals(address) ? "OK" : "UNKNOWN";
        }

        @Override
        public String deliver(String recipient, String envelopeFrom, Path message) {
            try {
                delivered.add(Files.readString(message, StandardCharsets.ISO_8859_1));
                return "OK";
            } catch (IOException e) {
                return "TEMPFAIL:" + e.getMessage();
            }
        }

        @Override
        public void beforeDelivery(Method method) {}

        @Override
        public void afterDelivery() {}

        @Override
        public void release() {}
    }

    final class Factory implements MessageEndpointFactory {
        @Override
        public MessageEndpoint createEndpoint(XAResource xa) {
            return new Store();
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa, long timeout) {
            return new Store();
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "lmtp-test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Store.class;
        }
    }

    private int start(String tls, Path store, String password) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        LmtpActivationSpec spec = new LmtpActivationSpec();
        spec.setBind("127.0.0.1");
        spec.setPort(port);
        spec.setMaxThreads(2);
        spec.setTls(tls);
        spec.setKeystore(store == null ? null : store.toString());
        spec.setKeystorePassword(password);
        spec.validate();
        LineListener l = new LineListener(new Factory(), spec);
        listeners.add(l);
        l.start();
        return port;
    }

    /** A line-protocol client whose streams can be switched to TLS mid-conversation. */
    static final class Client implements AutoCloseable {
        Socket socket;
        InputStream in;
        OutputStream out;

        Client(Socket socket) throws IOException {
            this.socket = socket;
            socket.setSoTimeout(10_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        static Client connect(int port) throws IOException {
            Socket s = new Socket();
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            return new Client(s);
        }

        void send(String lines) throws IOException {
            out.write(lines.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** One reply, all its lines; reads byte by byte so nothing after it is buffered. */
        List<String> reply() throws IOException {
            List<String> lines = new ArrayList<>();
            while (true) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int c;
                while ((c = in.read()) != '\n') {
                    if (c == -1) throw new IOException("connection closed after " + lines);
                    if (c != '\r') line.write(c);
                }
                String l = line.toString(StandardCharsets.US_ASCII);
                lines.add(l);
                if (l.length() < 4 || l.charAt(3) != '-') return lines;
            }
        }

        List<String> command(String line) throws IOException {
            send(line + "\r\n");
            return reply();
        }

        SSLSocket handshake() throws IOException {
            SSLSocket s = (SSLSocket) client.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(),
                    true);
            s.setUseClientMode(true);
            s.startHandshake();
            socket = s;
            in = s.getInputStream();
            out = s.getOutputStream();
            return s;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void starttlsUpgradesTheConnectionAndTheClientStartsOverWithLhlo() throws Exception {
        int port = start("starttls", keystore, PASSWORD);

        try (Client c = Client.connect(port)) {
            assertThat(c.reply().get(0)).startsWith("220 ").endsWith("LMTP service ready");
            assertThat(c.command("LHLO client.test")).contains("250-PIPELINING", "250-ENHANCEDSTATUSCODES",
                    "250-8BITMIME", "250-STARTTLS").last().isEqualTo("250 SIZE");
            assertThat(c.command("STARTTLS")).containsExactly("220 2.0.0 Ready to start TLS");

            SSLSocket tls = c.handshake();

            assertThat(tls.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
            assertThat(((X509Certificate) tls.getSession().getPeerCertificates()[0]).getSubjectX500Principal()
                    .getName()).isEqualTo("CN=lmtp.test");
            assertThat(c.command("MAIL FROM:<a@b.c>")).containsExactly("503 5.5.1 Error: send LHLO first");
            List<String> ext = c.command("LHLO client.test");
            assertThat(ext).contains("250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250-8BITMIME")
                    .doesNotContain("250-STARTTLS").last().isEqualTo("250 SIZE");
            assertThat(c.command("STARTTLS")).containsExactly("503 5.5.1 TLS already active");
            assertThat(c.command("MAIL FROM:<a@b.c>")).containsExactly("250 2.1.0 Ok");
            assertThat(c.command("RCPT TO:<john@example.com>")).containsExactly("250 2.1.5 Ok");
            assertThat(c.command("DATA")).containsExactly("354 End data with <CR><LF>.<CR><LF>");
            assertThat(c.command("Subject: over TLS\r\n\r\nhello\r\n."))
                    .containsExactly("250 2.1.5 <john@example.com> Delivered");
            assertThat(c.command("QUIT")).containsExactly(ext.get(0).replace("250-", "221 2.0.0 ")
                    + " closing connection");
        }
        assertThat(delivered).singleElement().asString().contains("with LMTPS;").endsWith("hello\r\n");
    }

    @Test
    void plaintextPipelinedBehindStarttlsNeverReachesTheTlsSession() throws Exception {
        int port = start("starttls", keystore, PASSWORD);

        try (Client c = Client.connect(port)) {
            c.reply();
            // CVE-2011-0411: injected commands ride in the same packet as STARTTLS
            c.send("LHLO c\r\nSTARTTLS\r\nMAIL FROM:<evil@attacker.test>\r\n");
            assertThat(c.reply()).contains("250-STARTTLS");
            assertThat(c.reply()).containsExactly("220 2.0.0 Ready to start TLS");
            c.handshake();

            c.command("LHLO c");
            assertThat(c.command("RCPT TO:<john@example.com>")).containsExactly("503 5.5.1 Error: need MAIL command");
        }
    }

    @Test
    void aFailedHandshakeClosesTheConnectionAndTheListenerGoesOn() throws Exception {
        int port = start("starttls", keystore, PASSWORD);

        try (Client c = Client.connect(port)) {
            c.reply();
            c.command("LHLO c");
            c.command("STARTTLS");
            c.send("LHLO still plaintext\r\n");
            // the server may send a TLS alert; then the connection ends
            assertThat(c.in.readAllBytes().length).isLessThan(64);
        }
        try (Client c = Client.connect(port)) {
            assertThat(c.reply().get(0)).startsWith("220 ");
        }
    }

    @Test
    void implicitTlsHandshakesBeforeTheGreeting() throws Exception {
        int port = start("implicit", keystore, PASSWORD);

        try (Client c = Client.connect(port)) {
            c.handshake();
            assertThat(c.reply().get(0)).startsWith("220 ").endsWith("LMTP service ready");
            assertThat(c.command("LHLO c")).doesNotContain("250-STARTTLS").last().isEqualTo("250 SIZE");
            assertThat(c.command("QUIT").get(0)).startsWith("221 ");
        }
    }

    @Test
    void withoutAKeyStoreStarttlsIsNotOffered() throws Exception {
        int port = start("starttls", dir.resolve("missing.p12"), PASSWORD);

        try (Client c = Client.connect(port)) {
            c.reply();
            assertThat(c.command("LHLO c")).doesNotContain("250-STARTTLS").last().isEqualTo("250 SIZE");
            assertThat(c.command("STARTTLS")).containsExactly("500 5.5.2 Error: command not recognized");
        }
    }

    @Test
    void tlsOffIsPlaintextEvenWithAKeyStore() throws Exception {
        int port = start("off", keystore, PASSWORD);

        try (Client c = Client.connect(port)) {
            c.reply();
            assertThat(c.command("LHLO c")).doesNotContain("250-STARTTLS");
        }
    }

    @Test
    void implicitTlsWithoutACertificateKeepsThePortClosed() throws Exception {
        int port = start("implicit", dir.resolve("missing.p12"), PASSWORD);

        assertThatThrownBy(() -> Client.connect(port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aKeyStoreThatDoesNotLoadTurnsTlsOffAndSaysWhy() throws Exception {
        ListenerTls wrongPassword = ListenerTls.configure(ListenerTls.Mode.STARTTLS, keystore.toString(), "wrong");
        Path garbage = Files.writeString(dir.resolve("garbage.p12"), "not a key store");
        ListenerTls notAKeyStore = ListenerTls.configure(ListenerTls.Mode.STARTTLS, garbage.toString(), PASSWORD);
        ListenerTls good = ListenerTls.configure(ListenerTls.Mode.STARTTLS, keystore.toString(), PASSWORD);

        assertThat(wrongPassword.mode()).isEqualTo(ListenerTls.Mode.OFF);
        assertThat(wrongPassword.description()).startsWith("cannot load key store " + keystore);
        assertThat(notAKeyStore.mode()).isEqualTo(ListenerTls.Mode.OFF);
        assertThat(ListenerTls.configure(ListenerTls.Mode.STARTTLS, null, null).description())
                .contains("server_ssl_enabled = yes");
        assertThat(good.mode()).isEqualTo(ListenerTls.Mode.STARTTLS);
        assertThat(good.description()).contains("CN=lmtp.test");
        assertThat(good.protocols()).containsExactly("TLSv1.3", "TLSv1.2");
    }

    @Test
    void tlsPropertiesDefaultToTheServerCertificateAndAreValidated() throws Exception {
        String[] keys = {"zcp.ssl.keystore", "zcp.ssl.keystore.password", "zcp.ssl.enabled", "zcp.lmtp.tls",
            "zcp.lmtp.keystore"};
        List<String> saved = new ArrayList<>();
        for (String k : keys) saved.add(System.getProperty(k));
        try {
            System.setProperty("zcp.ssl.keystore", "/run/zarafa/zarafa-server-ssl.p12");
            System.setProperty("zcp.ssl.keystore.password", "pw");
            System.setProperty("zcp.ssl.enabled", "true");
            LmtpActivationSpec lmtp = new LmtpActivationSpec();
            assertThat(lmtp.getTls()).isEqualTo("starttls");
            assertThat(lmtp.getKeystore()).isEqualTo("/run/zarafa/zarafa-server-ssl.p12");
            assertThat(lmtp.getKeystorePassword()).isEqualTo("pw");
            assertThat(new LookupActivationSpec().getTls()).isEqualTo("off");

            System.setProperty("zcp.lmtp.keystore", "/etc/zarafa/lmtp.p12");
            System.setProperty("zcp.lmtp.tls", "IMPLICIT");
            assertThat(lmtp.getKeystore()).isEqualTo("/etc/zarafa/lmtp.p12");
            assertThat(lmtp.tlsMode()).isEqualTo(ListenerTls.Mode.IMPLICIT);
            System.clearProperty("zcp.lmtp.keystore");

            // server_ssl_enabled = no: a file at the path is a leftover with a lost password
            System.setProperty("zcp.ssl.enabled", "false");
            assertThat(lmtp.getKeystore()).isNull();

            lmtp.setTls("sometimes");
            assertThatThrownBy(lmtp::validate).isInstanceOf(InvalidPropertyException.class)
                    .hasMessageContaining("sometimes");
            lmtp.setKeystorePassword("secret");
            assertThat(lmtp.toString()).doesNotContain("secret");
        } finally {
            for (int i = 0; i < keys.length; i++) {
                if (saved.get(i) == null) System.clearProperty(keys[i]);
                else System.setProperty(keys[i], saved.get(i));
            }
        }
    }
}
