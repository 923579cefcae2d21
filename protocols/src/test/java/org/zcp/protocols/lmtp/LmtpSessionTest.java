package org.zcp.protocols.lmtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.protocols.tls.TlsUpgrade;

/** LMTP transcripts (RFC 2033) against an in-memory store. */
class LmtpSessionTest {
    @TempDir
    Path tmp;

    /** john and mary exist; full is over quota; flaky fails temporarily. */
    final class Store implements LmtpBackend {
        final Map<String, List<String>> boxes = new HashMap<>();
        final List<String> order = new ArrayList<>();

        @Override
        public String checkRecipient(String address) {
            return switch (address) {
                case "john@example.com", "mary@example.com", "full@example.com", "flaky@example.com" -> "OK";
                case "down@example.com" -> "TEMPFAIL";
                default -> "UNKNOWN";
            };
        }

        @Override
        public String deliver(String recipient, String envelopeFrom, Path message) {
            if (recipient.startsWith("full")) return "QUOTA";
            if (recipient.startsWith("flaky")) throw new IllegalStateException("database down");
            try {
                boxes.computeIfAbsent(recipient, k -> new ArrayList<>())
                        .add(Files.readString(message, StandardCharsets.ISO_8859_1));
                order.add(recipient);
                return "OK";
            } catch (java.io.IOException e) {
                return "TEMPFAIL:" + e.getMessage();
            }
        }
    }

    final Store store = new Store();

    private List<String> converse(String input) throws Exception {
        return converse(input, 0);
    }

    private List<String> converse(String input, long maxSize) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LmtpSession(store, "mx.test", maxSize, tmp,
                new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), out, "127.0.0.1").run();
        return List.of(out.toString(StandardCharsets.UTF_8).split("\r\n"));
    }

    @Test
    void oneReplyPerRecipientAfterDataInRcptOrder() throws Exception {
        List<String> r = converse("LHLO client\r\nMAIL FROM:<a@b.c>\r\nRCPT TO:<mary@example.com>\r\n"
                + "RCPT TO:<john@example.com>\r\nDATA\r\nSubject: hi\r\n\r\nbody\r\n.\r\nQUIT\r\n");

        assertThat(r).containsExactly("220 mx.test LMTP service ready", "250-mx.test", "250-PIPELINING",
                "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250 SIZE", "250 2.1.0 Ok", "250 2.1.5 Ok", "250 2.1.5 Ok",
                "354 End data with <CR><LF>.<CR><LF>", "250 2.1.5 <mary@example.com> Delivered",
                "250 2.1.5 <john@example.com> Delivered", "221 2.0.0 mx.test closing connection");
        assertThat(store.order).containsExactly("mary@example.com", "john@example.com");
        String stored = store.boxes.get("john@example.com").get(0);
        assertThat(stored).startsWith("Return-Path: <a@b.c>\r\nReceived: from client (127.0.0.1)\r\n")
                .contains("with LMTP").endsWith("Subject: hi\r\n\r\nbody\r\n");
    }

    @Test
    void addressesWithControlCharactersAreRefusedWithoutEchoingThem() throws Exception {
        // found by fuzzing (LmtpSessionFuzzTest): a bare CR in the address broke the reply line
        List<String> r = converse("LHLO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<jo\rhn@example.com>\r\nRCPT TO:x\u0001y@z\r\n");

        assertThat(r).endsWith("501 5.5.4 Syntax: RCPT TO:<address>", "501 5.5.4 Syntax: RCPT TO:<address>");
    }

    @Test
    void recipientsBeyondTheLimitOfOneTransactionGet452() throws Exception {
        StringBuilder in = new StringBuilder("LHLO c\r\nMAIL FROM:<a@b>\r\n");
        for (int i = 0; i <= LmtpSession.MAX_RECIPIENTS; i++) in.append("RCPT TO:<john@example.com>\r\n");
        List<String> r = converse(in.append("QUIT\r\n").toString());

        assertThat(r.stream().filter(l -> l.equals("250 2.1.5 Ok")).count()).isEqualTo(LmtpSession.MAX_RECIPIENTS);
        assertThat(r).containsSubsequence("250 2.1.5 Ok", "452 4.5.3 Too many recipients",
                "221 2.0.0 mx.test closing connection");
    }

    @Test
    void unknownRecipientIsRefusedAtRcptAndTheOthersStillGetIt() throws Exception {
        List<String> r = converse("LHLO c\r\nMAIL FROM:<>\r\nRCPT TO:<ghost@example.com>\r\nRCPT TO:<john@example.com>\r\n"
                + "DATA\r\nx\r\n.\r\n");

        assertThat(r).contains("550 5.1.1 <ghost@example.com>: Recipient address rejected: User unknown",
                "250 2.1.5 <john@example.com> Delivered");
        assertThat(r.stream().filter(l -> l.startsWith("250 2.1.5 <")).count()).isEqualTo(1);
    }

    @Test
    void fullMailboxGets552AndATemporaryFailure451WhileTheOtherRecipientIsServed() throws Exception {
        List<String> r = converse("LHLO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<full@example.com>\r\nRCPT TO:<flaky@example.com>\r\n"
                + "RCPT TO:<mary@example.com>\r\nRCPT TO:<down@example.com>\r\nDATA\r\nx\r\n.\r\n");

        assertThat(r).contains("451 4.3.0 <down@example.com>: Temporary lookup failure",
                "552 5.2.2 <full@example.com>: Mailbox full, quota exceeded",
                "451 4.2.0 <flaky@example.com>: Mailbox temporarily unavailable",
                "250 2.1.5 <mary@example.com> Delivered");
        assertThat(store.boxes).containsOnlyKeys("mary@example.com");
    }

    @Test
    void dotStuffingIsUndoneAndEightBitDataPassesUnchanged() throws Exception {
        converse("LHLO c\r\nMAIL FROM:<a@b> BODY=8BITMIME\r\nRCPT TO:<john@example.com>\r\nDATA\r\n"
                + "..leading dot\r\nGr\u00fc\u00dfe\nbare LF line\r\n.\r\n");

        assertThat(store.boxes.get("john@example.com").get(0))
                .endsWith("\r\n.leading dot\r\nGr\u00fc\u00dfe\r\nbare LF line\r\n");
    }

    @Test
    void commandsOutOfOrderAndMalformedLinesGetErrorsAndTheSessionGoesOn() throws Exception {
        List<String> r = converse("MAIL FROM:<a@b>\r\nHELO x\r\nLHLO\r\nLHLO c\r\nRCPT TO:<john@example.com>\r\n"
                + "DATA\r\nMAIL FROM:a@b\r\nMAIL FROM:<a@b>\r\nRCPT john\r\nDATA\r\nBOGUS\r\n\r\n"
                + "MAIL FROM:<a@b> FOO=1\r\nRSET\r\nNOOP\r\nVRFY john\r\n" + "X".repeat(5000) + "\r\nQUIT\r\n");

        assertThat(r).containsSubsequence("503 5.5.1 Error: send LHLO first", "500 5.5.1 This is an LMTP server: use LHLO",
                "501 5.5.4 Syntax: LHLO hostname", "250 SIZE", "503 5.5.1 Error: need MAIL command",
                "503 5.5.1 Error: need MAIL command", "250 2.1.0 Ok", "503 5.5.1 Error: nested MAIL command",
                "501 5.5.4 Syntax: RCPT TO:<address>", "503 5.5.1 Error: no valid recipients",
                "500 5.5.2 Error: command not recognized", "500 5.5.2 Error: bad syntax",
                "503 5.5.1 Error: nested MAIL command", "250 2.0.0 Ok", "250 2.0.0 Ok", "252 2.5.2 Cannot VRFY user, but will accept message for delivery",
                "500 5.5.2 Line too long", "221 2.0.0 mx.test closing connection");
    }

    @Test
    void aCommandLineOfExactly4096OctetsIsAnsweredAndOneOctetMoreIsRefused() throws Exception {
        // issue 10: LMTP refused a line of exactly its limit plus CRLF
        String fits = "NOOP " + "x".repeat(LmtpSession.MAX_LINE - 5);
        List<String> r = converse(fits + "\r\n" + fits + "x\r\nQUIT\r");

        assertThat(r).containsExactly("220 mx.test LMTP service ready", "250 2.0.0 Ok", "500 5.5.2 Line too long",
                "221 2.0.0 mx.test closing connection");
    }

    @Test
    void aDataLineOverTheLimitIsReadToTheEndAndRefusedWithAReplyThenTheSessionGoesOn() throws Exception {
        // issue 9: hostile input gets a clear answer, not a closed connection
        List<String> r = converse("LHLO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<john@example.com>\r\nDATA\r\nSubject: "
                + "x".repeat(LmtpSession.MAX_DATA_LINE + 10) + "\r\n\r\nbody\r\n.\r\n"
                + "MAIL FROM:<a@b>\r\nRCPT TO:<john@example.com>\r\nDATA\r\nSubject: fine\r\n\r\nok\r\n.\r\nQUIT\r\n");

        assertThat(r).containsSubsequence("354 End data with <CR><LF>.<CR><LF>",
                "554 5.6.0 <john@example.com>: Message has a line longer than 1048576 octets", "250 2.1.0 Ok",
                "250 2.1.5 <john@example.com> Delivered");
        assertThat(store.boxes.get("john@example.com")).hasSize(1).allSatisfy(m -> assertThat(m).contains("Subject: fine"));
    }

    @Test
    void sizeLimitRefusesAtMailAndAfterData() throws Exception {
        List<String> r = converse("LHLO c\r\nMAIL FROM:<a@b> SIZE=5000\r\nMAIL FROM:<a@b> SIZE=10\r\n"
                + "RCPT TO:<john@example.com>\r\nDATA\r\n" + "y".repeat(200) + "\r\n.\r\n", 100);

        assertThat(r).contains("250 SIZE 100", "552 5.3.4 Message size exceeds fixed maximum message size",
                "552 5.3.4 <john@example.com>: Message too big");
        assertThat(store.boxes).isEmpty();
    }

    /**
     * Stands in for the TLS handshake: the "encrypted" side of the connection is a second pair of
     * streams, so a transcript shows what went over plaintext and what over TLS.
     */
    static final class FakeTls implements TlsUpgrade {
        final String tlsInput;
        final ByteArrayOutputStream tlsOut = new ByteArrayOutputStream();
        int upgrades;

        FakeTls(String tlsInput) {
            this.tlsInput = tlsInput;
        }

        @Override
        public Streams upgrade() throws IOException {
            upgrades++;
            if (tlsInput == null) throw new javax.net.ssl.SSLHandshakeException("no cipher suites in common");
            return new Streams(new ByteArrayInputStream(tlsInput.getBytes(StandardCharsets.ISO_8859_1)), tlsOut);
        }

        List<String> transcript() {
            return lines(tlsOut);
        }
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        String s = out.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\r\n"));
    }

    /** The plaintext part of the conversation; the part after the upgrade is in {@code tls}. */
    private List<String> converse(String plain, FakeTls tls) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LmtpSession(store, "mx.test", 0, tmp,
                new ByteArrayInputStream(plain.getBytes(StandardCharsets.ISO_8859_1)), out, "127.0.0.1", tls).run();
        return lines(out);
    }

    @Test
    void starttlsIsAdvertisedAndAfterTheUpgradeTheClientStartsOverWithLhlo() throws Exception {
        FakeTls tls = new FakeTls("MAIL FROM:<a@b>\r\nLHLO client\r\nSTARTTLS\r\nMAIL FROM:<a@b>\r\n"
                + "RCPT TO:<john@example.com>\r\nDATA\r\nSubject: secret\r\n\r\nbody\r\n.\r\nQUIT\r\n");

        List<String> plain = converse("LHLO client\r\nSTARTTLS\r\n", tls);

        assertThat(plain).containsExactly("220 mx.test LMTP service ready", "250-mx.test", "250-PIPELINING",
                "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-STARTTLS", "250 SIZE", "220 2.0.0 Ready to start TLS");
        assertThat(tls.upgrades).isEqualTo(1);
        // no second greeting; LHLO is needed again; STARTTLS is neither advertised nor accepted again
        assertThat(tls.transcript()).containsExactly("503 5.5.1 Error: send LHLO first", "250-mx.test",
                "250-PIPELINING", "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250 SIZE", "503 5.5.1 TLS already active",
                "250 2.1.0 Ok", "250 2.1.5 Ok", "354 End data with <CR><LF>.<CR><LF>",
                "250 2.1.5 <john@example.com> Delivered", "221 2.0.0 mx.test closing connection");
        assertThat(store.boxes.get("john@example.com").get(0)).contains("with LMTPS;").endsWith("body\r\n");
    }

    @Test
    void envelopeStateFromBeforeStarttlsIsGoneAfterTheUpgrade() throws Exception {
        FakeTls tls = new FakeTls("LHLO c\r\nRCPT TO:<john@example.com>\r\nDATA\r\n");

        List<String> plain = converse("LHLO c\r\nMAIL FROM:<a@b>\r\nRSET\r\nSTARTTLS\r\n", tls);

        assertThat(plain).endsWith("250 2.0.0 Ok", "220 2.0.0 Ready to start TLS");
        assertThat(tls.transcript()).containsExactly("250-mx.test", "250-PIPELINING", "250-ENHANCEDSTATUSCODES",
                "250-8BITMIME", "250 SIZE", "503 5.5.1 Error: need MAIL command", "503 5.5.1 Error: need MAIL command");
    }

    @Test
    void plaintextPipelinedBehindStarttlsIsDiscardedNotReadAsIfItCameThroughTls() throws Exception {
        // CVE-2011-0411: an attacker in the middle appends commands to the client's STARTTLS packet
        FakeTls tls = new FakeTls("LHLO c\r\nRCPT TO:<john@example.com>\r\nQUIT\r\n");

        List<String> plain = converse("LHLO c\r\nSTARTTLS\r\nMAIL FROM:<evil@attacker>\r\n"
                + "RCPT TO:<john@example.com>\r\nDATA\r\ninjected\r\n.\r\n", tls);

        assertThat(plain).last().isEqualTo("220 2.0.0 Ready to start TLS");
        assertThat(tls.transcript()).containsExactly("250-mx.test", "250-PIPELINING", "250-ENHANCEDSTATUSCODES",
                "250-8BITMIME", "250 SIZE", "503 5.5.1 Error: need MAIL command",
                "221 2.0.0 mx.test closing connection");
        assertThat(store.boxes).isEmpty();
    }

    @Test
    void starttlsWithParametersOrInsideATransactionIsRefusedAndTheSessionGoesOnInPlaintext() throws Exception {
        FakeTls tls = new FakeTls("");

        List<String> plain = converse("LHLO c\r\nSTARTTLS now\r\nMAIL FROM:<a@b>\r\nSTARTTLS\r\n"
                + "RCPT TO:<john@example.com>\r\nQUIT\r\n", tls);

        assertThat(plain).containsSubsequence("250 SIZE", "501 5.5.4 Syntax error (no parameters allowed)",
                "250 2.1.0 Ok", "503 5.5.1 Error: STARTTLS not allowed during a mail transaction", "250 2.1.5 Ok",
                "221 2.0.0 mx.test closing connection");
        assertThat(tls.upgrades).isZero();
    }

    @Test
    void withoutAnUpgradeStarttlsIsNeitherAdvertisedNorKnown() throws Exception {
        List<String> r = converse("LHLO c\r\nSTARTTLS\r\nQUIT\r\n");

        assertThat(r).doesNotContain("250-STARTTLS")
                .containsSubsequence("250 SIZE", "500 5.5.2 Error: command not recognized",
                        "221 2.0.0 mx.test closing connection");
    }

    @Test
    void aFailedHandshakeEndsTheSession() {
        FakeTls tls = new FakeTls(null);

        assertThatThrownBy(() -> converse("LHLO c\r\nSTARTTLS\r\nQUIT\r\n", tls))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        assertThat(tls.upgrades).isEqualTo(1);
    }

    @Test
    void pathArgumentsAreParsedStrictly() {
        assertThat(LmtpSession.pathArgument("FROM:<a@b.c>", "FROM:")).isEqualTo("a@b.c");
        assertThat(LmtpSession.pathArgument("from: <a@b.c> SIZE=1", "FROM:")).isEqualTo("a@b.c");
        assertThat(LmtpSession.pathArgument("TO:<@relay:u@h>", "TO:")).isEqualTo("u@h");
        assertThat(LmtpSession.pathArgument("FROM:<>", "FROM:")).isEmpty();
        assertThat(LmtpSession.pathArgument("FROM:<a@b", "FROM:")).isNull();
        assertThat(LmtpSession.pathArgument("TO <a@b>", "TO:")).isNull();
    }
}
