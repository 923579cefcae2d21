package org.zcp.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.zcp.protocols.lmtp.LmtpBackend;
import org.zcp.protocols.lmtp.LmtpSession;

/**
 * Fuzzes an LMTP session (RFC 2033) driven over in-memory streams against a fake store whose
 * answers depend on the address, so every reply path is reachable. Invariants: the session never
 * throws out of its loop except with an IOException for a broken connection (end of input in
 * DATA, an over-long data line); every reply is a well-formed line (three digits, then space or
 * hyphen; no bare CR or LF); the spooled message file of DATA is always deleted.
 */
class LmtpSessionFuzzTest {
    static final Path TMP = tmp();

    static Path tmp() {
        try {
            return Files.createTempDirectory("lmtp-fuzz");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recipients decide the outcome: the first letter picks a status, a 'x' makes the store throw. */
    static final class Store implements LmtpBackend {
        @Override
        public String checkRecipient(String address) {
            return outcome(address);
        }

        @Override
        public String deliver(String recipient, String envelopeFrom, Path message) {
            assertThat(Files.exists(message)).isTrue();
            return outcome(recipient);
        }

        private static String outcome(String address) {
            if (address.startsWith("x")) throw new IllegalStateException("store down");
            if (address.startsWith("q")) return "QUOTA";
            if (address.startsWith("u")) return "UNKNOWN";
            if (address.startsWith("t")) return "TEMPFAIL: busy\r\nwith CRLF";
            if (address.startsWith("n")) return null;
            return "OK";
        }
    }

    @FuzzTest(maxDuration = "10s")
    void sessionAnswersEveryInputWithWellFormedRepliesAndNeverThrows(byte[] input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LmtpSession session = new LmtpSession(new Store(), "mx.test", 4096, TMP, new ByteArrayInputStream(input), out,
                "127.0.0.1");
        try {
            session.run();
        } catch (IOException e) {
            // the connection broke in DATA: the listener closes it
        }
        String replies = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(replies).endsWith("\r\n");
        for (String line : replies.substring(0, replies.length() - 2).split("\r\n", -1)) {
            assertThat(line).matches("[2345][0-9][0-9][ -][^\r\n]*");
        }
        try (Stream<Path> left = Files.list(TMP)) {
            assertThat(left).as("spooled messages left behind").isEmpty();
        }
    }
}
