package org.zcp.protocols.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zcp.protocols.imap.mime.MimeStructure;
import org.zcp.protocols.tls.TlsUpgrade;

/** IMAP transcripts (RFC 3501 and the announced extensions) against an in-memory store. */
class ImapSessionTest {
    static final String M1 = "From: Alice <alice@example.com>\r\nTo: john@example.com\r\nSubject: Hello\r\n"
            + "Date: Mon, 7 Feb 1994 21:52:25 -0800\r\nMessage-ID: <1@example.com>\r\n\r\nHello John\r\n";
    static final String M2 = "From: bob@example.org\r\nSubject: Report\r\nDate: Tue, 1 Mar 2022 10:00:00 +0000\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
            + "Content-Type: text/plain\r\n\r\nPart one\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>two</p>\r\n--b1--\r\n";
    static final String M3 = "From: carol@example.net\r\nSubject: Big news\r\n\r\n" + "x".repeat(2000) + "\r\n";
    static final String CAPS = "IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN ENABLE IDLE ID NAMESPACE UIDPLUS MOVE UNSELECT"
            + " CHILDREN SPECIAL-USE CONDSTORE QRESYNC ESEARCH";
    static final String LOGIN = "l LOGIN john \"secret pw\"\r\n";
    static final String SELECT = LOGIN + "s SELECT INBOX\r\n";

    final FakeImapBackend store = new FakeImapBackend();

    ImapSessionTest() {
        store.box("INBOX", List.of(), 1000, 11);
        store.box("Sent", List.of("\\Sent"), 1001, 1);
        store.box("Archive", List.of(), 1002, 1);
        store.box("Archive/2023", List.of(), 1003, 1).subscribed = false;
        store.deliver("INBOX", M1, Set.of("\\Seen"), date("2020-01-01T08:00:00Z"));
        store.deliver("INBOX", M2, Set.of(), date("2022-03-01T10:00:00Z"));
        store.boxes.get("INBOX").nextUid = 15;
        store.deliver("INBOX", M3, Set.of("\\Flagged"), date("2024-06-15T23:30:00Z"));
    }

    static long date(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    static ImapSession.Options options() {
        return new ImapSession.Options(false, 3, 100_000, 1);
    }

    String run(String input) throws IOException {
        return run(input, options(), null, false);
    }

    String run(String input, ImapSession.Options options, TlsUpgrade tls, boolean tlsActive) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImapSession(store, "imap.test", options, new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)),
                out, "192.0.2.1", tls, tlsActive).run();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The output after the lines of LOGIN and SELECT. */
    String selected(String commands) throws IOException {
        String out = run(SELECT + commands);
        return out.substring(out.indexOf("s OK [READ-WRITE] SELECT completed\r\n") + 36);
    }

    static String fetch(String prefix, String literal, String suffix) {
        return prefix + "{" + literal.length() + "}\r\n" + literal + suffix;
    }

    // ---- not authenticated ----

    @Test
    void greetingCapabilityAndLogout() throws IOException {
        assertThat(run("a CAPABILITY\r\nb LOGOUT\r\n")).isEqualTo("* OK [CAPABILITY " + CAPS
                + "] imap.test IMAP4rev1 gateway ready\r\n* CAPABILITY " + CAPS + "\r\na OK CAPABILITY completed\r\n"
                + "* BYE imap.test IMAP4rev1 server signing off\r\nb OK LOGOUT completed\r\n");
    }

    @Test
    void withoutImapCapabilityIdleThereIsNoIdle() throws IOException {
        String out = run("a CAPABILITY\r\n" + LOGIN + "i IDLE\r\n", new ImapSession.Options(false, 5, 1000, 1, false),
                null, false);
        assertThat(out.lines().filter(l -> l.contains("CAPABILITY"))).allSatisfy(l -> assertThat(l).doesNotContain(" IDLE"));
        assertThat(out).contains("i BAD");
    }

    @Test
    void loginDisabledWithoutTls() throws IOException {
        String out = run("a CAPABILITY\r\n" + LOGIN, new ImapSession.Options(true, 5, 1000, 1), () -> null, false);
        assertThat(out).contains("* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR LOGINDISABLED STARTTLS ENABLE")
                .contains("l NO [PRIVACYREQUIRED] Plaintext authentication disallowed").doesNotContain("AUTH=PLAIN");
        assertThat(store.calls).isEmpty();
    }

    @Test
    void startTlsSwitchesStreamsAndDropsPipelinedPlaintext() throws IOException {
        ByteArrayOutputStream secure = new ByteArrayOutputStream();
        TlsUpgrade upgrade = () -> new TlsUpgrade.Streams(
                new ByteArrayInputStream("b CAPABILITY\r\nc LOGIN john \"secret pw\"\r\nd LOGOUT\r\n".getBytes()), secure);
        String plain = run("a STARTTLS\r\nx LOGIN john \"secret pw\"\r\n", new ImapSession.Options(true, 5, 1000, 1),
                upgrade, false);
        assertThat(plain).endsWith("a OK Begin TLS negotiation now\r\n").doesNotContain("x ");
        String tls = secure.toString(StandardCharsets.US_ASCII);
        assertThat(tls).startsWith("* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN ENABLE IDLE")
                .doesNotContain("STARTTLS").contains("c OK [CAPABILITY").contains("d OK LOGOUT completed");
        assertThat(store.calls).containsExactly("login john tls", "logout h1");
    }

    @Test
    void startTlsUnknownWhenNotOffered() throws IOException {
        assertThat(run("a STARTTLS\r\n")).contains("a BAD Unknown command");
    }

    @Test
    void loginOkAndFailure() throws IOException {
        String out = run("a LOGIN john wrong\r\n" + LOGIN + "b LOGIN john x\r\n");
        assertThat(out).contains("a NO [AUTHENTICATIONFAILED] Authentication failed\r\n")
                .contains("l OK [CAPABILITY " + CAPS + "] Logged in\r\n")
                .contains("b BAD LOGIN not allowed after login\r\n");
        assertThat(store.calls).containsExactly("login john", "login john", "logout h1");
    }

    @Test
    void loginStoreAwayGivesUnavailableWithoutDetails() throws IOException {
        store.loginThrows = true;
        assertThat(run(LOGIN)).contains("l NO [UNAVAILABLE] Server unavailable, try again later")
                .doesNotContain("secret");
    }

    @Test
    void authenticatePlainWithInitialResponseAndContinuation() throws IOException {
        String ir = Base64.getEncoder().encodeToString("\0john\0secret pw".getBytes(StandardCharsets.UTF_8));
        assertThat(run("a AUTHENTICATE PLAIN " + ir + "\r\n")).contains("a OK [CAPABILITY");
        String out = run("a AUTHENTICATE PLAIN\r\n" + ir + "\r\nb NOOP\r\n");
        assertThat(out).contains("\r\n+ \r\na OK [CAPABILITY").contains("b OK NOOP completed");
        assertThat(run("a AUTHENTICATE PLAIN\r\n*\r\n")).contains("a BAD Authentication cancelled");
        String wrong = Base64.getEncoder().encodeToString("\0john\0nope".getBytes(StandardCharsets.UTF_8));
        assertThat(run("a AUTHENTICATE PLAIN " + wrong + "\r\n")).contains("a NO [AUTHENTICATIONFAILED]");
        assertThat(run("a AUTHENTICATE CRAM-MD5\r\n")).contains("a NO [CANNOT]");
    }

    @Test
    void badCommandsWrongStateAndTooManyErrors() throws IOException {
        String out = run("a FOO\r\nb SELECT INBOX\r\nc FETCH 1 FLAGS\r\nd NOOP\r\n");
        assertThat(out).contains("a BAD Unknown command\r\n").contains("b BAD SELECT not allowed before login\r\n")
                .contains("c BAD FETCH not allowed before login\r\n* BYE Too many errors\r\n")
                .doesNotContain("d OK");
        assertThat(run("a FOO\r\nb NOOP\r\nc FOO\r\nd FOO\r\ne NOOP\r\n")).contains("e OK NOOP");
        assertThat(run(LOGIN + "a SELECT\r\n(\r\n")).contains("a BAD Missing argument").contains("* BAD");
    }

    @Test
    void oversizedLiteralIsRefused() throws IOException {
        assertThat(run(LOGIN + "a APPEND INBOX {200000}\r\n")).contains("a NO [TOOBIG] Literal too large");
    }

    // ---- authenticated ----

    @Test
    void namespaceAndEnable() throws IOException {
        assertThat(run(LOGIN + "a NAMESPACE\r\nb ENABLE CONDSTORE\r\n"))
                .contains("* NAMESPACE ((\"\" \"/\")) NIL NIL\r\na OK NAMESPACE completed\r\n")
                .contains("* ENABLED CONDSTORE\r\nb OK ENABLE completed");
    }

    @Test
    void listPatternsAndAttributes() throws IOException {
        String out = run(LOGIN + "a LIST \"\" *\r\nb LIST \"\" %\r\nc LIST Archive/ %\r\nd LIST \"\" \"\"\r\n"
                + "e LIST \"\" inbox\r\nf LSUB \"\" *\r\ng LIST (SPECIAL-USE) \"\" *\r\n");
        assertThat(out).contains("* LIST (\\HasNoChildren) \"/\" \"INBOX\"\r\n* LIST (\\Sent \\HasNoChildren) \"/\" \"Sent\"\r\n"
                + "* LIST (\\HasChildren) \"/\" \"Archive\"\r\n* LIST (\\HasNoChildren) \"/\" \"Archive/2023\"\r\na OK");
        assertThat(out.substring(out.indexOf("a OK"), out.indexOf("b OK"))).doesNotContain("2023");
        assertThat(out).contains("\r\n* LIST (\\HasNoChildren) \"/\" \"Archive/2023\"\r\nc OK LIST completed")
                .contains("* LIST (\\Noselect) \"/\" \"\"\r\nd OK")
                .contains("* LIST (\\HasNoChildren) \"/\" \"INBOX\"\r\ne OK")
                .contains("* LSUB () \"/\" \"INBOX\"\r\n* LSUB () \"/\" \"Sent\"\r\n* LSUB () \"/\" \"Archive\"\r\nf OK")
                .contains("* LIST (\\Sent \\HasNoChildren) \"/\" \"Sent\"\r\ng OK");
    }

    @Test
    void status() throws IOException {
        assertThat(run(LOGIN + "a STATUS INBOX (MESSAGES UNSEEN UIDNEXT UIDVALIDITY HIGHESTMODSEQ)\r\n"))
                .contains("* STATUS \"INBOX\" (MESSAGES 3 UIDNEXT 16 UIDVALIDITY 1000 UNSEEN 2 HIGHESTMODSEQ 3)\r\n"
                        + "a OK STATUS completed");
        assertThat(run(LOGIN + "a STATUS Nope (MESSAGES)\r\n")).contains("a NO [NONEXISTENT] No such mailbox");
    }

    @Test
    void createDeleteRenameSubscribe() throws IOException {
        String out = run(LOGIN + "a CREATE Projects/\r\nb CREATE Projects\r\nc RENAME Projects Work\r\n"
                + "d UNSUBSCRIBE Work\r\ne DELETE Work\r\nf DELETE INBOX\r\ng DELETE Work\r\n");
        assertThat(out).contains("a OK CREATE completed").contains("b NO [ALREADYEXISTS] Mailbox exists")
                .contains("c OK RENAME completed").contains("d OK UNSUBSCRIBE completed")
                .contains("e OK DELETE completed").contains("f NO [CANNOT]").contains("g NO [NONEXISTENT]");
        assertThat(store.boxes).doesNotContainKeys("Projects", "Work");
    }

    @Test
    void appendWithLiteralAndAppendUid() throws IOException {
        String msg = "Subject: new\r\n\r\nbody\r\n";
        String out = run(LOGIN + "a APPEND Sent (\\Seen) \"05-Jan-2024 10:00:00 +0100\" {" + msg.length() + "}\r\n"
                + msg + "\r\nb APPEND Nope {2+}\r\nhi\r\n");
        assertThat(out).contains("+ Ready for literal data\r\na OK [APPENDUID 1001 1] APPEND completed")
                .contains("b NO [TRYCREATE] Mailbox does not exist");
        FakeImapBackend.Msg m = store.boxes.get("Sent").msgs.get(0);
        assertThat(new String(m.data, StandardCharsets.US_ASCII)).isEqualTo(msg);
        assertThat(m.flags).containsExactly("\\Seen");
        assertThat(m.date).isEqualTo(date("2024-01-05T09:00:00Z"));
    }

    // ---- selected ----

    @Test
    void selectResponsesExact() throws IOException {
        String out = run(LOGIN + "s SELECT INBOX\r\n");
        assertThat(out.substring(out.indexOf("l OK") + 4)).contains("\r\n* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r\n"
                + "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted\r\n"
                + "* 3 EXISTS\r\n* 0 RECENT\r\n* OK [UNSEEN 2] First unseen\r\n* OK [UIDVALIDITY 1000] UIDs valid\r\n"
                + "* OK [UIDNEXT 16] Predicted next UID\r\n* OK [HIGHESTMODSEQ 3] Highest\r\n"
                + "s OK [READ-WRITE] SELECT completed\r\n");
        assertThat(run(LOGIN + "e EXAMINE INBOX\r\n")).contains("* OK [PERMANENTFLAGS ()] Flags permitted\r\n")
                .contains("e OK [READ-ONLY] EXAMINE completed");
        assertThat(run(SELECT + "x SELECT Nope\r\ny FETCH 1 UID\r\n")).contains("x NO [NONEXISTENT]")
                .contains("y BAD FETCH not allowed now");
    }

    @Test
    void newMailIsRecentToTheFirstSessionThatSelectsTheMailboxOnly() throws IOException {
        store.freshMail = true;
        store.deliver("INBOX", "Subject: new 1\r\n\r\nx\r\n", Set.of(), 0);
        store.deliver("INBOX", "Subject: new 2\r\n\r\nx\r\n", Set.of("\\Seen"), 0);
        // STATUS and EXAMINE look without taking: the two stay recent for a SELECT
        assertThat(run(LOGIN + "a STATUS INBOX (MESSAGES RECENT)\r\n"))
                .contains("* STATUS \"INBOX\" (MESSAGES 5 RECENT 2)\r\n");
        String examined = run(LOGIN + "e EXAMINE INBOX\r\nf FETCH 4:5 FLAGS\r\n");
        assertThat(examined).contains("* 5 EXISTS\r\n* 2 RECENT\r\n")
                .contains("* 4 FETCH (FLAGS (\\Recent))\r\n* 5 FETCH (FLAGS (\\Seen \\Recent))\r\n");
        String first = selected("a FETCH 3:5 FLAGS\r\nb SEARCH RECENT\r\nc SEARCH NEW\r\nd SEARCH OLD\r\n"
                + "e STORE 4 +FLAGS (\\Flagged)\r\n");
        // the first SELECT took them (its own RECENT line is before what selected() returns)
        assertThat(run(SELECT)).contains("* 5 EXISTS\r\n* 0 RECENT\r\n");
        assertThat(first).startsWith("* 3 FETCH (FLAGS (\\Flagged))\r\n* 4 FETCH (FLAGS (\\Recent))\r\n"
                + "* 5 FETCH (FLAGS (\\Seen \\Recent))\r\na OK FETCH completed\r\n* SEARCH 4 5\r\n")
                .contains("* SEARCH 4\r\nc OK").contains("* SEARCH 1 2 3\r\nd OK")
                .contains("* 4 FETCH (FLAGS (\\Flagged \\Recent))\r\ne OK STORE completed");
        assertThat(store.calls).containsSubsequence("recent 17 false", "recent 17 true", "recent 17 true");
    }

    @Test
    void theSecondSessionFindsNothingRecentAndSelectedSessionsTakeWhatArrives() throws IOException {
        store.freshMail = true;
        store.deliver("INBOX", "Subject: new\r\n\r\nx\r\n", Set.of(), 0);
        assertThat(run(SELECT)).contains("* 4 EXISTS\r\n* 1 RECENT\r\n");
        assertThat(run(SELECT + "a STATUS INBOX (RECENT)\r\n")).contains("* 4 EXISTS\r\n* 0 RECENT\r\n")
                .contains("* STATUS \"INBOX\" (RECENT 0)");
        ScriptedStream in = new ScriptedStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.add(SELECT, () -> store.deliver("INBOX", "Subject: later\r\n\r\nx\r\n", Set.of(), 0));
        in.add("a NOOP\r\nb FETCH 5 FLAGS\r\nc LOGOUT\r\n", null);
        new ImapSession(store, "imap.test", options(), in, out, "p", null, false).run();
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).contains("* 0 RECENT\r\n")
                .contains("* 5 EXISTS\r\n* 1 RECENT\r\na OK NOOP completed\r\n* 5 FETCH (FLAGS (\\Recent))\r\n");
        assertThat(run(SELECT)).contains("* 5 EXISTS\r\n* 0 RECENT\r\n");
    }

    @Test
    void fetchSimpleItems() throws IOException {
        assertThat(selected("a FETCH 1:2 (FLAGS UID INTERNALDATE RFC822.SIZE)\r\n")).isEqualTo(
                "* 1 FETCH (FLAGS (\\Seen) UID 11 INTERNALDATE \" 1-Jan-2020 08:00:00 +0000\" RFC822.SIZE " + M1.length()
                        + ")\r\n* 2 FETCH (FLAGS () UID 12 INTERNALDATE \" 1-Mar-2022 10:00:00 +0000\" RFC822.SIZE "
                        + M2.length() + ")\r\na OK FETCH completed\r\n");
    }

    @Test
    void fetchEnvelopeBodyAndBodyStructureDelegate() throws IOException {
        MimeStructure mime = MimeStructure.parse(M2.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(selected("a FETCH 2 (ENVELOPE BODY BODYSTRUCTURE)\r\n")).isEqualTo("* 2 FETCH (ENVELOPE "
                + mime.envelope().toImapString() + " BODY " + mime.body() + " BODYSTRUCTURE " + mime.bodyStructure()
                + ")\r\na OK FETCH completed\r\n");
    }

    @Test
    void envelopeAndBodyStructureAreDerivedOnceAndKeptByTheStore() throws IOException {
        String first = selected("a FETCH 1:* (ENVELOPE BODYSTRUCTURE)\r\n");
        assertThat(store.calls).contains("keepDerived 3").anyMatch(c -> c.startsWith("texts"));
        store.calls.clear();

        String again = selected("a FETCH 1:* (ENVELOPE BODYSTRUCTURE)\r\nb SEARCH FROM bob SENTBEFORE 1-Jan-2000\r\n"
                + "c SEARCH FROM bob\r\n");

        assertThat(again).startsWith(first).contains("* SEARCH\r\nb OK").contains("* SEARCH 2\r\nc OK");
        assertThat(store.calls).noneMatch(c -> c.startsWith("texts") || c.startsWith("keepDerived"));
    }

    @Test
    void keptFactsOfAnotherVersionAreDerivedAgain() throws IOException {
        store.boxes.get("INBOX").msgs.forEach(m -> m.derived = "F0 from an older gateway");
        MimeStructure mime = MimeStructure.parse(M2.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(selected("a FETCH 2 ENVELOPE\r\n")).isEqualTo("* 2 FETCH (ENVELOPE " + mime.envelope().toImapString()
                + ")\r\na OK FETCH completed\r\n");
        assertThat(store.boxes.get("INBOX").msgs.get(1).derived).startsWith("F1");
    }

    @Test
    void fetchBodyIsByteExactAndSetsSeen() throws IOException {
        String out = selected("a FETCH 2 BODY[]\r\nb FETCH 2 FLAGS\r\n");
        assertThat(out).isEqualTo(fetch("* 2 FETCH (BODY[] ", M2, " FLAGS (\\Seen))\r\n") + "a OK FETCH completed\r\n"
                + "* 2 FETCH (FLAGS (\\Seen))\r\nb OK FETCH completed\r\n");
        assertThat(store.calls).contains("store [12] ADD [\\Seen]");
    }

    @Test
    void fetchPeekPartialAndHeaderFields() throws IOException {
        String out = selected("a FETCH 2 (BODY.PEEK[1] BODY.PEEK[]<0.10> BODY.PEEK[HEADER.FIELDS (Subject From)])\r\n");
        assertThat(out).isEqualTo(fetch("* 2 FETCH (BODY[1] ", "Part one", " ") + fetch("BODY[]<0> ", M2.substring(0, 10), " ")
                + fetch("BODY[HEADER.FIELDS (Subject From)] ", "From: bob@example.org\r\nSubject: Report\r\n\r\n", ")\r\n")
                + "a OK FETCH completed\r\n");
        assertThat(store.calls).noneMatch(c -> c.startsWith("store"));
        assertThat(store.boxes.get("INBOX").msgs.get(1).flags).isEmpty();
    }

    @Test
    void fetchRfc822Items() throws IOException {
        String header = M1.substring(0, M1.indexOf("\r\n\r\n") + 4);
        String out = selected("a FETCH 1 (RFC822.HEADER RFC822.TEXT)\r\nb FETCH 1 RFC822\r\n");
        assertThat(out).isEqualTo(fetch("* 1 FETCH (RFC822.HEADER ", header, " ") + fetch("RFC822.TEXT ", "Hello John\r\n", ")\r\n")
                + "a OK FETCH completed\r\n" + fetch("* 1 FETCH (RFC822 ", M1, ")\r\n") + "b OK FETCH completed\r\n");
    }

    @Test
    void uidFetchRangesAndStar() throws IOException {
        assertThat(selected("a UID FETCH 12:* FLAGS\r\nb UID FETCH 20:* UID\r\nc UID FETCH 13,14 FLAGS\r\n"
                + "d FETCH * (UID MODSEQ)\r\n")).isEqualTo("* 2 FETCH (UID 12 FLAGS ())\r\n* 3 FETCH (UID 15 FLAGS (\\Flagged))\r\n"
                + "a OK UID FETCH completed\r\n* 3 FETCH (UID 15)\r\nb OK UID FETCH completed\r\nc OK UID FETCH completed\r\n"
                + "* OK [HIGHESTMODSEQ 3] Highest\r\n* 3 FETCH (UID 15 MODSEQ (3))\r\nd OK FETCH completed\r\n");
    }

    @Test
    void fetchChangedSince() throws IOException {
        assertThat(selected("a FETCH 1:* (FLAGS) (CHANGEDSINCE 2)\r\n"))
                .isEqualTo("* OK [HIGHESTMODSEQ 3] Highest\r\n* 3 FETCH (FLAGS (\\Flagged) MODSEQ (3))\r\na OK FETCH completed\r\n");
    }

    @Test
    void storeFlags() throws IOException {
        String out = selected("a STORE 1:2 +FLAGS (\\Deleted)\r\nb STORE 1 -FLAGS.SILENT (\\Seen)\r\n"
                + "c UID STORE 15 FLAGS ($Work \\Seen)\r\nd FETCH 1 FLAGS\r\n");
        assertThat(out).isEqualTo("* 1 FETCH (FLAGS (\\Deleted \\Seen))\r\n* 2 FETCH (FLAGS (\\Deleted))\r\na OK STORE completed\r\n"
                + "b OK STORE completed\r\n* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)\r\n"
                + "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work \\*)] Flags permitted\r\n"
                + "* 3 FETCH (FLAGS (\\Seen $Work) UID 15)\r\nc OK UID STORE completed\r\n"
                + "* 1 FETCH (FLAGS (\\Deleted))\r\nd OK FETCH completed\r\n");
    }

    @Test
    void storeUnchangedSinceReportsModified() throws IOException {
        assertThat(selected("a STORE 1:3 (UNCHANGEDSINCE 2) +FLAGS (\\Answered)\r\n")).isEqualTo(
                "* OK [HIGHESTMODSEQ 3] Highest\r\n* 1 FETCH (FLAGS (\\Answered \\Seen) UID 11 MODSEQ (4))\r\n"
                        + "* 2 FETCH (FLAGS (\\Answered) UID 12 MODSEQ (5))\r\n"
                        + "a OK [MODIFIED 3] Conditional STORE failed\r\n");
    }

    @Test
    void storeInReadOnlyMailbox() throws IOException {
        assertThat(run(LOGIN + "e EXAMINE INBOX\r\na STORE 1 +FLAGS (\\Deleted)\r\n")).contains("a NO [READ-ONLY]");
    }

    @Test
    void searchKeys() throws IOException {
        String out = selected("a SEARCH SEEN\r\nb SEARCH UNSEEN\r\nc SEARCH FROM bob\r\nd SEARCH SUBJECT news\r\n"
                + "e SEARCH LARGER 1000\r\nf SEARCH SINCE 1-Mar-2022\r\ng SEARCH UID 12:15\r\nh SEARCH NOT FLAGGED\r\n"
                + "i SEARCH OR SEEN FLAGGED\r\nj SEARCH 2:3 SMALLER 1000\r\nk UID SEARCH BODY \"part ONE\"\r\n"
                + "l SEARCH SENTBEFORE 1-Jan-2000\r\nm SEARCH HEADER Message-ID \"\"\r\nn SEARCH MODSEQ 2\r\n"
                + "o SEARCH TEXT nothing-here\r\np SEARCH BEFORE 1-Jan-2020\r\nq SEARCH ON 15-Jun-2024\r\n");
        assertThat(out).isEqualTo("* SEARCH 1\r\na OK SEARCH completed\r\n* SEARCH 2 3\r\nb OK SEARCH completed\r\n"
                + "* SEARCH 2\r\nc OK SEARCH completed\r\n* SEARCH 3\r\nd OK SEARCH completed\r\n"
                + "* SEARCH 3\r\ne OK SEARCH completed\r\n* SEARCH 2 3\r\nf OK SEARCH completed\r\n"
                + "* SEARCH 2 3\r\ng OK SEARCH completed\r\n* SEARCH 1 2\r\nh OK SEARCH completed\r\n"
                + "* SEARCH 1 3\r\ni OK SEARCH completed\r\n* SEARCH 2\r\nj OK SEARCH completed\r\n"
                + "* SEARCH 12\r\nk OK UID SEARCH completed\r\n* SEARCH 1\r\nl OK SEARCH completed\r\n"
                + "* SEARCH 1\r\nm OK SEARCH completed\r\n* OK [HIGHESTMODSEQ 3] Highest\r\n"
                + "* SEARCH 2 3 (MODSEQ 3)\r\nn OK SEARCH completed\r\n"
                + "* SEARCH\r\no OK SEARCH completed\r\n* SEARCH\r\np OK SEARCH completed\r\n"
                + "* SEARCH 3\r\nq OK SEARCH completed\r\n");
        assertThat(selected("a SEARCH CHARSET X-NOPE ALL\r\nb SEARCH FOO\r\n"))
                .contains("a NO [BADCHARSET (UTF-8 US-ASCII)]").contains("b BAD Unknown search key");
    }

    @Test
    void qresyncReportsVanishedAndResynchronisesAtSelect() throws IOException {
        String first = run(LOGIN + "e ENABLE QRESYNC\r\ns SELECT INBOX\r\na STORE 2 +FLAGS.SILENT (\\Deleted)\r\n"
                + "b EXPUNGE\r\nc UID FETCH 1:* FLAGS (CHANGEDSINCE 1 VANISHED)\r\n");
        assertThat(first).contains("* ENABLED QRESYNC\r\n").contains("* VANISHED 12\r\nb OK EXPUNGE completed")
                .contains("* VANISHED (EARLIER) 12\r\n* 2 FETCH (UID 15 FLAGS (\\Flagged) MODSEQ (3))\r\n"
                        + "c OK UID FETCH completed").doesNotContain("EXPUNGE\r\n");
        String again = run(LOGIN + "e ENABLE QRESYNC\r\ns SELECT INBOX (QRESYNC (1000 1 1:20))\r\n"
                + "x SELECT INBOX (QRESYNC (999 1))\r\n");
        assertThat(again).contains("* OK [HIGHESTMODSEQ 5] Highest\r\n* VANISHED (EARLIER) 12\r\n"
                + "* 2 FETCH (UID 15 FLAGS (\\Flagged) MODSEQ (3))\r\ns OK [READ-WRITE] SELECT completed\r\n"
                + "* OK [CLOSED] Previous mailbox closed\r\n");
        // another UIDVALIDITY: the client's cache is void, nothing to resynchronise
        assertThat(again.substring(again.indexOf("[CLOSED]"))).doesNotContain("VANISHED").endsWith(
                "* OK [HIGHESTMODSEQ 5] Highest\r\nx OK [READ-WRITE] SELECT completed\r\n");
        assertThat(run(LOGIN + "s SELECT INBOX (QRESYNC (1000 1))\r\n")).contains("s BAD QRESYNC is not enabled");
    }

    @Test
    void searchDecodesEncodedWordsAndTransferEncodings() throws IOException {
        store.deliver("INBOX", "From: =?UTF-8?Q?J=C3=BCrgen?= <j@example.com>\r\nSubject: =?UTF-8?B?w5xiZXJzaWNodA==?=\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nR3LDvMOfZSBhdXMgS8O2bG4=\r\n", Set.of(), date("2024-07-01T00:00:00Z"));
        String out = selected("a SEARCH CHARSET UTF-8 SUBJECT {10+}\r\n\u00c3\u009cbersicht\r\n"
                + "b SEARCH CHARSET UTF-8 FROM \"j\u00c3\u00bcrgen\"\r\nc SEARCH CHARSET UTF-8 BODY \"k\u00c3\u00b6ln\"\r\n"
                + "d SEARCH TEXT \"aus K\"\r\n");
        assertThat(out).isEqualTo("* SEARCH 4\r\na OK SEARCH completed\r\n* SEARCH 4\r\nb OK SEARCH completed\r\n"
                + "* SEARCH 4\r\nc OK SEARCH completed\r\n* SEARCH 4\r\nd OK SEARCH completed\r\n");
    }

    @Test
    void esearchReturnsMinMaxCountAll() throws IOException {
        String out = selected("a SEARCH RETURN (MIN MAX COUNT) UNSEEN\r\nb UID SEARCH RETURN () ALL\r\n"
                + "c SEARCH RETURN (COUNT) SUBJECT nothing-here\r\nd SEARCH RETURN (ALL) MODSEQ 2\r\n"
                + "e SEARCH RETURN (MIN) TEXT nothing-here\r\nf SEARCH RETURN (SAVE) ALL\r\n");
        assertThat(out).isEqualTo("* ESEARCH (TAG \"a\") MIN 2 MAX 3 COUNT 2\r\na OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"b\") UID ALL 11:12,15\r\nb OK UID SEARCH completed\r\n"
                + "* ESEARCH (TAG \"c\") COUNT 0\r\nc OK SEARCH completed\r\n"
                + "* OK [HIGHESTMODSEQ 3] Highest\r\n* ESEARCH (TAG \"d\") ALL 2:3 MODSEQ 3\r\nd OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"e\")\r\ne OK SEARCH completed\r\n"
                + "f BAD SEARCHRES (RETURN SAVE) is not supported\r\n");
    }

    @Test
    void copyAndMoveWithCopyUid() throws IOException {
        String out = selected("a COPY 1:2 Archive\r\nb UID MOVE 12,15 Sent\r\nc COPY 1 Nope\r\nd NOOP\r\n");
        assertThat(out).isEqualTo("a OK [COPYUID 1002 11:12 1:2] COPY completed\r\n"
                + "* OK [COPYUID 1001 12,15 1:2] Moved\r\n* 3 EXPUNGE\r\n* 2 EXPUNGE\r\nb OK UID MOVE completed\r\n"
                + "c NO [TRYCREATE] Mailbox does not exist\r\nd OK NOOP completed\r\n");
        assertThat(store.boxes.get("INBOX").msgs).hasSize(1);
        assertThat(store.boxes.get("Archive").msgs).hasSize(2);
    }

    @Test
    void expungeInDescendingOrderAndUidExpunge() throws IOException {
        String out = selected("a STORE 1:3 +FLAGS.SILENT (\\Deleted)\r\nb UID EXPUNGE 15\r\nc EXPUNGE\r\nd FETCH 1:* UID\r\n");
        assertThat(out).isEqualTo("a OK STORE completed\r\n* 3 EXPUNGE\r\nb OK UID EXPUNGE completed\r\n"
                + "* 2 EXPUNGE\r\n* 1 EXPUNGE\r\nc OK EXPUNGE completed\r\nd OK FETCH completed\r\n");
    }

    @Test
    void closeExpungesUnselectDoesNot() throws IOException {
        String out = selected("a STORE 1 +FLAGS.SILENT (\\Deleted)\r\nb UNSELECT\r\nc SELECT INBOX\r\nd CLOSE\r\ne FETCH 1 UID\r\n");
        assertThat(out).contains("b OK UNSELECT completed").contains("* 3 EXISTS").contains("d OK CLOSE completed")
                .contains("e BAD FETCH not allowed now");
        assertThat(store.boxes.get("INBOX").msgs).hasSize(2);
    }

    @Test
    void pendingExpungeWaitsForAllowedCommand() throws IOException {
        ImapSession.Options o = options();
        ScriptedStream in = new ScriptedStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.add(SELECT, () -> {
            store.remove("INBOX", 11);
            store.setFlags("INBOX", 15, Set.of("\\Seen"));
            store.deliver("INBOX", "Subject: x\r\n\r\ny\r\n", Set.of(), 0);
        });
        in.add("a FETCH 1 UID\r\n", null);
        in.add("b NOOP\r\nc LOGOUT\r\n", null);
        new ImapSession(store, "imap.test", o, in, out, "p", null, false).run();
        String text = out.toString(StandardCharsets.ISO_8859_1);
        assertThat(text.substring(text.indexOf("SELECT completed") + 18)).startsWith(
                "* 1 FETCH (UID 11)\r\n* 4 EXISTS\r\n* 0 RECENT\r\n* 3 FETCH (FLAGS (\\Seen))\r\na OK FETCH completed\r\n"
                        + "* 1 EXPUNGE\r\nb OK NOOP completed\r\n");
    }

    @Test
    void idleReportsNewMessages() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(client, 65536);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapSession session = new ImapSession(store, "imap.test", options(), serverIn, out, "p", null, false);
        Thread t = running(session);
        client.write((SELECT + "i IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        client.flush();
        waitFor(out, "+ idling\r\n");
        store.freshMail = true;
        store.deliver("INBOX", "Subject: x\r\n\r\ny\r\n", Set.of(), 0);
        waitFor(out, "* 4 EXISTS\r\n");
        client.write("DONE\r\nz LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
        client.flush();
        t.join(5000);
        assertThat(out.toString(StandardCharsets.US_ASCII)).contains("+ idling\r\n* 4 EXISTS\r\n* 1 RECENT\r\ni OK IDLE terminated\r\n")
                .contains("z OK LOGOUT completed");
        client.close();
    }

    @Test
    void idleWithChangeEventsAsksTheStoreOnlyWhenTheMailboxChanged() throws Exception {
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(client, 65536);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        java.util.Map<Long, Runnable> watching = new java.util.concurrent.ConcurrentHashMap<>();
        MailboxEvents events = (uidValidity, handle, changed) -> {
            watching.put(uidValidity, changed);
            return () -> watching.remove(uidValidity);
        };
        // an hour between polls: only the event can make the EXISTS appear within the test
        ImapSession session = new ImapSession(store, "imap.test", new ImapSession.Options(false, 3, 100_000, 3600),
                serverIn, out, "p", null, false).events(events);
        Thread t = running(session);
        client.write((SELECT + "i IDLE\r\n").getBytes(StandardCharsets.US_ASCII));
        client.flush();
        waitFor(out, "+ idling\r\n");
        long inbox = session.selected.uidValidity;
        assertThat(watching).containsOnlyKeys(inbox);
        store.freshMail = true;
        store.deliver("INBOX", "Subject: x\r\n\r\ny\r\n", Set.of(), 0);
        watching.get(inbox).run();
        waitFor(out, "* 4 EXISTS\r\n");
        client.write("DONE\r\nz LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
        client.flush();
        t.join(5000);
        assertThat(out.toString(StandardCharsets.US_ASCII)).contains("+ idling\r\n* 4 EXISTS\r\n* 1 RECENT\r\ni OK IDLE terminated\r\n");
        assertThat(watching).as("the watch ends with IDLE").isEmpty();
        client.close();
    }

    @Test
    void withChangeEventsCommandsInAnUnchangedMailboxAskTheStoreNothing() throws Exception {
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Runnable> signal = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        FakeImapBackend counting = new FakeImapBackend() {
            @Override
            public Changes changes(String session, String mailboxId, long since) {
                asked.incrementAndGet();
                return super.changes(session, mailboxId, since);
            }
        };
        counting.box("INBOX", List.of(), 1000, 11);
        counting.deliver("INBOX", M1, Set.of(), date("2020-01-01T08:00:00Z"));
        MailboxEvents events = (uidValidity, handle, changed) -> {
            signal.set(changed);
            return () -> closed.set(true);
        };
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(client, 65536);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImapSession session = new ImapSession(counting, "imap.test", options(), serverIn, out, "p", null, false)
                .events(events);
        Thread t = running(session);
        client.write((SELECT + "a NOOP\r\nb FETCH 1 FLAGS\r\nc SEARCH ALL\r\n").getBytes(StandardCharsets.US_ASCII));
        client.flush();
        waitFor(out, "c OK SEARCH completed\r\n");
        // SELECT's own updates ask once (what committed before the watch began); the rest nothing
        assertThat(asked.get()).isEqualTo(1);

        counting.freshMail = true;
        counting.deliver("INBOX", M2, Set.of(), 0);
        client.write("d NOOP\r\n".getBytes(StandardCharsets.US_ASCII));
        client.flush();
        waitFor(out, "d OK NOOP completed\r\n");
        assertThat(out.toString(StandardCharsets.US_ASCII)).as("no signal yet: not asked").doesNotContain("* 2 EXISTS");
        assertThat(asked.get()).isEqualTo(1);

        signal.get().run(); // the delivery's commit
        client.write("e NOOP\r\nz LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
        client.flush();
        t.join(5000);
        assertThat(out.toString(StandardCharsets.US_ASCII)).contains("* 2 EXISTS\r\n* 1 RECENT\r\ne OK NOOP completed");
        assertThat(asked.get()).isEqualTo(2);
        assertThat(closed).as("the watch ends with the session").isTrue();
        client.close();
    }

    /** The session's conversation on a thread of its own, started. */
    static Thread running(ImapSession session) {
        Thread t = new Thread(() -> {
            try {
                session.run();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        return t;
    }

    static void waitFor(ByteArrayOutputStream out, String text) throws InterruptedException {
        long end = System.currentTimeMillis() + 5000;
        while (!out.toString(StandardCharsets.US_ASCII).contains(text) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
        assertThat(out.toString(StandardCharsets.US_ASCII)).contains(text);
    }

    @Test
    void storeFailureTextAndRuntimeExceptionsAreHidden() throws IOException {
        FakeImapBackend broken = new FakeImapBackend() {
            @Override
            public java.util.List<Folder> folders(String session) {
                throw new IllegalStateException("db password is hunter2");
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImapSession(broken, "h", options(), new ByteArrayInputStream((LOGIN + "a LIST \"\" *\r\n").getBytes()), out,
                "p", null, false).run();
        assertThat(out.toString(StandardCharsets.US_ASCII)).contains("a NO [UNAVAILABLE] Server unavailable, try again later")
                .doesNotContain("hunter2");
    }
}
