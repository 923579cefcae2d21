package org.zcp.protocols.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Raw IMAP transcripts for the security review's findings: literals before login (#1), spooled
 * APPEND, passwords before STARTTLS, keywords on the wire (#15) and log injection (#23).
 */
class ImapHardeningTest {
    final FakeImapBackend store = new FakeImapBackend();

    ImapHardeningTest() {
        store.box("INBOX", List.of(), 1000, 1);
    }

    String run(String input, ImapSession.Options options, String peer) throws IOException {
        return run(input.getBytes(StandardCharsets.ISO_8859_1), options, peer);
    }

    String run(byte[] input, ImapSession.Options options, String peer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImapSession(store, "imap.test", options, new ByteArrayInputStream(input), out, peer, null, false).run();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    static ImapSession.Options plaintext() {
        return new ImapSession.Options(false, 10, 128L * 1024 * 1024, 1);
    }

    static List<String> lines(String transcript) {
        return List.of(transcript.split("\r\n", -1));
    }

    @Test
    void aHugeLiteralPlusBeforeLoginIsAnsweredAtOnceWithBadAndBye() throws IOException {
        // R1: the data never comes; the answer must not wait for it
        String out = run("a LOGIN {134217000+}\r\n", plaintext(), "192.0.2.1");
        assertThat(lines(out)).containsSequence("a BAD [TOOBIG] Literal too large", "* BYE [TOOBIG] Literal too large");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void aLargeSynchronizingLiteralBeforeLoginIsRefusedWithoutContinuation() throws IOException {
        String out = run("a LOGIN {9000}\r\nb LOGOUT\r\n", plaintext(), "192.0.2.1");
        assertThat(lines(out)).containsSequence("a NO [TOOBIG] Literal too large",
                "* BYE imap.test IMAP4rev1 server signing off");
        assertThat(out).doesNotContain("+ Ready");
    }

    @Test
    void aLargeAppendIsSpooledAndStoredIntactAndItsFileIsGoneAfterwards() throws IOException {
        byte[] body = ("Subject: big\r\n\r\n" + "y".repeat(2 * 1024 * 1024) + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        Set<Path> before = spoolFiles();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(("l LOGIN john \"secret pw\"\r\na APPEND INBOX {" + body.length + "+}\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        wire.writeBytes(body);
        wire.writeBytes("\r\nb LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
        String out = run(wire.toByteArray(), plaintext(), "192.0.2.1");
        assertThat(lines(out)).contains("a OK [APPENDUID 1000 1] APPEND completed");
        assertThat(store.boxes.get("INBOX").msgs.get(0).data).isEqualTo(body);
        assertThat(spoolFiles()).isEqualTo(before);
    }

    static Set<Path> spoolFiles() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return Set.copyOf(s.filter(p -> p.getFileName().toString().startsWith("imap-literal-")).toList());
        }
    }

    @Test
    void byDefaultPasswordsAreRefusedBeforeStarttlsFromANonLoopbackAddress() throws IOException {
        String out = run("a CAPABILITY\r\nl LOGIN john \"secret pw\"\r\nm AUTHENTICATE PLAIN AGpvaG4Ac2VjcmV0IHB3\r\n",
                ImapSession.Options.defaults(), "192.0.2.1");
        assertThat(out).contains(" LOGINDISABLED").doesNotContain("AUTH=PLAIN");
        String refused = " NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure connections";
        assertThat(lines(out)).contains("l" + refused, "m" + refused);
        assertThat(store.calls).isEmpty();
    }

    @Test
    void byDefaultLoopbackCountsAsSecure() throws IOException {
        for (String peer : List.of("127.0.0.1", "0:0:0:0:0:0:0:1")) {
            String out = run("l LOGIN john \"secret pw\"\r\n", ImapSession.Options.defaults(), peer);
            assertThat(out).contains("AUTH=PLAIN").doesNotContain("LOGINDISABLED").contains("l OK [CAPABILITY");
        }
    }

    @Test
    void theListenersLoginHookRunsOnlyAfterASuccessfulLogin() throws IOException {
        // the listener lifts the pre-login timeout and the per-address count here (review #12)
        List<String> events = new ArrayList<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImapSession(store, "imap.test", plaintext(), new ByteArrayInputStream(
                "a LOGIN john wrong\r\nb LOGIN john \"secret pw\"\r\nc NOOP\r\n".getBytes(StandardCharsets.US_ASCII)),
                out, "192.0.2.1", null, false).onLogin(() -> events.add("login at " + out.size())).run();
        String transcript = out.toString(StandardCharsets.US_ASCII);
        assertThat(events).containsExactly("login at " + transcript.indexOf("b OK"));
    }

    @Test
    void keywordsThatAreNotAtomsNeverReachTheWire() throws IOException {
        // R15: categories set over SOAP, with spaces, parentheses, brackets and CRLF
        store.deliver("INBOX", "Subject: x\r\n\r\nx\r\n", Set.of("\\Seen", "Work",
                "x)) \r\n* BYE [ALERT] injected\r\n* 1 FETCH ((", "two words", "(paren", "br]acket", "\\Bad flag"), 1L);
        String out = run("l LOGIN john \"secret pw\"\r\ns SELECT INBOX\r\nf FETCH 1 FLAGS\r\n", plaintext(), "192.0.2.1");
        assertThat(lines(out)).contains("* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Work)",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Work \\*)] Flags permitted",
                "* 1 FETCH (FLAGS (\\Seen Work))");
        assertThat(out).doesNotContain("injected").doesNotContain("words").doesNotContain("paren")
                .doesNotContain("acket").doesNotContain("Bad");
    }

    @Test
    void aUserNameWithCrLfIsEscapedInTheLog() throws IOException {
        // R23
        String user = "x\r\n[WARN ] forged: admin logged in from 10.0.0.1";
        List<String> log = new ArrayList<>();
        Handler h = new Handler() {
            @Override
            public void publish(LogRecord r) {
                log.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level old = ImapSession.LOG.getLevel();
        ImapSession.LOG.addHandler(h);
        ImapSession.LOG.setLevel(Level.ALL);
        try {
            run("a LOGIN {" + user.length() + "+}\r\n" + user + " pw\r\n", plaintext(), "192.0.2.1");
        } finally {
            ImapSession.LOG.removeHandler(h);
            ImapSession.LOG.setLevel(old);
        }
        assertThat(log).contains("login of x\\r\\n[WARN ] forged: admin logged in from 10.0.0.1 from 192.0.2.1 refused:"
                + " bad password");
        assertThat(log).allSatisfy(line -> assertThat(line).doesNotContain("\r").doesNotContain("\n"));
    }

    @Test
    void aRevokedLoginEndsTheSessionWithByeInsteadOfNo() throws IOException {
        // issue 9 item 4: the store ended the session (user deactivated, new password, ...)
        store.revoked = true;
        String out = run("a LOGIN john \"secret pw\"\r\nb SELECT INBOX\r\nc NOOP\r\n", plaintext(), "127.0.0.1");
        assertThat(lines(out)).anySatisfy(l -> assertThat(l).startsWith("* BYE [EXPIRED]"));
        assertThat(out).doesNotContain("b NO").doesNotContain("c OK");
    }
}
