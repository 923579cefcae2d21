package org.zcp.protocols.imap.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.protocols.imap.mime.Samples.crlf;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ENVELOPE (RFC 3501 §7.4.2). */
class EnvelopeTest {

    private static String envelope(String lfMessage) {
        return MimeStructure.parse(crlf(lfMessage)).envelope().toImapString();
    }

    private static String from(String fromValue) {
        String env = envelope("From: " + fromValue + "\n\n");
        int start = "(NIL NIL ".length();
        // from, sender and reply-to are the same list; return the first
        String rest = env.substring(start);
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '"') {
                for (i++; rest.charAt(i) != '"'; i++) {
                    if (rest.charAt(i) == '\\') {
                        i++;
                    }
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return rest.substring(0, i + 1);
            }
        }
        return rest;
    }

    @Test
    void rfc3501Example() {
        assertThat(MimeStructure.parse(Samples.rfc3501()).envelope().toImapString()).isEqualTo(
                "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) "
                + "((NIL NIL \"imap\" \"cac.washington.edu\")) "
                + "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) "
                + "NIL NIL \"<B27397-0100000@cac.washington.edu>\")");
    }

    @Test
    void groupsQuotedNamesAndEncodedWords() {
        assertThat(MimeStructure.parse(crlf(Samples.MIXED)).envelope().toImapString()).isEqualTo(
                "(\"Tue, 2 Jan 2024 09:30:00 +0100\" \"=?utf-8?q?Gr=C3=BC=C3=9Fe?= report\" "
                + "((\"Doe, John\" NIL \"john\" \"example.com\")) "
                + "((\"Doe, John\" NIL \"john\" \"example.com\")) "
                + "((\"Doe, John\" NIL \"john\" \"example.com\")) "
                + "((NIL NIL \"team\" NIL)(NIL NIL \"ann\" \"example.com\")(\"Bo B.\" NIL \"bob\" \"example.com\")"
                + "(NIL NIL NIL NIL)) NIL NIL \"<prev@example.com>\" \"<mixed@example.com>\")");
    }

    @Test
    void allFieldsAbsent() {
        assertThat(envelope("X-Foo: bar\n\nbody")).isEqualTo("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)");
    }

    @Test
    void senderAndReplyToDefaultToFromOnlyWhenAbsentOrEmpty() {
        assertThat(envelope("From: a@x.org\nSender: \nReply-To: r@x.org\nBcc: b@x.org\n\n")).isEqualTo(
                "(NIL NIL ((NIL NIL \"a\" \"x.org\")) ((NIL NIL \"a\" \"x.org\")) ((NIL NIL \"r\" \"x.org\")) "
                + "NIL NIL ((NIL NIL \"b\" \"x.org\")) NIL NIL)");
    }

    @Test
    void emptyGroup() {
        assertThat(envelope("To: undisclosed-recipients:;\n\n")).isEqualTo(
                "(NIL NIL NIL NIL NIL ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)) NIL NIL NIL NIL)");
    }

    @Test
    void addressForms() {
        assertThat(from("gray@cac.washington.edu (Terry Gray)")).isEqualTo("((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\"))");
        assertThat(from("John Q. Public <jqp@example.com>")).isEqualTo("((\"John Q. Public\" NIL \"jqp\" \"example.com\"))");
        assertThat(from("<@relay.example,@r2.example:joe@example.com>"))
                .isEqualTo("((NIL \"@relay.example,@r2.example\" \"joe\" \"example.com\"))");
        assertThat(from("root")).isEqualTo("((NIL NIL \"root\" \"\"))");
        assertThat(from("\"john doe\"@example.com")).isEqualTo("((NIL NIL \"john doe\" \"example.com\"))");
        assertThat(from("a@[192.0.2.1]")).isEqualTo("((NIL NIL \"a\" \"[192.0.2.1]\"))");
        assertThat(from("first.last@sub.example.com")).isEqualTo("((NIL NIL \"first.last\" \"sub.example.com\"))");
        assertThat(from("\"A \\\"quoted\\\" name\" <a@b.c>")).isEqualTo("((\"A \\\"quoted\\\" name\" NIL \"a\" \"b.c\"))");
        assertThat(from("=?iso-8859-1?q?J=F6rg?= Schmidt <js@example.de>"))
                .isEqualTo("((\"=?iso-8859-1?q?J=F6rg?= Schmidt\" NIL \"js\" \"example.de\"))");
        assertThat(from("a@b.c, , \"X\" <x@y.z>")).isEqualTo("((NIL NIL \"a\" \"b.c\")(\"X\" NIL \"x\" \"y.z\"))");
        assertThat(from("a@b.c ()")).isEqualTo("((NIL NIL \"a\" \"b.c\"))");
        assertThat(from("Broken <no-close@example.com")).isEqualTo("((\"Broken\" NIL \"no-close\" \"example.com\"))");
    }

    @Test
    void foldedSubjectIsUnfolded() {
        assertThat(envelope("Subject: a long\n subject line\n\n")).isEqualTo("(NIL \"a long subject line\" NIL NIL NIL NIL NIL NIL NIL NIL)");
    }

    @Test
    void eightBitValuesAreLiterals() {
        assertThat(envelope("Subject: Gr\u00fc\u00dfe\nFrom: J\u00f6rg <j@x.de>\n\n")).isEqualTo(
                "(NIL {5}\r\nGr\u00fc\u00dfe (({4}\r\nJ\u00f6rg NIL \"j\" \"x.de\")) (({4}\r\nJ\u00f6rg NIL \"j\" \"x.de\")) "
                + "(({4}\r\nJ\u00f6rg NIL \"j\" \"x.de\")) NIL NIL NIL NIL NIL)");
    }

    @Test
    void firstOccurrenceWins() {
        Envelope e = MimeStructure.parse(crlf("Subject: one\nSubject: two\nMessage-ID: <m@x>\n\n")).envelope();
        assertThat(e.subject()).isEqualTo("one");
        assertThat(e.messageId()).isEqualTo("<m@x>");
        assertThat(e.from()).isEmpty();
    }

    @Test
    @Timeout(10)
    void aControlCharacterInAnAddressIsSkippedInsteadOfLoopingUntilTheHeapIsFull() {
        // found by fuzzing (MimeStructureFuzzTest): the scanner never advanced past \u0001
        assertThat(from("Ali\u0001ce <alice@example.com>")).isEqualTo("((\"Ali ce\" NIL \"alice\" \"example.com\"))");
    }

    @Test
    void aBackslashEndingAContentTypeCommentDoesNotBreakTheParse() {
        // found by fuzzing (MimeStructureFuzzTest): the comment scanner stepped past the end
        MimeStructure m = MimeStructure.parse(crlf("Content-Type: text/plain (x\\\n\nbody\n"));
        assertThat(m.bodyStructure()).startsWith("(\"text\" \"plain\"");
    }
}
