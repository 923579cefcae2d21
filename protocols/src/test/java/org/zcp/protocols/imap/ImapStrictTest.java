package org.zcp.protocols.imap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The gaps a strict RFC 3501 compliance tester found (issue 10 section 5), as transcripts: ID,
 * keywords announced before use, STORE with bare flags and NIL, mailbox names of every atom
 * character and in modified UTF-7, the untagged responses CONDSTORE asks for, ESEARCH with MODSEQ
 * and SEARCH on addresses. Where RFCs leave room, the expected answers are Dovecot 2.3's.
 */
class ImapStrictTest {
    static final String LOGIN = ImapSessionTest.LOGIN;
    static final String SELECT = ImapSessionTest.SELECT;
    static final String SYSTEM = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

    final FakeImapBackend store = new FakeImapBackend();

    ImapStrictTest() {
        store.box("INBOX", List.of(), 1000, 11);
        store.box("Archive", List.of(), 1002, 1);
        store.deliver("INBOX", ImapSessionTest.M1, Set.of("\\Seen"), 0);
        store.deliver("INBOX", ImapSessionTest.M2, Set.of(), 0);
        store.deliver("INBOX", ImapSessionTest.M3, Set.of("\\Flagged"), 0);
    }

    String run(String input) throws IOException {
        ScriptedStream in = new ScriptedStream();
        in.add(input, null);
        return run(in);
    }

    String run(ScriptedStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new ImapSession(store, "imap.test", ImapSessionTest.options(), in, out, "192.0.2.1", null, false).run();
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The output after the tagged OK of {@code mark}'s line. */
    static String after(String out, String mark) {
        int at = out.indexOf(mark);
        assertThat(at).as("transcript has " + mark).isGreaterThanOrEqualTo(0);
        return out.substring(out.indexOf("\r\n", at) + 2);
    }

    /** What the session answers to {@code commands} once INBOX is selected. */
    String selected(String commands) throws IOException {
        return after(run(SELECT + commands), "s OK [READ-WRITE]");
    }

    // ---- ID (RFC 2971) ----

    @Test
    void idIsAnnouncedAndAnsweredInEveryState() throws IOException {
        String out = run("a CAPABILITY\r\nb ID NIL\r\n" + LOGIN + "c ID (\"name\" \"imaptest\" \"version\" \"1.0\")\r\n"
                + "s SELECT INBOX\r\nd ID (\"name\" NIL \"os\" {5+}\r\nLinux)\r\ne ID ()\r\n");

        assertThat(out).contains("* CAPABILITY IMAP4rev1 LITERAL+ SASL-IR AUTH=PLAIN ENABLE IDLE ID NAMESPACE ");
        String id = "* ID (\"name\" \"zarafa-gateway\" \"version\" \"7.1\")\r\n";
        assertThat(out).contains(id + "b OK ID completed\r\n").contains(id + "c OK ID completed\r\n")
                .contains(id + "d OK ID completed\r\n").contains(id + "e OK ID completed\r\n");
    }

    @Test
    void idListsBeyondRfc2971sBoundsAreBad() throws IOException {
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < 31; i++) pairs.append(i == 0 ? "" : " ").append("\"k").append(i).append("\" \"v\"");
        // (the session ends after three errors in a row)
        String out = run("a ID (" + pairs + ")\r\nb ID (\"name\" \"" + "x".repeat(1025) + "\")\r\n"
                + "e ID (\"name\" \"" + "x".repeat(1024) + "\")\r\nc ID (\"name\")\r\nd ID\r\n");

        assertThat(out).contains("a BAD ID list longer than 30 field-value pairs\r\n")
                .contains("b BAD ID string longer than 1024 octets\r\n").contains("c BAD ID field without value\r\n")
                .contains("d BAD Missing argument\r\n").contains("e OK ID completed\r\n");
    }

    // ---- keywords: announced in FLAGS before a FETCH shows them (RFC 3501 7.2.6) ----

    @Test
    void selectAnnouncesTheMailboxKeywordsAndThoseItsMessagesShow() throws IOException {
        store.boxes.get("INBOX").keywords.add("$Label1");
        store.setFlags("INBOX", 12, Set.of("$Work"));

        String out = run(SELECT);

        assertThat(out).contains("* FLAGS (" + SYSTEM + " $Label1 $Work)\r\n"
                + "* OK [PERMANENTFLAGS (" + SYSTEM + " $Label1 $Work \\*)] Flags permitted\r\n");
    }

    @Test
    void aKeywordNewToTheSessionIsAnnouncedBeforeTheFetchThatShowsIt() throws IOException {
        ScriptedStream in = new ScriptedStream();
        in.add(SELECT, () -> {
            store.setFlags("INBOX", 11, Set.of("\\Seen", "$Elsewhere"));
            store.deliver("INBOX", "Subject: new\r\n\r\nx\r\n", Set.of("$Delivered"), 0);
        });
        in.add("a NOOP\r\nb STORE 2 +FLAGS ($Mine)\r\nc STORE 2 +FLAGS ($Mine)\r\n", null);

        String out = after(run(in), "s OK [READ-WRITE]");

        assertThat(out).isEqualTo("* FLAGS (" + SYSTEM + " $Delivered $Elsewhere)\r\n"
                + "* OK [PERMANENTFLAGS (" + SYSTEM + " $Delivered $Elsewhere \\*)] Flags permitted\r\n"
                + "* 4 EXISTS\r\n* 0 RECENT\r\n* 1 FETCH (FLAGS (\\Seen $Elsewhere))\r\na OK NOOP completed\r\n"
                + "* FLAGS (" + SYSTEM + " $Delivered $Elsewhere $Mine)\r\n"
                + "* OK [PERMANENTFLAGS (" + SYSTEM + " $Delivered $Elsewhere $Mine \\*)] Flags permitted\r\n"
                + "* 2 FETCH (FLAGS ($Mine))\r\nb OK STORE completed\r\n"
                + "* 2 FETCH (FLAGS ($Mine))\r\nc OK STORE completed\r\n");
    }

    @Test
    void aKeywordSetElsewhereThatAFetchSettingSeenBringsIsAnnouncedFirst() throws IOException {
        ScriptedStream in = new ScriptedStream();
        in.add(SELECT, () -> store.setFlags("INBOX", 12, Set.of("$Elsewhere")));
        in.add("a FETCH 2 (FLAGS BODY[HEADER.FIELDS (Subject)])\r\n", null);

        String out = after(run(in), "s OK [READ-WRITE]");

        assertThat(out).startsWith("* FLAGS (" + SYSTEM + " $Elsewhere)\r\n"
                + "* OK [PERMANENTFLAGS (" + SYSTEM + " $Elsewhere \\*)] Flags permitted\r\n"
                + "* 2 FETCH (FLAGS (\\Seen $Elsewhere) BODY[HEADER.FIELDS (Subject)] ");
    }

    @Test
    void aReadOnlyMailboxAnnouncesNewKeywordsWithoutPermanentFlags() throws IOException {
        ScriptedStream in = new ScriptedStream();
        in.add(LOGIN + "e EXAMINE INBOX\r\n", () -> store.setFlags("INBOX", 12, Set.of("$Elsewhere")));
        in.add("a NOOP\r\n", null);

        String out = after(run(in), "e OK [READ-ONLY]");

        assertThat(out).isEqualTo("* FLAGS (" + SYSTEM + " $Elsewhere)\r\n* 2 FETCH (FLAGS ($Elsewhere))\r\n"
                + "a OK NOOP completed\r\n");
    }

    // ---- STORE: flag-list or bare flags; NIL is an atom there (RFC 3501 9, as Dovecot) ----

    @Test
    void storeTakesBareFlagsAndNilIsTheKeywordNil() throws IOException {
        String out = selected("a STORE 1 +FLAGS NIL\r\nb STORE 1 -FLAGS NIL\r\nc STORE 1 FLAGS \\Flagged \\Seen\r\n"
                + "d STORE 1 +FLAGS (NIL)\r\ne STORE 1 FLAGS ()\r\n");

        assertThat(out).isEqualTo("* FLAGS (" + SYSTEM + " NIL)\r\n"
                + "* OK [PERMANENTFLAGS (" + SYSTEM + " NIL \\*)] Flags permitted\r\n"
                + "* 1 FETCH (FLAGS (\\Seen NIL))\r\na OK STORE completed\r\n"
                + "* 1 FETCH (FLAGS (\\Seen))\r\nb OK STORE completed\r\n"
                + "* 1 FETCH (FLAGS (\\Flagged \\Seen))\r\nc OK STORE completed\r\n"
                + "* 1 FETCH (FLAGS (\\Flagged \\Seen NIL))\r\nd OK STORE completed\r\n"
                + "* 1 FETCH (FLAGS ())\r\ne OK STORE completed\r\n");
        assertThat(store.calls).contains("store [11] ADD [NIL]", "store [11] REMOVE [NIL]");
    }

    // ---- mailbox names: every astring; modified UTF-7 (RFC 3501 5.1, 5.1.3) ----

    @Test
    void aNameOfEveryAtomCharacterIsCreatedListedSelectedAndStatused() throws IOException {
        String wire = "!#$&-'+,-.0123456789:;<=>?@^_`|}~[]";
        String name = "!#$&'+,-.0123456789:;<=>?@^_`|}~[]";

        String out = run(LOGIN + "a CREATE " + wire + "\r\nb LIST \"\" !*\r\nc STATUS " + wire + " (MESSAGES)\r\n"
                + "d SELECT \"" + wire + "\"\r\ne SUBSCRIBE " + wire + "\r\nf LSUB \"\" *\r\n");

        assertThat(store.boxes).containsKey(name);
        assertThat(out).contains("a OK CREATE completed\r\n")
                .contains("* LIST (\\HasNoChildren) \"/\" \"" + wire + "\"\r\nb OK LIST completed\r\n")
                .contains("* STATUS \"" + wire + "\" (MESSAGES 0)\r\nc OK STATUS completed\r\n")
                .contains("d OK [READ-WRITE] SELECT completed\r\n").contains("e OK SUBSCRIBE completed\r\n")
                .contains("* LSUB () \"/\" \"" + wire + "\"\r\n");
    }

    @Test
    void modifiedUtf7NamesAreUnicodeInTheStoreAndEncodedOnTheWire() throws IOException {
        store.box("Entw\u00fcrfe", List.of(), 1003, 1);

        String out = run(LOGIN + "a CREATE &ZeVnLIqe-\r\nb LIST \"\" *\r\nc STATUS \"&ZeVnLIqe-\" (MESSAGES)\r\n"
                + "d CREATE &ZeVnLIqe-/&U,BTFw-\r\ne LIST \"\" &ZeVnLIqe-/%\r\nx RENAME Archive &U,BTFw-\r\n"
                + "f APPEND Entw&APw-rfe {8+}\r\nSubject:\r\ng SELECT Entw&APw-rfe\r\n");

        assertThat(store.boxes).containsKeys("\u65e5\u672c\u8a9e/\u53f0\u5317", "\u53f0\u5317");
        assertThat(out).contains("a OK CREATE completed\r\n")
                .contains("* LIST (\\HasNoChildren) \"/\" \"Entw&APw-rfe\"\r\n")
                .contains("* LIST (\\HasNoChildren) \"/\" \"&ZeVnLIqe-\"\r\nb OK")
                .contains("* STATUS \"&ZeVnLIqe-\" (MESSAGES 0)\r\n")
                .contains("* LIST (\\HasNoChildren) \"/\" \"&ZeVnLIqe-/&U,BTFw-\"\r\ne OK LIST completed\r\n")
                .contains("f OK [APPENDUID 1003 1] APPEND completed\r\n").contains("* 1 EXISTS\r\n");
    }

    @Test
    void namesThatAreNotModifiedUtf7OrThatTheStoreCannotHoldAreRefusedWithNoCannot() throws IOException {
        String out = run(LOGIN + "a CREATE \"a&b\"\r\nb SELECT &AGE-\r\nc CREATE a//b\r\nd CREATE \"" + "x".repeat(256)
                + "\"\r\ne CREATE x&AA0-y\r\nf RENAME Archive \" \"\r\ng LIST \"\" \"a&b\"\r\nh CREATE \""
                + "x".repeat(255) + "\"\r\ni RENAME Archive Archive/x\r\n");

        assertThat(out).contains("a NO [CANNOT] Mailbox name is not valid modified UTF-7 (unterminated & sequence)\r\n")
                .contains("b NO [CANNOT] Mailbox name is not valid modified UTF-7 (printable ASCII must not be encoded)\r\n")
                .contains("c NO [CANNOT] Mailbox name has an empty level\r\n")
                .contains("d NO [CANNOT] Mailbox name has a level longer than 255 characters\r\n")
                .contains("e NO [CANNOT] Mailbox name contains a control character\r\n")
                .contains("f NO [CANNOT] Mailbox name has an empty level\r\n")
                .contains("g NO [CANNOT] Pattern is not valid modified UTF-7 (unterminated & sequence)\r\n")
                .contains("h OK CREATE completed\r\n")
                .contains("i NO [CANNOT] A mailbox cannot be moved into itself\r\n").doesNotContain(" BAD ");
        assertThat(store.boxes).containsOnlyKeys("INBOX", "Archive", "x".repeat(255));
    }

    @Test
    void aMissingSuperiorIsNotMadeAndInboxChildrenKeepInboxSpelled() throws IOException {
        String out = run(LOGIN + "a CREATE a/b/c/\r\nb CREATE inbox/Work\r\nc CREATE a\r\nd CREATE a/b\r\n"
                + "e RENAME Archive a/b/Archive\r\nf RENAME Nope q/r\r\n");

        assertThat(out).contains("a NO [NONEXISTENT]").contains("b OK CREATE completed")
                .contains("c OK CREATE completed").contains("d OK CREATE completed")
                .contains("e OK RENAME completed").contains("f NO [NONEXISTENT]");
        assertThat(store.boxes).containsOnlyKeys("INBOX", "INBOX/Work", "a", "a/b", "a/b/Archive");
    }

    @Test
    void lsubAnswersTheUnsubscribedSuperiorOfASubscribedMailboxAsNoselect() throws IOException {
        store.box("Archive/2023", List.of(), 1003, 1);
        store.box("Archive/2023/Q1", List.of(), 1004, 1);
        store.boxes.get("Archive").subscribed = false;
        store.boxes.get("Archive/2023").subscribed = false;

        String out = run(LOGIN + "a LSUB \"\" %\r\nb LSUB \"\" Archive/%\r\nc LSUB \"\" *\r\n");

        assertThat(out).contains("* LSUB () \"/\" \"INBOX\"\r\n* LSUB (\\Noselect) \"/\" \"Archive\"\r\na OK")
                .contains("\r\n* LSUB (\\Noselect) \"/\" \"Archive/2023\"\r\nb OK")
                .contains("* LSUB () \"/\" \"INBOX\"\r\n* LSUB () \"/\" \"Archive/2023/Q1\"\r\nc OK");
    }

    // ---- untagged responses the client is owed ----

    @Test
    void copyAndMoveIntoTheSelectedMailboxReportExistsBeforeTheTaggedOk() throws IOException {
        String out = selected("a COPY 1:2 INBOX\r\nb UID MOVE 13 INBOX\r\n");

        // the copies are new to the mailbox: \Recent to this session, the first to be told of them
        assertThat(out).isEqualTo("* 5 EXISTS\r\n* 2 RECENT\r\na OK [COPYUID 1000 11:12 14:15] COPY completed\r\n"
                + "* OK [COPYUID 1000 13 16] Moved\r\n* 3 EXPUNGE\r\n* 5 EXISTS\r\n* 3 RECENT\r\nb OK UID MOVE completed\r\n");
    }

    @Test
    void theFirstCondstoreEnablingCommandReportsHighestModSeqAndLaterFetchesCarryUidAndModSeq() throws IOException {
        ScriptedStream in = new ScriptedStream();
        in.add(SELECT + "a FETCH 1 (MODSEQ)\r\nb FETCH 2 MODSEQ\r\nc STORE 1 +FLAGS (\\Answered)\r\n"
                + "d STORE 2 +FLAGS.SILENT (\\Flagged)\r\ne FETCH 2 BODY[TEXT]\r\n", () -> store.setFlags("INBOX", 13, Set.of()));
        in.add("f NOOP\r\n", null);

        String out = after(run(in), "s OK [READ-WRITE]");

        assertThat(out).startsWith("* OK [HIGHESTMODSEQ 3] Highest\r\n* 1 FETCH (MODSEQ (1))\r\na OK FETCH completed\r\n"
                + "* 2 FETCH (MODSEQ (2))\r\nb OK FETCH completed\r\n"
                + "* 1 FETCH (FLAGS (\\Answered \\Seen) UID 11 MODSEQ (4))\r\nc OK STORE completed\r\n"
                + "* 2 FETCH (UID 12 MODSEQ (5))\r\nd OK STORE completed\r\n"
                + "* 2 FETCH (UID 12 BODY[TEXT] ").endsWith(" FLAGS (\\Flagged \\Seen) MODSEQ (6))\r\ne OK FETCH completed\r\n"
                + "* 3 FETCH (FLAGS () UID 13 MODSEQ (7))\r\nf OK NOOP completed\r\n");
    }

    @Test
    void esearchReportsTheModSeqRfc4731AsksForMinMaxAndTheRest() throws IOException {
        // imaptest's esearch-condstore: the messages have MODSEQ 4, 6, 5 after these stores
        String out = selected("a STORE 1 +FLAGS (\\Answered)\r\nb STORE 3 +FLAGS (\\Answered)\r\n"
                + "c STORE 2 +FLAGS (\\Answered)\r\n"
                + "d SEARCH RETURN (MIN) 1:3 MODSEQ \"/flags/\\\\seen\" all 1\r\n"
                + "e SEARCH RETURN (MAX) 1:3 MODSEQ 1\r\nf SEARCH RETURN () 1:3 MODSEQ 1\r\n"
                + "g SEARCH RETURN (MIN MAX) 1,3 MODSEQ 1\r\nh UID SEARCH RETURN (COUNT) 1,3 MODSEQ 1\r\n"
                + "i SEARCH RETURN (ALL) 2:3 MODSEQ 6\r\nj SEARCH RETURN (ALL) MODSEQ 7\r\nk SEARCH MODSEQ 5\r\n");

        assertThat(after(out, "c OK")).isEqualTo("* OK [HIGHESTMODSEQ 6] Highest\r\n"
                + "* ESEARCH (TAG \"d\") MIN 1 MODSEQ 4\r\nd OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"e\") MAX 3 MODSEQ 5\r\ne OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"f\") ALL 1:3 MODSEQ 6\r\nf OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"g\") MIN 1 MAX 3 MODSEQ 5\r\ng OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"h\") UID COUNT 2 MODSEQ 5\r\nh OK UID SEARCH completed\r\n"
                + "* ESEARCH (TAG \"i\") ALL 2 MODSEQ 6\r\ni OK SEARCH completed\r\n"
                + "* ESEARCH (TAG \"j\")\r\nj OK SEARCH completed\r\n"
                + "* SEARCH 2 3 (MODSEQ 6)\r\nk OK SEARCH completed\r\n");
    }

    // ---- SEARCH on addresses ----

    @Test
    void addressSearchesMatchNamesAndAddressesAsImaptestsSearchAddressesDoes() throws IOException {
        FakeImapBackend.Box box = store.box("Addresses", List.of(), 2000, 1);
        String[] messages = {
            "From: user-from@domain.org\r\nTo: user-to@domain.org\r\nCc: user-cc@domain.org\r\nBcc: user-bcc@domain.org\r\n\r\nbody\r\n",
            "From: RealFrom <user-from@domain.org>\r\nTo: RealTo <user-to@domain.org>\r\nCc: RealCc <user-cc@domain.org>\r\n"
                    + "Bcc: RealBcc <user-bcc@domain.org>\r\n\r\nbody2\r\n",
            "From: <user-from (comment)@ (comment) domain.org>\r\nTo: <user-to@domain.org>\r\nCc: <user-cc@domain.org>\r\n"
                    + "Bcc: <user-bcc@domain.org>\r\n\r\nbody3\r\n",
            "From: user-from@domain.org (RealFrom)\r\nTo: user-to@domain.org (RealTo)\r\nCc: user-cc@domain.org (RealCc)\r\n"
                    + "Bcc: user-bcc@domain.org (RealBcc)\r\n\r\nbody4\r\n",
            "From: user-from1@domain.org, user-from2@domain.org\r\nCc: user-cc@domain.org\r\n\r\nbody5\r\n",
            "To: groupname: groupuser1@domain.org, groupuser2@domain.org;,\r\n  groupname2: groupuser3@domain.org;\r\n\r\nbody6\r\n",
            "From: \"Smith, John\" <john@example.com>\r\nTo: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <jm@example.de>,\r\n"
                    + " \"Al \\\"the\\\" Man\" <al@example.org>\r\nCc: \"=?ISO-8859-1?Q?Andr=E9?=\" <andre@example.fr>\r\n\r\nbody7\r\n"};
        for (String m : messages) store.deliver(box.name, m, Set.of(), 0);
        String[][] cases = {
            {"FROM user-from@domain.org", "1 2 3 4"}, {"TO user-to@domain.org", "1 2 3 4"},
            {"CC user-cc@domain.org", "1 2 3 4 5"}, {"BCC user-bcc@domain.org", "1 2 3 4"},
            {"FROM realfrom", "2 4"}, {"TO realto", "2 4"}, {"CC realcc", "2 4"}, {"BCC realbcc", "2 4"},
            {"HEADER FROM \"\"", "1 2 3 4 5 7"}, {"HEADER TO \"\"", "1 2 3 4 6 7"}, {"FROM \"\"", "1 2 3 4 5 7"},
            {"FROM ser-fro", "1 2 3 4 5"}, {"TO ser-t", "1 2 3 4"}, {"CC ser-c", "1 2 3 4 5"}, {"BCC ser-bc", "1 2 3 4"},
            {"FROM ealfro", "2 4"}, {"BCC ealbc", "2 4"}, {"FROM user-from1", "5"}, {"FROM user-from2", "5"},
            {"TO groupname", "6"}, {"TO groupname2", "6"}, {"TO groupuser3", "6"}, {"TO groupuser4", ""},
            {"FROM \"smith, john\"", "7"}, {"FROM \"SMITH, JOHN <JOHN@\"", "7"}, {"TO \"al \\\"the\\\" man <al@\"", "7"},
            {"CHARSET UTF-8 TO " + literal("j\u00fcrgen m\u00fcller"), "7"},
            {"CHARSET UTF-8 TO " + literal("M\u00dcLLER <jm@example.de>"), "7"},
            {"CHARSET UTF-8 CC " + literal("andr\u00e9"), "7"}, {"FROM \"RealFrom <user-from@\"", "2 4"}};
        StringBuilder commands = new StringBuilder(LOGIN + "s SELECT Addresses\r\n");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < cases.length; i++) {
            commands.append("q").append(i).append(" SEARCH ").append(cases[i][0]).append("\r\n");
            expected.append("* SEARCH").append(cases[i][1].isEmpty() ? "" : " " + cases[i][1]).append("\r\nq").append(i)
                    .append(" OK SEARCH completed\r\n");
        }

        assertThat(after(run(commands.toString()), "s OK [READ-WRITE]")).isEqualTo(expected.toString());
    }

    /** {@code text} as a LITERAL+ of its UTF-8 octets, written one char per octet as run() sends them. */
    static String literal(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return "{" + utf8.length + "+}\r\n" + new String(utf8, StandardCharsets.ISO_8859_1);
    }

    @Test
    void theStoreSeesTheDecodedNameOfAMailboxTheClientSentEncoded() throws IOException {
        new ImapSession(store, "h", ImapSessionTest.options(),
                new ByteArrayInputStream((LOGIN + "a CREATE Entw&APw-rfe\r\n").getBytes(StandardCharsets.US_ASCII)),
                new ByteArrayOutputStream(), "p", null, false).run();

        assertThat(store.boxes).containsKey("Entw\u00fcrfe");
    }
}
