package org.zcp.protocols.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SMTP client conversations (RFC 5321, 1870, 6152, 3463) against a scripted server. */
@Timeout(10)
class SmtpClientTest {
    private static final int TIMEOUT = 2000;

    private static SmtpClient connect(FakeSmtpServer server) throws IOException {
        return SmtpClient.connect(server.host(), server.port(), "client.test", TIMEOUT);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The message after DATA as the server received it, before its closing dot. */
    private static String transmitted(InputStream message) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> null)) {
            try (SmtpClient client = connect(server)) {
                client.mailFrom("a@b.test", -1, true);
                client.rcptTo("c@d.test");
                assertThat(client.data(message).code()).isEqualTo(250);
                client.quit();
            }
            assertThat(server.dataComplete()).isTrue();
            return server.data();
        }
    }

    @Test
    void happyPathDeclaresSizeAndEightBitBecauseTheServerOffersThem() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> null)) {
            try (SmtpClient client = connect(server)) {
                assertThat(client.greeting()).hasToString("220 mx.test ESMTP Postfix");
                assertThat(client.extensions()).containsKeys("PIPELINING", "SIZE", "8BITMIME", "ENHANCEDSTATUSCODES");
                assertThat(client.sizeLimit()).isEqualTo(10240000);

                assertThat(client.mailFrom("john@example.com", 1234, true)).hasToString("250 2.1.0 Ok");
                assertThat(client.rcptTo("mary@example.com").positive()).isTrue();
                SmtpReply end = client.data(text("Subject: hi\r\n\r\nbody\r\n"));
                assertThat(end.code()).isEqualTo(250);
                assertThat(end.enhancedCode()).isEqualTo("2.0.0");
                assertThat(end.text()).isEqualTo("Ok: queued as 4ABC123");
                client.quit();
            }
            assertThat(server.commands()).containsExactly("EHLO client.test",
                    "MAIL FROM:<john@example.com> SIZE=1234 BODY=8BITMIME", "RCPT TO:<mary@example.com>", "DATA", "QUIT");
            assertThat(server.data()).isEqualTo("Subject: hi\r\n\r\nbody\r\n");
        }
    }

    @Test
    void bounceWithoutExtensionsHasAnEmptyReversePathAndNoParameters() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("EHLO") ? "250 mx.test" : null)) {
            try (SmtpClient client = connect(server)) {
                assertThat(client.extensions()).isEmpty();
                assertThat(client.sizeLimit()).isEqualTo(-1);
                client.mailFrom("", 1234, true);
                client.quit();
            }
            assertThat(server.commands()).containsExactly("EHLO client.test", "MAIL FROM:<>", "QUIT");
        }
    }

    @Test
    void sizeIsLeftOutWhenUnknownAndSizeWithoutLimitReadsAsZero() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("EHLO") ? "250-mx.test\r\n250 size" : null)) {
            try (SmtpClient client = connect(server)) {
                assertThat(client.sizeLimit()).isZero();
                assertThat(client.supports("Size")).isTrue();
                client.mailFrom("a@b.test", -1, false);
                client.mailFrom("a@b.test", 0, false);
                client.quit();
            }
            assertThat(server.commands()).containsSubsequence("MAIL FROM:<a@b.test>", "MAIL FROM:<a@b.test> SIZE=0");
        }
    }

    @Test
    void ehloRefusedWithFiveHundredFallsBackToHelo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                cmd -> cmd.startsWith("EHLO") ? "502 5.5.2 Error: command not recognized" : null)) {
            try (SmtpClient client = connect(server)) {
                assertThat(client.extensions()).isEmpty();
                client.mailFrom("a@b.test", 99, true);
                client.quit();
            }
            assertThat(server.commands()).containsExactly("EHLO client.test", "HELO client.test", "MAIL FROM:<a@b.test>",
                    "QUIT");
        }
    }

    @Test
    void heloRefusedToo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                cmd -> cmd.startsWith("EHLO") || cmd.startsWith("HELO") ? "550 5.7.1 Go away" : null)) {
            assertThatThrownBy(() -> connect(server)).isInstanceOfSatisfying(SmtpException.class,
                    e -> assertThat(e.reply()).hasToString("550 5.7.1 Go away"));
            assertThat(server.commands()).containsExactly("EHLO client.test", "HELO client.test", "QUIT");
        }
    }

    @Test
    void ehloRefusedTemporarilyIsNotRetriedWithHelo() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                cmd -> cmd.startsWith("EHLO") ? "421 4.3.2 Service shutting down" : null)) {
            assertThatThrownBy(() -> connect(server)).isInstanceOfSatisfying(SmtpException.class, e -> {
                assertThat(e.reply().transientFailure()).isTrue();
                assertThat(e.permanent()).isFalse();
            });
            assertThat(server.commands()).doesNotContain("HELO client.test");
        }
    }

    @Test
    void multiLineReplyIsOneReplyWithTheEnhancedCodeTakenOffEveryLine() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.contains("ghost")
                ? "550-5.1.1 <ghost@example.com>: Recipient address rejected:\r\n550-5.1.1 User unknown in\r\n"
                        + "550 5.1.1 virtual mailbox table"
                : null)) {
            try (SmtpClient client = connect(server)) {
                client.mailFrom("a@b.test", -1, false);
                SmtpReply r = client.rcptTo("ghost@example.com");

                assertThat(r.code()).isEqualTo(550);
                assertThat(r.enhancedCode()).isEqualTo("5.1.1");
                assertThat(r.text()).isEqualTo(
                        "<ghost@example.com>: Recipient address rejected:\nUser unknown in\nvirtual mailbox table");
                assertThat(r).hasToString(
                        "550 5.1.1 <ghost@example.com>: Recipient address rejected: User unknown in virtual mailbox table");
                assertThat(client.rcptTo("mary@example.com").positive()).as("still in step").isTrue();
                client.quit();
            }
        }
    }

    @Test
    void continuationWithAnotherCodeIsAProtocolError() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("MAIL") ? "250-Ok\r\n550 No" : null)) {
            try (SmtpClient client = connect(server)) {
                assertThatThrownBy(() -> client.mailFrom("a@b.test", -1, false)).isInstanceOf(SmtpException.class)
                        .hasMessageContaining("multi-line");
                assertThatThrownBy(() -> client.rcptTo("c@d.test")).isInstanceOf(IOException.class)
                        .hasMessageContaining("closed");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"hello there", "25O ok", "2500 ok", "250ok", "", "150 wait", "<html>"})
    void malformedReplyLineFailsAtOnce(String line) throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("EHLO") ? line : null)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> connect(server)).isInstanceOfSatisfying(SmtpException.class,
                    e -> assertThat(e.reply()).isNull()).hasMessageContaining("malformed");
            assertThat(System.nanoTime() - start).isLessThan(TIMEOUT * 1_000_000L / 2);
        }
    }

    @Test
    void replyOfCodeAloneIsValid() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("MAIL") ? "250" : null)) {
            try (SmtpClient client = connect(server)) {
                SmtpReply r = client.mailFrom("a@b.test", -1, false);
                assertThat(r).isEqualTo(new SmtpReply(250, null, ""));
                assertThat(r).hasToString("250");
                client.quit();
            }
        }
    }

    @Test
    void dotStuffingAndEveryLineEndBecomingCrlf() throws Exception {
        String sent = transmitted(text(".leading dot\nbare LF\rbare CR\r\nCRLF\n..two dots\n.\nx.y\n"
                + "Gr\u00fc\u00dfe \u00ff\u0000\r\r\nno line end"));

        assertThat(sent).isEqualTo("..leading dot\r\nbare LF\r\nbare CR\r\nCRLF\r\n...two dots\r\n..\r\nx.y\r\n"
                + "Gr\u00fc\u00dfe \u00ff\u0000\r\n\r\nno line end\r\n");
    }

    @Test
    void messageArrivingOneByteAtATimeIsEncodedTheSame() throws Exception {
        String message = "a\r\n.b\r\n\r\n.\r\nend\r";
        InputStream trickle = new InputStream() {
            private final InputStream in = text(message);

            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, Math.min(len, 1));
            }
        };

        assertThat(transmitted(trickle)).isEqualTo("a\r\n..b\r\n\r\n..\r\nend\r\n");
    }

    @Test
    void largeMessageCrossingBufferBoundariesKeepsCrlfPairsTogether() throws Exception {
        String line = "x".repeat(8190) + "\r\n";
        String message = (line + ".dot\r\n").repeat(20);

        String sent = transmitted(text(message));

        assertThat(sent).isEqualTo((line + "..dot\r\n").repeat(20));
    }

    @Test
    void emptyMessageIsJustTheClosingDot() throws Exception {
        assertThat(transmitted(text(""))).isEmpty();
    }

    @Test
    void refusedDataReturnsTheRefusalWithoutReadingTheMessage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                cmd -> cmd.equals("DATA") ? "554 5.5.1 Error: no valid recipients" : null)) {
            try (SmtpClient client = connect(server)) {
                client.mailFrom("a@b.test", -1, false);
                InputStream untouchable = new InputStream() {
                    @Override
                    public int read() {
                        throw new AssertionError("message read although DATA was refused");
                    }
                };
                assertThat(client.data(untouchable)).hasToString("554 5.5.1 Error: no valid recipients");
                client.quit();
            }
            assertThat(server.commands()).endsWith("DATA", "QUIT");
        }
    }

    @Test
    void unreadableMessageAbortsTheConnectionSoNothingTruncatedIsDelivered() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> null)) {
            try (SmtpClient client = connect(server)) {
                client.mailFrom("a@b.test", -1, false);
                client.rcptTo("c@d.test");
                InputStream failing = new InputStream() {
                    private int n;

                    @Override
                    public int read() throws IOException {
                        if (n++ < 10) return 'x';
                        throw new IOException("disk gone");
                    }
                };
                assertThatThrownBy(() -> client.data(failing)).hasMessage("disk gone");
                assertThatThrownBy(() -> client.rset()).hasMessageContaining("closed");
            }
            assertThat(server.dataComplete()).isFalse();
        }
    }

    @Test
    void greeting421IsATransientRefusalAndNoEhloIsSent() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start("421 4.3.2 mx.test Service not available", cmd -> null)) {
            assertThatThrownBy(() -> connect(server)).isInstanceOfSatisfying(SmtpException.class, e -> {
                assertThat(e.reply().code()).isEqualTo(421);
                assertThat(e.reply().transientFailure()).isTrue();
                assertThat(e.permanent()).isFalse();
            });
            assertThat(server.commands()).doesNotContain("EHLO client.test");
        }
    }

    @Test
    void greeting554IsPermanentAndTheClientSaysQuit() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start("554 5.7.1 No SMTP service here", cmd -> null)) {
            assertThatThrownBy(() -> connect(server)).isInstanceOfSatisfying(SmtpException.class,
                    e -> assertThat(e.permanent()).isTrue());
            assertThat(server.commands()).containsExactly("QUIT");
        }
    }

    @Test
    void serverHangingUpMidTransactionIsAnIoErrorNotAHang() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("RCPT") ? FakeSmtpServer.CLOSE : null)) {
            try (SmtpClient client = connect(server)) {
                client.mailFrom("a@b.test", -1, false);
                assertThatThrownBy(() -> client.rcptTo("c@d.test")).isInstanceOf(IOException.class);
                assertThatThrownBy(() -> client.data(text("x"))).isInstanceOf(IOException.class);
                client.quit();
            }
        }
    }

    @Test
    void serverHangingUpInTheMiddleOfAMultiLineReply() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                cmd -> cmd.startsWith("EHLO") ? "250-mx.test\r\n250-SIZE 100\r\n" + FakeSmtpServer.CLOSE : null)) {
            assertThatThrownBy(() -> connect(server)).isInstanceOf(EOFException.class)
                    .hasMessageContaining("middle of a reply");
        }
    }

    @Test
    void silentServerRunsIntoTheReadTimeout() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("MAIL") ? FakeSmtpServer.SILENT : null)) {
            try (SmtpClient client = SmtpClient.connect(server.host(), server.port(), "client.test", 300)) {
                assertThatThrownBy(() -> client.mailFrom("a@b.test", -1, false))
                        .isInstanceOf(SocketTimeoutException.class);
            }
        }
    }

    @Test
    void rsetAndQuitThatNeverThrows() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.equals("QUIT") ? FakeSmtpServer.CLOSE : null)) {
            SmtpClient client = connect(server);
            client.mailFrom("a@b.test", -1, false);
            client.rset();
            client.quit();
            client.quit();
            client.close();
            assertThat(server.commands()).containsExactly("EHLO client.test", "MAIL FROM:<a@b.test>", "RSET", "QUIT");
        }
    }

    @Test
    void refusedRsetIsAnError() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.equals("RSET") ? "421 4.4.2 Bye" : null)) {
            try (SmtpClient client = connect(server)) {
                assertThatThrownBy(client::rset).isInstanceOfSatisfying(SmtpException.class,
                        e -> assertThat(e.reply().code()).isEqualTo(421));
            }
        }
    }

    @Test
    void addressesThatCouldInjectCommandsAreRejectedBeforeAnythingIsSent() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> null)) {
            try (SmtpClient client = connect(server)) {
                assertThatThrownBy(() -> client.rcptTo("evil@x.test>\r\nRCPT TO:<other@y.test"))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> client.rcptTo("evil@x.test\nDATA")).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> client.rcptTo("a<b@x.test")).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> client.rcptTo("")).isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> client.mailFrom("a@b.test> SIZE=1", -1, false))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThatThrownBy(() -> client.mailFrom("a@b.test\r", -1, false))
                        .isInstanceOf(IllegalArgumentException.class);
                client.quit();
            }
            assertThat(server.commands()).containsExactly("EHLO client.test", "QUIT");
        }
    }

    @Test
    void heloNameThatCouldInjectIsRejectedBeforeConnecting() throws Exception {
        int nobodyListens = unusedPort();
        assertThatThrownBy(() -> SmtpClient.connect("127.0.0.1", nobodyListens, "client.test\r\nMAIL FROM:<x@y>", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpClient.connect("127.0.0.1", nobodyListens, "", TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpClient.connect("127.0.0.1", nobodyListens, "client.test", TIMEOUT))
                .isInstanceOf(ConnectException.class);
    }

    static int unusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
