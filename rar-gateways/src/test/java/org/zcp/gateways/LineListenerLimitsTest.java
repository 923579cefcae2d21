package org.zcp.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.imap.ImapBackend;

/** Per-address limit and login timeout of the IMAP/POP3 listeners over real sockets (review #12). */
class LineListenerLimitsTest {
    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    static LineListener imap(int port, int perAddress, int loginTimeout) throws Exception {
        ImapActivationSpec spec = new ImapActivationSpec();
        spec.setBind("127.0.0.1");
        spec.setPort(port);
        spec.setMaxThreads(100);
        spec.setMaxPerAddress(perAddress);
        // every address of these tests is a loopback one (127.0.0.1, 127.0.0.2)
        spec.setLimitLoopback(true);
        spec.setLoginTimeout(loginTimeout);
        spec.setTls("off");
        spec.validate();
        LineListener listener = new LineListener(new LineListenerTimeoutTest.NoStore(), spec);
        listener.start();
        return listener;
    }

    /** A client connection from {@code local} (every 127.x address is loopback on Linux). */
    static Socket connect(String local, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(local), 0));
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        s.setSoTimeout(10_000);
        return s;
    }

    static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
    }

    @Test
    void the21stConnectionFromOneAddressIsAnsweredWithByeWhileAnotherAddressStillGetsIn() throws Exception {
        int port = freePort();
        LineListener listener = imap(port, 20, 60);
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Socket s = connect("127.0.0.1", port);
                held.add(s);
                // each greeting proves the connection holds a slot before the next one comes
                assertThat(reader(s).readLine()).startsWith("* OK [CAPABILITY IMAP4rev1");
            }
            try (Socket extra = connect("127.0.0.1", port)) {
                BufferedReader in = reader(extra);
                assertThat(in.readLine())
                        .isEqualTo("* BYE [UNAVAILABLE] Too many connections from your address, try again later");
                assertThat(in.readLine()).isNull();
            }
            try (Socket other = connect("127.0.0.2", port)) {
                assertThat(reader(other).readLine()).startsWith("* OK [CAPABILITY IMAP4rev1");
            }
        } finally {
            for (Socket s : held) s.close();
            listener.close();
        }
    }

    @Test
    void aClientThatDoesNotLogInIsLoggedOutAfterTheLoginTimeoutNotTheIdleTimeout() throws Exception {
        int port = freePort();
        LineListener listener = imap(port, 20, 1);
        try (Socket s = connect("127.0.0.1", port)) {
            long start = System.nanoTime();
            BufferedReader in = reader(s);
            assertThat(in.readLine()).startsWith("* OK [CAPABILITY IMAP4rev1");
            assertThat(in.readLine()).isEqualTo("* BYE Autologout; idle for too long");
            assertThat(in.readLine()).isNull();
            // the idle timeout is 31 minutes; the 10 s socket timeout above would have failed first
            assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(10);
        } finally {
            listener.close();
        }
    }

    @Test
    void aClientThatTricklesCommandsIsStillClosedAtTheLoginDeadline() throws Exception {
        int port = freePort();
        LineListener listener = imap(port, 20, 2);
        try (Socket s = connect("127.0.0.1", port)) {
            BufferedReader in = reader(s);
            assertThat(in.readLine()).startsWith("* OK [CAPABILITY IMAP4rev1");
            // a NOOP every 500 ms keeps the read timeout from firing; the deadline still ends it
            String line = "";
            for (int i = 0; i < 40 && line != null; i++) {
                try {
                    s.getOutputStream().write(("n" + i + " NOOP\r\n").getBytes(StandardCharsets.US_ASCII));
                    line = in.readLine();
                } catch (IOException e) {
                    line = null;
                }
                if (line != null) Thread.sleep(500);
            }
            assertThat(line).isNull();
        } finally {
            listener.close();
        }
    }

    /** A store where every login succeeds; no other call is needed here. */
    static final class LoginStore implements MessageEndpointFactory {
        @Override
        public MessageEndpoint createEndpoint(XAResource xa) {
            return (MessageEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {MessageEndpoint.class, ImapBackend.class}, (proxy, method, args) ->
                            switch (method.getName()) {
                                case "login" -> new ImapBackend.Login(ImapBackend.Status.OK, "h1", null);
                                case "release", "logout", "beforeDelivery", "afterDelivery" -> null;
                                default -> throw new UnsupportedOperationException(method.getName());
                            });
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa, long timeout) {
            return createEndpoint(xa);
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "login-test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Object.class;
        }
    }

    @Test
    void afterLoginTheLoginTimeoutAndDeadlineNoLongerApply() throws Exception {
        int port = freePort();
        ImapActivationSpec spec = new ImapActivationSpec();
        spec.setBind("127.0.0.1");
        spec.setPort(port);
        spec.setMaxThreads(4);
        spec.setLoginTimeout(1);
        spec.setTls("off");
        spec.validate();
        LineListener listener = new LineListener(new LoginStore(), spec);
        listener.start();
        try (Socket s = connect("127.0.0.1", port)) {
            BufferedReader in = reader(s);
            assertThat(in.readLine()).startsWith("* OK [CAPABILITY IMAP4rev1");
            s.getOutputStream().write("l LOGIN john pw\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("l OK [CAPABILITY");
            // past both the 1 s login timeout and the 2 s deadline: a positive check follows
            Thread.sleep(3_000);
            s.getOutputStream().write("n NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(in.readLine()).isEqualTo("n OK NOOP completed");
        } finally {
            listener.close();
        }
    }
}
