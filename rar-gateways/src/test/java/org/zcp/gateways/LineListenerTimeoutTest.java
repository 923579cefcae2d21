package org.zcp.gateways;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.Test;

/** A silent client is logged out after the listener's timeout, with the protocol's farewell. */
class LineListenerTimeoutTest {

    /** No store behind it: the greeting and the timeout need none. */
    static final class NoStore implements MessageEndpointFactory {
        @Override
        public MessageEndpoint createEndpoint(XAResource xa) throws UnavailableException {
            throw new UnavailableException("no store in this test");
        }

        @Override
        public MessageEndpoint createEndpoint(XAResource xa, long timeout) throws UnavailableException {
            throw new UnavailableException("no store in this test");
        }

        @Override
        public boolean isDeliveryTransacted(Method method) {
            return false;
        }

        @Override
        public String getActivationName() {
            return "timeout-test";
        }

        @Override
        public Class<?> getEndpointClass() {
            return Object.class;
        }
    }

    @Test
    void aSilentImapClientIsLoggedOut() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ImapActivationSpec spec = new ImapActivationSpec();
        spec.setBind("127.0.0.1");
        spec.setPort(port);
        spec.setMaxThreads(4);
        spec.setTls("off");
        spec.setTimeout(1);
        spec.validate();
        LineListener listener = new LineListener(new NoStore(), spec);
        listener.start();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("* OK [CAPABILITY IMAP4rev1");
            assertThat(in.readLine()).isEqualTo("* BYE Autologout; idle for too long");
            assertThat(in.readLine()).isNull();
        } finally {
            listener.close();
        }
    }

    @Test
    void defaultsFollowTheRfcs() {
        ImapActivationSpec imap = new ImapActivationSpec();
        Pop3ActivationSpec pop3 = new Pop3ActivationSpec();
        assertThat(imap.getTimeout()).isEqualTo(31 * 60);
        assertThat(pop3.getTimeout()).isEqualTo(10 * 60);
    }
}
