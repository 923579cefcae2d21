package org.zcp.protocols.pop3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.tls.TlsUpgrade;

/** POP3 transcripts (RFC 1939, 2449, 2595, 5034) against an in-memory maildrop. */
class Pop3SessionTest {
    static final String M1 = "From: a@example.com\r\nSubject: one\r\n\r\nHello\r\n.dot line\r\n..two dots\r\nend\r\n";
    /** 8-bit body with a dot line; bytes as ISO-8859-1 so each char is one octet. */
    static final String M2 = "Subject: zwei\r\n\r\nGr\u00fc\u00dfe\r\nline2\r\n.line3\r\nline4\r\n";
    static final String M3 = "Subject: three\r\n\r\nno final newline";
    static final long TOTAL = M1.length() + M2.length() + M3.length();
    static final String LOGIN = "USER john\r\nPASS secret pw\r\n";
    static final String HELLO = "+OK pop.test POP3 gateway ready";
    static final String BYE = "+OK pop.test POP3 server signing off";

    /** john's maildrop with three messages; his password has a space in it. */
    static final class Store implements Pop3Backend {
        final Map<String, byte[]> messages = new LinkedHashMap<>();
        final List<String> logins = new ArrayList<>();
        final List<List<String>> deletes = new ArrayList<>();
        final List<String> logouts = new ArrayList<>();
        final Set<String> broken = new HashSet<>();
        final Set<String> gone = new HashSet<>();
        boolean deleteFails;
        boolean deleteThrows;
        boolean loginThrows;
        boolean unavailable;
        boolean listThrows;

        Store() {
            messages.put("uid-1", M1.getBytes(StandardCharsets.ISO_8859_1));
            messages.put("uid-2", M2.getBytes(StandardCharsets.ISO_8859_1));
            messages.put("uid-3", M3.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public Login login(String user, String password, String peer, boolean tls) {
            logins.add(user + "@" + peer + (tls ? " tls" : ""));
            if (loginThrows) throw new IllegalStateException("database down: jdbc://secret");
            if (unavailable) return new Login(Status.UNAVAILABLE, null, "store stopped");
            return user.equals("john") && password.equals("secret pw") ? new Login(Status.OK, "box-john", null)
                    : new Login(Status.DENIED, null, "wrong password");
        }

        @Override
        public List<Entry> list(String mailbox) {
            if (listThrows) throw new IllegalStateException("database down: jdbc://secret");
            return messages.entrySet().stream().map(e -> new Entry(e.getKey(), e.getValue().length)).toList();
        }

        @Override
        public byte[] retrieve(String mailbox, String uid) {
            if (broken.contains(uid)) throw new IllegalStateException("database down: jdbc://secret");
            return gone.contains(uid) ? null : messages.get(uid);
        }

        @Override
        public boolean delete(String mailbox, List<String> uids) {
            deletes.add(uids);
            if (deleteThrows) throw new IllegalStateException("database down: jdbc://secret");
            return !deleteFails;
        }

        @Override
        public void logout(String mailbox) {
            logouts.add(mailbox);
        }
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
            return lines(tlsOut.toString(StandardCharsets.ISO_8859_1));
        }
    }

    final Store store = new Store();
    /** Plaintext logins allowed, so the transcripts need no STLS; the tests of the default say so. */
    Pop3Session.Options options = new Pop3Session.Options(false, 20, 3);

    private String raw(String input, FakeTls tls, boolean tlsActive) throws IOException {
        return raw(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), tls, tlsActive);
    }

    private String raw(InputStream input, FakeTls tls, boolean tlsActive) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Pop3Session(store, "pop.test", options, input, out, "192.0.2.7", tls, tlsActive).run();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private List<String> converse(String input) throws IOException {
        return lines(raw(input, null, false));
    }

    private List<String> converse(String input, FakeTls tls) throws IOException {
        return lines(raw(input, tls, false));
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\r\n"));
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String stat3() {
        return "+OK maildrop has 3 messages (" + TOTAL + " octets)";
    }

    // ---- greeting, CAPA ----

    @Test
    void greetingAndCapabilitiesBeforeLogin() throws Exception {
        List<String> r = converse("CAPA\r\nQUIT\r\n", new FakeTls(""));

        assertThat(r).containsExactly(HELLO, "+OK Capability list follows", "TOP", "UIDL", "USER", "SASL PLAIN",
                "STLS", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION ZCP", ".", BYE);
        assertThat(store.logins).isEmpty();
        assertThat(store.logouts).isEmpty();
    }

    @Test
    void capabilitiesAreTheSameAfterLoginAsRfc2449Requires() throws Exception {
        List<String> r = converse(LOGIN + "capa\r\n", new FakeTls(""));

        assertThat(r).containsSubsequence(stat3(), "+OK Capability list follows", "TOP", "UIDL", "USER",
                "SASL PLAIN", "STLS", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION ZCP", ".");
    }

    @Test
    void withPlaintextDisabledNoLoginIsOfferedOrAcceptedBeforeTls() throws Exception {
        options = new Pop3Session.Options(true, 20, 3);

        List<String> r = converse("CAPA\r\nUSER john\r\nPASS secret pw\r\nAUTH PLAIN " + b64("\0john\0secret pw")
                + "\r\nAUTH PLAIN\r\nAUTH\r\nQUIT\r\n", new FakeTls(""));

        assertThat(r).containsExactly(HELLO, "+OK Capability list follows", "TOP", "UIDL", "STLS", "RESP-CODES",
                "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION ZCP", ".", Pop3Session.PLAINTEXT_DISALLOWED,
                Pop3Session.PLAINTEXT_DISALLOWED, Pop3Session.PLAINTEXT_DISALLOWED, Pop3Session.PLAINTEXT_DISALLOWED,
                "+OK", ".", BYE);
        assertThat(store.logins).isEmpty();
    }

    @Test
    void afterStlsPlaintextLoginIsAllowedAndStlsNoLongerOffered() throws Exception {
        options = new Pop3Session.Options(true, 20, 3);
        FakeTls tls = new FakeTls("CAPA\r\nSTLS\r\n" + LOGIN + "STAT\r\nQUIT\r\n");

        List<String> plain = converse("USER john\r\nSTLS\r\n", tls);

        assertThat(plain).containsExactly(HELLO, Pop3Session.PLAINTEXT_DISALLOWED, "+OK Begin TLS negotiation");
        assertThat(tls.upgrades).isEqualTo(1);
        // no second greeting (RFC 2595 section 4); the client asks CAPA again
        assertThat(tls.transcript()).containsExactly("+OK Capability list follows", "TOP", "UIDL", "USER",
                "SASL PLAIN", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION ZCP", ".",
                "-ERR Command not permitted when TLS active", "+OK send PASS", stat3(), "+OK 3 " + TOTAL,
                "+OK pop.test POP3 server signing off (3 messages left)");
        assertThat(store.logins).containsExactly("john@192.0.2.7 tls");
    }

    @Test
    void plaintextPipelinedBehindStlsIsDiscardedNotReadAsIfItCameThroughTls() throws Exception {
        // CVE-2011-0411: an attacker in the middle appends commands to the client's STLS packet
        FakeTls tls = new FakeTls("STAT\r\nQUIT\r\n");

        List<String> plain = converse("STLS\r\n" + LOGIN + "DELE 1\r\nQUIT\r\n", tls);

        assertThat(plain).last().isEqualTo("+OK Begin TLS negotiation");
        assertThat(tls.transcript()).containsExactly("-ERR STAT not allowed before login", BYE);
        assertThat(store.logins).isEmpty();
        assertThat(store.deletes).isEmpty();
    }

    @Test
    void stlsWithArgumentsIsRefusedAndTheSessionGoesOnInPlaintext() throws Exception {
        FakeTls tls = new FakeTls("");

        List<String> r = converse("STLS now\r\nQUIT\r\n", tls);

        assertThat(r).containsExactly(HELLO, "-ERR syntax: STLS", BYE);
        assertThat(tls.upgrades).isZero();
    }

    @Test
    void withoutAnUpgradeStlsIsNeitherAdvertisedNorKnown() throws Exception {
        List<String> r = converse("CAPA\r\nSTLS\r\nQUIT\r\n");

        assertThat(r).doesNotContain("STLS").containsSubsequence("IMPLEMENTATION ZCP", ".", "-ERR unknown command", BYE);
    }

    @Test
    void aFailedHandshakeEndsTheSession() {
        FakeTls tls = new FakeTls(null);

        assertThatThrownBy(() -> converse("STLS\r\nQUIT\r\n", tls))
                .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        assertThat(tls.upgrades).isEqualTo(1);
    }

    @Test
    void implicitTlsAllowsPlaintextLoginAndDoesNotOfferStls() throws Exception {
        options = new Pop3Session.Options(true, 20, 3);

        List<String> r = lines(raw("CAPA\r\nSTLS\r\n" + LOGIN + "QUIT\r\n", null, true));

        assertThat(r).containsExactly(HELLO, "+OK Capability list follows", "TOP", "UIDL", "USER", "SASL PLAIN",
                "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "IMPLEMENTATION ZCP", ".", "-ERR unknown command",
                "+OK send PASS", stat3(), "+OK pop.test POP3 server signing off (3 messages left)");
        assertThat(store.logins).containsExactly("john@192.0.2.7 tls");
    }

    // ---- USER/PASS, AUTH PLAIN ----

    @Test
    void userAndPassLogInAndQuitWithoutDeleCallsNoDelete() throws Exception {
        List<String> r = converse(LOGIN + "QUIT\r\n");

        assertThat(r).containsExactly(HELLO, "+OK send PASS", stat3(),
                "+OK pop.test POP3 server signing off (3 messages left)");
        assertThat(store.logins).containsExactly("john@192.0.2.7");
        assertThat(store.deletes).isEmpty();
        assertThat(store.logouts).containsExactly("box-john");
    }

    @Test
    void commandsAreCaseInsensitive() throws Exception {
        List<String> r = converse("user john\r\nPaSs secret pw\r\nstat\r\nQuit\r\n");

        assertThat(r).containsExactly(HELLO, "+OK send PASS", stat3(), "+OK 3 " + TOTAL,
                "+OK pop.test POP3 server signing off (3 messages left)");
    }

    @Test
    void aWrongPasswordKeepsTheAuthorizationStateAndTheThirdFailureDisconnects() throws Exception {
        List<String> r = converse("USER john\r\nPASS wrong\r\nSTAT\r\nPASS secret pw\r\nUSER john\r\nPASS bad\r\n"
                + "USER nobody\r\nPASS x\r\n" + LOGIN);

        assertThat(r).containsExactly(HELLO, "+OK send PASS", "-ERR [AUTH] Authentication failed",
                "-ERR STAT not allowed before login", "-ERR send USER first", "+OK send PASS",
                "-ERR [AUTH] Authentication failed", "+OK send PASS", "-ERR [AUTH] Authentication failed",
                "-ERR [AUTH] Too many authentication failures");
        assertThat(store.logins).hasSize(3);
        assertThat(store.logouts).isEmpty();
    }

    @Test
    void authPlainWithAnInitialResponse() throws Exception {
        List<String> r = converse("AUTH PLAIN " + b64("\0john\0secret pw") + "\r\nSTAT\r\nQUIT\r\n");

        assertThat(r).containsExactly(HELLO, stat3(), "+OK 3 " + TOTAL,
                "+OK pop.test POP3 server signing off (3 messages left)");
        assertThat(store.logins).containsExactly("john@192.0.2.7");
    }

    @Test
    void authPlainWithAContinuationAndAnAuthorizationIdentityEqualToTheUser() throws Exception {
        List<String> r = converse("auth plain\r\n" + b64("john\0john\0secret pw") + "\r\nQUIT\r\n");

        assertThat(r).containsExactly(HELLO, "+ ", stat3(), "+OK pop.test POP3 server signing off (3 messages left)");
    }

    @Test
    void authCanBeCancelledAndMalformedResponsesAreRefused() throws Exception {
        List<String> r = converse("AUTH PLAIN\r\n*\r\nAUTH PLAIN !!!\r\nAUTH PLAIN\r\nnot base64!\r\nAUTH PLAIN\r\n\r\n"
                + "AUTH PLAIN " + b64("john\0secret pw") + "\r\nAUTH PLAIN " + b64("\0john\0") + "\r\nAUTH PLAIN =\r\n"
                + "AUTH CRAM-MD5\r\nAUTH\r\nAUTH PLAIN " + b64("mary\0john\0secret pw") + "\r\nQUIT\r\n");

        assertThat(r).containsExactly(HELLO, "+ ", "-ERR authentication cancelled",
                "-ERR invalid base64 in authentication response", "+ ",
                "-ERR invalid base64 in authentication response", "+ ", "-ERR invalid PLAIN authentication response",
                "-ERR invalid PLAIN authentication response", "-ERR invalid PLAIN authentication response",
                "-ERR invalid PLAIN authentication response", "-ERR unsupported authentication mechanism", "+OK",
                "PLAIN", ".", "-ERR [AUTH] Authentication failed", BYE);
        assertThat(store.logins).isEmpty();
    }

    @Test
    void aStoreThatIsAwayAtLoginEndsTheSessionWithSysTemp() throws Exception {
        store.unavailable = true;
        assertThat(converse(LOGIN + "STAT\r\n")).containsExactly(HELLO, "+OK send PASS",
                "-ERR [SYS/TEMP] Server unavailable, try again later");

        store.unavailable = false;
        store.loginThrows = true;
        String r = raw("AUTH PLAIN " + b64("\0john\0secret pw") + "\r\nSTAT\r\n", null, false);
        assertThat(lines(r)).containsExactly(HELLO, "-ERR [SYS/TEMP] Server unavailable, try again later");
        assertThat(r).doesNotContain("database", "secret");
        assertThat(store.logouts).isEmpty();
    }

    @Test
    void aMaildropThatCannotBeListedEndsTheSessionAndReleasesTheHandle() throws Exception {
        store.listThrows = true;

        assertThat(converse(LOGIN + "STAT\r\n")).containsExactly(HELLO, "+OK send PASS",
                "-ERR [SYS/TEMP] Cannot open the maildrop, try again later");
        assertThat(store.logouts).containsExactly("box-john");
    }

    // ---- TRANSACTION ----

    @Test
    void statListAndUidl() throws Exception {
        List<String> r = converse(LOGIN + "STAT\r\nLIST\r\nLIST 2\r\nUIDL\r\nUIDL 3\r\nNOOP\r\n");

        assertThat(r).containsExactly(HELLO, "+OK send PASS", stat3(), "+OK 3 " + TOTAL, stat3(),
                "1 " + M1.length(), "2 " + M2.length(), "3 " + M3.length(), ".", "+OK 2 " + M2.length(),
                "+OK unique-id listing follows", "1 uid-1", "2 uid-2", "3 uid-3", ".", "+OK 3 uid-3", "+OK");
    }

    @Test
    void retrSendsTheExactOctetsDotStuffedAndEightBitClean() throws Exception {
        String r = raw(LOGIN + "RETR 1\r\nRETR 2\r\nRETR 3\r\nQUIT\r\n", null, false);

        assertThat(r).contains("+OK " + M1.length() + " octets\r\n"
                + "From: a@example.com\r\nSubject: one\r\n\r\nHello\r\n..dot line\r\n...two dots\r\nend\r\n.\r\n"
                + "+OK " + M2.length() + " octets\r\n"
                + "Subject: zwei\r\n\r\nGr\u00fc\u00dfe\r\nline2\r\n..line3\r\nline4\r\n.\r\n"
                // a message without a final line end still gets the terminator on a line of its own
                + "+OK " + M3.length() + " octets\r\nSubject: three\r\n\r\nno final newline\r\n.\r\n"
                + "+OK pop.test");
    }

    @Test
    void topSendsTheHeaderTheBlankLineAndTheRequestedBodyLines() throws Exception {
        String r = raw(LOGIN + "TOP 1 0\r\nTOP 2 2\r\nTOP 1 99\r\nTOP 3 1\r\nTOP 2 99999999999999999999\r\n", null,
                false);

        assertThat(r).contains("+OK top of message follows\r\nFrom: a@example.com\r\nSubject: one\r\n\r\n.\r\n"
                + "+OK top of message follows\r\nSubject: zwei\r\n\r\nGr\u00fc\u00dfe\r\nline2\r\n.\r\n"
                + "+OK top of message follows\r\n"
                + "From: a@example.com\r\nSubject: one\r\n\r\nHello\r\n..dot line\r\n...two dots\r\nend\r\n.\r\n"
                + "+OK top of message follows\r\nSubject: three\r\n\r\nno final newline\r\n.\r\n"
                + "+OK top of message follows\r\nSubject: zwei\r\n\r\nGr\u00fc\u00dfe\r\nline2\r\n..line3\r\nline4\r\n"
                + ".\r\n");
    }

    @Test
    void topLengthHandlesMessagesWithoutABodyOrWithBareLineFeeds() {
        byte[] headersOnly = "Subject: x\r\nFrom: y\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] lf = "A: b\n\nbody1\nbody2\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(Pop3Session.topLength(headersOnly, 5)).isEqualTo(headersOnly.length);
        assertThat(Pop3Session.topLength(lf, 0)).isEqualTo("A: b\n\n".length());
        assertThat(Pop3Session.topLength(lf, 1)).isEqualTo("A: b\n\nbody1\n".length());
        assertThat(Pop3Session.topLength(new byte[0], 3)).isZero();
    }

    @Test
    void deletedMessagesDisappearFromListingsAndCannotBeReadUntilRset() throws Exception {
        List<String> r = converse(LOGIN + "DELE 2\r\nDELE 2\r\nSTAT\r\nLIST\r\nUIDL\r\nLIST 2\r\nUIDL 2\r\nRETR 2\r\n"
                + "TOP 2 0\r\nRSET\r\nLIST 2\r\nSTAT\r\nQUIT\r\n");

        long rest = M1.length() + M3.length();
        assertThat(r).containsExactly(HELLO, "+OK send PASS", stat3(), "+OK message 2 deleted",
                "-ERR message 2 already deleted", "+OK 2 " + rest, "+OK maildrop has 2 messages (" + rest + " octets)",
                "1 " + M1.length(), "3 " + M3.length(), ".", "+OK unique-id listing follows", "1 uid-1", "3 uid-3", ".",
                "-ERR message 2 already deleted", "-ERR message 2 already deleted", "-ERR message 2 already deleted",
                "-ERR message 2 already deleted", stat3(), "+OK 2 " + M2.length(), "+OK 3 " + TOTAL,
                "+OK pop.test POP3 server signing off (3 messages left)");
        assertThat(store.deletes).isEmpty();
    }

    @Test
    void quitDeletesExactlyTheMarkedMessages() throws Exception {
        List<String> r = converse(LOGIN + "DELE 3\r\nDELE 1\r\nQUIT\r\n");

        assertThat(r).endsWith("+OK message 3 deleted", "+OK message 1 deleted",
                "+OK pop.test POP3 server signing off (2 messages deleted)");
        assertThat(store.deletes).containsExactly(List.of("uid-1", "uid-3"));
        assertThat(store.logouts).containsExactly("box-john");
    }

    @Test
    void aFailedDeleteAtQuitIsReportedAsTemporary() throws Exception {
        store.deleteFails = true;
        assertThat(converse(LOGIN + "DELE 1\r\nQUIT\r\n")).last()
                .isEqualTo("-ERR [SYS/TEMP] Some deleted messages not removed, try again later");

        store.deleteFails = false;
        store.deleteThrows = true;
        String r = raw(LOGIN + "DELE 2\r\nQUIT\r\nNOOP\r\n", null, false);
        assertThat(lines(r)).last().isEqualTo("-ERR [SYS/TEMP] Some deleted messages not removed, try again later");
        assertThat(r).doesNotContain("database");
        assertThat(store.deletes).containsExactly(List.of("uid-1"), List.of("uid-2"));
        assertThat(store.logouts).containsExactly("box-john", "box-john");
    }

    @Test
    void aStoreFailureDuringRetrIsTemporaryAndTheSessionGoesOn() throws Exception {
        store.broken.add("uid-2");

        String r = raw(LOGIN + "RETR 2\r\nTOP 2 0\r\nRETR 3\r\nQUIT\r\n", null, false);

        assertThat(lines(r)).containsSubsequence(stat3(), "-ERR [SYS/TEMP] Cannot read the message, try again later",
                "-ERR [SYS/TEMP] Cannot read the message, try again later", "+OK " + M3.length() + " octets",
                "no final newline", ".", "+OK pop.test POP3 server signing off (3 messages left)");
        assertThat(r).doesNotContain("database");
    }

    @Test
    void aMessageGoneFromTheStoreIsReportedAndTheSessionGoesOn() throws Exception {
        store.gone.add("uid-1");

        List<String> r = converse(LOGIN + "RETR 1\r\nNOOP\r\n");

        assertThat(r).endsWith("-ERR message 1 no longer exists", "+OK");
    }

    @Test
    void invalidMessageNumbersAndArgumentsAreRefused() throws Exception {
        List<String> r = converse(LOGIN + "RETR\r\nRETR x\r\nRETR 0\r\nRETR 4\r\nRETR -1\r\nRETR +1\r\nRETR 1 2\r\n"
                + "LIST 99999999999999999999\r\nTOP 1\r\nTOP 1 -1\r\nTOP 1 x\r\nDELE 1x\r\nSTAT x\r\nUIDL 0\r\n"
                + "NOOP\r\n");

        assertThat(r).containsExactly(HELLO, "+OK send PASS", stat3(), "-ERR syntax: RETR msg",
                "-ERR invalid message number", "-ERR invalid message number",
                "-ERR no such message, only 3 messages in maildrop", "-ERR invalid message number",
                "-ERR invalid message number", "-ERR syntax: RETR msg",
                "-ERR no such message, only 3 messages in maildrop", "-ERR syntax: TOP msg lines",
                "-ERR invalid number of lines", "-ERR invalid number of lines", "-ERR invalid message number",
                "-ERR syntax: STAT", "-ERR invalid message number", "+OK");
    }

    // ---- robustness ----

    @Test
    void commandsInTheWrongStateAndUnknownCommandsGetErrorsAndTheSessionGoesOn() throws Exception {
        List<String> r = converse("STAT\r\nLIST\r\nRETR 1\r\nDELE 1\r\nNOOP\r\nRSET\r\nTOP 1 1\r\nUIDL\r\nAPOP john x\r\n"
                + "\r\n" + LOGIN + "USER john\r\nPASS secret pw\r\nAUTH PLAIN\r\nSTLS\r\nXYZZY\r\nNOOP\r\n", new FakeTls(""));

        assertThat(r).containsExactly(HELLO, "-ERR STAT not allowed before login", "-ERR LIST not allowed before login",
                "-ERR RETR not allowed before login", "-ERR DELE not allowed before login",
                "-ERR NOOP not allowed before login", "-ERR RSET not allowed before login",
                "-ERR TOP not allowed before login", "-ERR UIDL not allowed before login", "-ERR unknown command",
                "-ERR unknown command", "+OK send PASS", stat3(), "-ERR USER not allowed after login",
                "-ERR PASS not allowed after login", "-ERR AUTH not allowed after login",
                "-ERR STLS not allowed after login", "-ERR unknown command", "+OK");
        assertThat(store.logins).hasSize(1);
    }

    @Test
    void commandLinesOverTheRfc2449LimitAreRefusedAndTheSessionGoesOn() throws Exception {
        // 255 octets with the CRLF fit; one more does not
        String fits = "USER " + "a".repeat(253 - 5);
        String tooLong = fits + "a";

        List<String> r = converse("X".repeat(5000) + "\r\n" + fits + "\r\n" + tooLong + "\r\n" + tooLong + "\n"
                + tooLong + "\r\nQUIT\r\n");

        assertThat(r).containsExactly(HELLO, "-ERR line too long", "+OK send PASS", "-ERR line too long",
                "-ERR line too long", "-ERR line too long", BYE);
    }

    @Test
    void tooManyBadCommandsInARowCloseTheConnection() throws Exception {
        options = new Pop3Session.Options(false, 3);

        List<String> r = converse("A\r\nB\r\nC\r\nCAPA\r\nD\r\nE\r\nF\r\nG\r\nCAPA\r\n");

        assertThat(r).containsSubsequence(HELLO, "-ERR unknown command", "-ERR unknown command", "-ERR unknown command",
                "IMPLEMENTATION ZCP", ".", "-ERR unknown command", "-ERR unknown command", "-ERR unknown command",
                "-ERR unknown command", "-ERR too many errors");
        assertThat(r).last().isEqualTo("-ERR too many errors");
        assertThat(r.stream().filter(l -> l.equals("+OK Capability list follows")).count()).isEqualTo(1);
    }

    @Test
    void theEndOfInputEndsTheSessionQuietlyWithoutDeleting() throws Exception {
        List<String> r = converse(LOGIN + "DELE 1\r\n");

        assertThat(r).last().isEqualTo("+OK message 1 deleted");
        assertThat(store.deletes).isEmpty();
        assertThat(store.logouts).containsExactly("box-john");

        assertThat(converse("USER john\r\n")).containsExactly(HELLO, "+OK send PASS");
        assertThat(store.logouts).hasSize(1);
    }

    @Test
    void anUnterminatedLastLineIsStillACommand() throws Exception {
        assertThat(converse("QUIT")).containsExactly(HELLO, BYE);
    }

    @Test
    void aReadTimeoutEndsTheSessionWithoutDeleting() throws Exception {
        InputStream timesOut = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new SocketTimeoutException("Read timed out");
            }
        };
        InputStream in = new SequenceInputStream(
                new ByteArrayInputStream((LOGIN + "DELE 1\r\n").getBytes(StandardCharsets.US_ASCII)), timesOut);

        List<String> r = lines(raw(in, null, false));

        assertThat(r).endsWith("+OK message 1 deleted", "-ERR disconnected for inactivity");
        assertThat(store.deletes).isEmpty();
        assertThat(store.logouts).containsExactly("box-john");
    }

    @Test
    void passwordsAndSaslResponsesNeverReachTheLog() throws Exception {
        Logger log = Logger.getLogger(Pop3Session.class.getName());
        List<String> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record.getMessage() + " " + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Level before = log.getLevel();
        log.setLevel(Level.ALL);
        log.addHandler(capture);
        try {
            String plain = b64("\0john\0secret pw");
            converse("USER john\r\nPASS wrong pw\r\nAUTH PLAIN " + plain + "\r\nQUIT\r\n");
            converse("AUTH PLAIN\r\n" + plain + "\r\nQUIT\r\n");
            converse("secret pw\r\nQUIT\r\n");
            assertThat(records).isNotEmpty().anyMatch(m -> m.contains("PASS ***"))
                    .anyMatch(m -> m.contains("AUTH PLAIN ***"))
                    .noneMatch(m -> m.contains("secret") || m.contains("wrong pw") || m.contains(plain));
        } finally {
            log.removeHandler(capture);
            log.setLevel(before);
        }
    }

    @Test
    void numbersAreDigitsOnly() {
        assertThat(Pop3Session.number("1", 1)).isEqualTo(1);
        assertThat(Pop3Session.number("007", 1)).isEqualTo(7);
        assertThat(Pop3Session.number("0", 0)).isZero();
        assertThat(Pop3Session.number("0", 1)).isEqualTo(-1);
        assertThat(Pop3Session.number("", 0)).isEqualTo(-1);
        assertThat(Pop3Session.number("+1", 0)).isEqualTo(-1);
        assertThat(Pop3Session.number("1e3", 0)).isEqualTo(-1);
        assertThat(Pop3Session.number("123456789012345678901234", 0)).isEqualTo(Integer.MAX_VALUE);
    }
}
