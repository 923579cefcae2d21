package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.activation.DataHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.soap.DeliveryResult;
import org.zcp.api.soap.ZarafaCmd;

/** POP3 and POP3S of the gateway (manual 4.11): the Inbox as a maildrop, byte for byte. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class Pop3IT {
    static ZarafaCmd c;
    static String admin;
    static String company;
    static final int POP3 = Integer.getInteger("zcp.itest.lmtpport") + 107;
    static final int POP3S = Integer.getInteger("zcp.itest.lmtpport") + 992;

    @BeforeAll
    static void setUp() throws Exception {
        c = ItServer.client();
        admin = ItServer.admin();
        company = ItServer.company(admin);
    }

    /** A line-at-a-time POP3 client over any socket. */
    static final class Client implements AutoCloseable {
        Socket socket;
        InputStream in;
        OutputStream out;

        Client(Socket s) throws IOException {
            attach(s);
        }

        void attach(Socket s) throws IOException {
            socket = s;
            socket.setSoTimeout(20_000);
            in = s.getInputStream();
            out = s.getOutputStream();
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int ch;
            while ((ch = in.read()) != -1 && ch != '\n') b.write(ch);
            String l = b.toString(StandardCharsets.UTF_8);
            return l.endsWith("\r") ? l.substring(0, l.length() - 1) : l;
        }

        String cmd(String c) throws IOException {
            out.write((c + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return line();
        }

        /** The raw bytes of a multi-line answer, dot-unstuffed, without the final dot line. */
        byte[] multi() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                ByteArrayOutputStream l = new ByteArrayOutputStream();
                int ch;
                while ((ch = in.read()) != -1) {
                    l.write(ch);
                    if (ch == '\n') break;
                }
                byte[] line = l.toByteArray();
                String s = new String(line, StandardCharsets.ISO_8859_1);
                if (s.equals(".\r\n") || ch == -1) return b.toByteArray();
                if (s.startsWith("..")) b.write(line, 1, line.length - 1);
                else b.write(line, 0, line.length);
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }

    static byte[] deliver(String to, String subject) throws Exception {
        byte[] raw = ("From: sender@remote.example\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@remote.example>\r\n\r\n.leading dot\r\nGr\u00fc\u00dfe\r\n")
                .getBytes(StandardCharsets.UTF_8);
        DeliveryResult r = c.deliverMessage(admin, to, "sender@remote.example",
                new DataHandler(new StoreSoapIT.BytesSource(raw)), null, false, false);
        assertThat(r.status).isEqualTo(DeliveryResult.DELIVERED);
        return raw;
    }

    @Test
    void theInboxIsAMaildropServedByteForByte() throws Exception {
        String login = ItServer.user(admin, company, "popper");
        String email = c.getUser(admin, login).email;
        byte[] first = deliver(email, "first");
        deliver(email, "second");
        try (Client p = new Client(new Socket("127.0.0.1", POP3))) {
            assertThat(p.line()).startsWith("+OK");
            assertThat(p.cmd("USER " + login)).startsWith("+OK");
            // the server default is disabled_features = imap pop3 (manual 8.7)
            assertThat(p.cmd("PASS " + ItServer.password(login))).startsWith("-ERR [AUTH]");
        }
        c.setUserFeature(admin, login, "pop3", true);
        byte[] third = deliver(email, "third");
        try (Client p = new Client(new Socket("127.0.0.1", POP3))) {
            p.line();
            assertThat(p.cmd("PASS x")).startsWith("-ERR");
            p.cmd("USER " + login);
            assertThat(p.cmd("PASS wrong")).startsWith("-ERR [AUTH]");
            p.cmd("USER " + login);
            assertThat(p.cmd("PASS " + ItServer.password(login))).startsWith("+OK");
            assertThat(p.cmd("STAT")).startsWith("+OK 3 ");
            assertThat(p.cmd("UIDL")).startsWith("+OK");
            List<String> uidl = new ArrayList<>(List.of(new String(p.multi(), StandardCharsets.US_ASCII).split("\r\n")));
            assertThat(uidl).hasSize(3);
            assertThat(p.cmd("RETR 3")).startsWith("+OK " + third.length);
            assertThat(p.multi()).isEqualTo(third);
            assertThat(p.cmd("TOP 1 0")).startsWith("+OK");
            assertThat(new String(p.multi(), StandardCharsets.UTF_8)).contains("Subject: first").doesNotContain("leading");
            assertThat(p.cmd("DELE 1")).startsWith("+OK");
            assertThat(p.cmd("RETR 1")).startsWith("-ERR");
            assertThat(p.cmd("NOSUCH")).startsWith("-ERR");
            assertThat(p.cmd("QUIT")).startsWith("+OK");
        }
        try (Client p = new Client(new Socket("127.0.0.1", POP3))) {
            p.line();
            String plain = Base64.getEncoder().encodeToString(("\0" + login + "\0" + ItServer.password(login))
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(p.cmd("AUTH PLAIN " + plain)).startsWith("+OK");
            assertThat(p.cmd("STAT")).startsWith("+OK 2 ");
            p.cmd("UIDL 1");
            p.cmd("QUIT");
        }
        assertThat(first).isNotEmpty();
    }

    @Test
    void pop3sAndStls() throws Exception {
        String login = ItServer.user(admin, company, "securepop");
        c.setUserFeature(admin, login, "pop3", true);
        deliver(c.getUser(admin, login).email, "secret");
        SSLContext tls = trustAll();
        try (Client p = new Client(tls.getSocketFactory().createSocket("127.0.0.1", POP3S))) {
            assertThat(p.line()).startsWith("+OK");
            assertThat(p.cmd("CAPA")).startsWith("+OK");
            assertThat(new String(p.multi(), StandardCharsets.US_ASCII)).contains("UIDL").doesNotContain("STLS");
            p.cmd("USER " + login);
            assertThat(p.cmd("PASS " + ItServer.password(login))).startsWith("+OK");
            assertThat(p.cmd("STAT")).startsWith("+OK 1 ");
            p.cmd("QUIT");
        }
        try (Client p = new Client(new Socket("127.0.0.1", POP3))) {
            p.line();
            assertThat(p.cmd("CAPA")).startsWith("+OK");
            assertThat(new String(p.multi(), StandardCharsets.US_ASCII)).contains("STLS");
            assertThat(p.cmd("STLS")).startsWith("+OK");
            SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(p.socket, "127.0.0.1", POP3, true);
            s.startHandshake();
            p.attach(s);
            p.cmd("USER " + login);
            assertThat(p.cmd("PASS " + ItServer.password(login))).startsWith("+OK");
            assertThat(p.cmd("STAT")).startsWith("+OK 1 ");
            p.cmd("QUIT");
        }
    }
}
