package org.zcp.protocols.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Whole transactions and the verdict per recipient a spooler acts on. */
@Timeout(10)
class SmtpTransactionTest {
    private final AtomicInteger fetched = new AtomicInteger();
    private final Supplier<InputStream> message = () -> {
        fetched.incrementAndGet();
        return new ByteArrayInputStream("Subject: hi\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
    };

    private SmtpTransaction.Result send(FakeSmtpServer server, String... recipients) throws IOException {
        return SmtpTransaction.send(server.host(), server.port(), "spooler.test", 2000, "john@example.com",
                List.of(recipients), message, 21, false);
    }

    private static Function<String, String> refusing(String address, String reply) {
        return cmd -> cmd.equals("RCPT TO:<" + address + ">") ? reply : null;
    }

    @Test
    void oneRecipientRefusedTheOtherGetsTheMessage() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                refusing("ghost@example.com", "550 5.1.1 <ghost@example.com>: Recipient address rejected"))) {
            SmtpTransaction.Result r = send(server, "ghost@example.com", "mary@example.com");

            assertThat(r.perRecipient()).containsOnlyKeys("ghost@example.com", "mary@example.com");
            assertThat(r.perRecipient().keySet()).containsExactly("ghost@example.com", "mary@example.com");
            assertThat(r.accepted()).containsExactly("mary@example.com");
            assertThat(r.permanentFailures()).containsExactly("ghost@example.com");
            assertThat(r.transientFailures()).isEmpty();
            assertThat(r.perRecipient().get("ghost@example.com"))
                    .hasToString("550 5.1.1 <ghost@example.com>: Recipient address rejected");
            assertThat(r.perRecipient().get("mary@example.com")).as("the final reply, with the queue id")
                    .hasToString("250 2.0.0 Ok: queued as 4ABC123");
            assertThat(server.commands()).containsExactly("EHLO spooler.test", "MAIL FROM:<john@example.com> SIZE=21",
                    "RCPT TO:<ghost@example.com>", "RCPT TO:<mary@example.com>", "DATA", "QUIT");
            assertThat(server.data()).isEqualTo("Subject: hi\r\n\r\nbody\r\n");
        }
    }

    @Test
    void allRecipientsRefusedMeansNoData() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.startsWith("RCPT") ? "550 5.1.1 User unknown" : null)) {
            SmtpTransaction.Result r = send(server, "a@example.com", "b@example.com");

            assertThat(r.accepted()).isEmpty();
            assertThat(r.permanentFailures()).containsExactly("a@example.com", "b@example.com");
            assertThat(fetched).hasValue(0);
            assertThat(server.commands()).doesNotContain("DATA").endsWith("QUIT");
        }
    }

    @Test
    void fourFiftyOneOnRcptIsTransient() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                refusing("busy@example.com", "451 4.3.0 <busy@example.com>: Temporary lookup failure"))) {
            SmtpTransaction.Result r = send(server, "mary@example.com", "busy@example.com");

            assertThat(r.transientFailures()).containsExactly("busy@example.com");
            assertThat(r.accepted()).containsExactly("mary@example.com");
            assertThat(r.permanentFailures()).isEmpty();
            assertThat(r.perRecipient().get("busy@example.com").enhancedCode()).isEqualTo("4.3.0");
        }
    }

    @Test
    void refusedMailFromIsEveryRecipientsAnswer() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                cmd -> cmd.startsWith("MAIL") ? "552 5.3.4 Message size exceeds fixed limit" : null)) {
            SmtpTransaction.Result r = send(server, "a@example.com", "b@example.com");

            assertThat(r.permanentFailures()).containsExactly("a@example.com", "b@example.com");
            assertThat(r.perRecipient().values()).allSatisfy(
                    reply -> assertThat(reply).hasToString("552 5.3.4 Message size exceeds fixed limit"));
            assertThat(server.commands()).noneMatch(c -> c.startsWith("RCPT") || c.equals("DATA"));
            assertThat(fetched).hasValue(0);
        }
    }

    @Test
    void refusedMessageIsTheAnswerForEveryAcceptedRecipient() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> switch (cmd) {
            case "." -> "554 5.7.1 Message rejected: spam";
            case "RCPT TO:<ghost@example.com>" -> "550 5.1.1 User unknown";
            default -> null;
        })) {
            SmtpTransaction.Result r = send(server, "a@example.com", "ghost@example.com", "b@example.com");

            assertThat(r.accepted()).isEmpty();
            assertThat(r.permanentFailures()).containsExactly("a@example.com", "ghost@example.com", "b@example.com");
            assertThat(r.perRecipient().get("a@example.com")).hasToString("554 5.7.1 Message rejected: spam");
            assertThat(r.perRecipient().get("b@example.com")).hasToString("554 5.7.1 Message rejected: spam");
            assertThat(r.perRecipient().get("ghost@example.com")).hasToString("550 5.1.1 User unknown");
        }
    }

    @Test
    void refusedDataCommandIsTheAnswerForEveryAcceptedRecipient() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.equals("DATA") ? "451 4.3.0 Try again" : null)) {
            SmtpTransaction.Result r = send(server, "a@example.com");

            assertThat(r.transientFailures()).containsExactly("a@example.com");
        }
    }

    @Test
    void aRecipientListedTwiceIsNamedOnce() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> null)) {
            SmtpTransaction.Result r = send(server, "a@example.com", "b@example.com", "a@example.com");

            assertThat(r.accepted()).containsExactly("a@example.com", "b@example.com");
            assertThat(server.commands()).filteredOn(c -> c.startsWith("RCPT")).hasSize(2);
            assertThat(fetched).hasValue(1);
        }
    }

    @Test
    void refusedGreetingIsThrownWithItsReply() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start("421 4.3.2 Service not available", cmd -> null)) {
            assertThatThrownBy(() -> send(server, "a@example.com")).isInstanceOfSatisfying(SmtpException.class,
                    e -> assertThat(e.reply().transientFailure()).isTrue());
        }
        try (FakeSmtpServer server = FakeSmtpServer.start("554 5.7.1 Go away", cmd -> null)) {
            assertThatThrownBy(() -> send(server, "a@example.com")).isInstanceOfSatisfying(SmtpException.class,
                    e -> assertThat(e.permanent()).isTrue());
        }
    }

    @Test
    void serverHangingUpMidTransactionIsThrown() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(
                cmd -> cmd.equals("RCPT TO:<b@example.com>") ? FakeSmtpServer.CLOSE : null)) {
            assertThatThrownBy(() -> send(server, "a@example.com", "b@example.com")).isInstanceOf(IOException.class);
            assertThat(fetched).hasValue(0);
        }
    }

    @Test
    void serverHangingUpBeforeTheFinalReplyIsThrown() throws Exception {
        try (FakeSmtpServer server = FakeSmtpServer.start(cmd -> cmd.equals(".") ? FakeSmtpServer.CLOSE : null)) {
            assertThatThrownBy(() -> send(server, "a@example.com")).isInstanceOf(IOException.class);
        }
    }

    @Test
    void nobodyListeningIsThrown() {
        assertThatThrownBy(() -> SmtpTransaction.send("127.0.0.1", SmtpClientTest.unusedPort(), "spooler.test", 2000,
                "john@example.com", List.of("a@example.com"), message, -1, false)).isInstanceOf(IOException.class);
    }

    @Test
    void injectionIsRefusedBeforeConnecting() throws Exception {
        int port = SmtpClientTest.unusedPort();
        assertThatThrownBy(() -> SmtpTransaction.send("127.0.0.1", port, "spooler.test", 2000, "john@example.com",
                List.of("a@example.com", "b@example.com>\r\nRCPT TO:<c@example.com"), message, -1, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpTransaction.send("127.0.0.1", port, "spooler.test", 2000, "john@example.com\n",
                List.of("a@example.com"), message, -1, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpTransaction.send("127.0.0.1", port, "spooler.test", 2000, "john@example.com",
                List.of(), message, -1, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultKeepsRecipientOrderAndCannotBeChanged() {
        java.util.Map<String, SmtpReply> replies = new java.util.LinkedHashMap<>();
        replies.put("z@example.com", new SmtpReply(250, null, "Ok"));
        replies.put("a@example.com", new SmtpReply(452, "4.2.2", "Mailbox full"));
        SmtpTransaction.Result r = new SmtpTransaction.Result(replies);
        replies.clear();

        assertThat(r.perRecipient().keySet()).containsExactly("z@example.com", "a@example.com");
        assertThat(r.transientFailures()).containsExactly("a@example.com");
        assertThatThrownBy(() -> r.perRecipient().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
