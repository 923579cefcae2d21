package org.zcp.protocols.imap.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zcp.protocols.imap.mime.Samples.crlf;
import static org.zcp.protocols.imap.mime.Samples.lf;
import static org.zcp.protocols.imap.mime.Samples.str;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and FETCH BODY[section] addressing (RFC 3501 §6.4.5). */
class MimeStructureTest {

    @Test
    void plainMessageSections() {
        byte[] raw = crlf("Subject: hi\nFrom: a@b.c\n\nline 1\nline 2\n");
        MimeStructure m = MimeStructure.parse(raw);
        assertThat(m.section("")).isEqualTo(raw);
        assertThat(str(m.section("HEADER"))).isEqualTo("Subject: hi\r\nFrom: a@b.c\r\n\r\n");
        assertThat(str(m.section("TEXT"))).isEqualTo("line 1\r\nline 2\r\n");
        assertThat(str(m.section("1"))).isEqualTo("line 1\r\nline 2\r\n");
        assertThat(str(m.section("1.MIME"))).isEqualTo("Subject: hi\r\nFrom: a@b.c\r\n\r\n");
        assertThat(m.section("2")).isEmpty();
        assertThat(m.section("1.1")).isEmpty();
        assertThat(m.section("1.HEADER")).isEmpty();
        assertThat(m.root().contentType()).isEqualTo(ContentType.DEFAULT);
        assertThat(m.root().bodySize()).isEqualTo(16);
        assertThat(m.root().bodyLines()).isEqualTo(2);
        assertThat(m.size()).isEqualTo(raw.length);
    }

    @Test
    void headerFieldsAreUnfoldedAndCaseInsensitive() {
        MimeStructure m = MimeStructure.parse(crlf("SUBJECT: a\n  long\n\tsubject  \nx-empty:\n\nbody"));
        assertThat(m.root().header("subject")).isEqualTo("a  long\tsubject");
        assertThat(m.root().header("X-Empty")).isEmpty();
        HeaderField f = m.root().fields().get(0);
        assertThat(f.name()).isEqualTo("SUBJECT");
        assertThat(f.start()).isZero();
        assertThat(f.end()).isEqualTo("SUBJECT: a\r\n  long\r\n\tsubject  \r\n".length());
    }

    @Test
    void headerFieldsKeepFoldingAndOrder() {
        MimeStructure m = MimeStructure.parse(crlf("Subject: a\n b\nFrom: x@y\nTo: z@w\nsubject: again\n\nbody\n"));
        assertThat(str(m.section("HEADER.FIELDS (SUBJECT TO)")))
                .isEqualTo("Subject: a\r\n b\r\nTo: z@w\r\nsubject: again\r\n\r\n");
        assertThat(str(m.section("header.fields.not (Subject)"))).isEqualTo("From: x@y\r\nTo: z@w\r\n\r\n");
        assertThat(str(m.section("HEADER.FIELDS (\"From\")"))).isEqualTo("From: x@y\r\n\r\n");
        assertThat(str(m.section("HEADER.FIELDS (X-NONE)"))).isEqualTo("\r\n");
    }

    @Test
    void multipartAlternative() {
        byte[] raw = crlf(Samples.ALTERNATIVE);
        MimeStructure m = MimeStructure.parse(raw);
        MimePart root = m.root();
        assertThat(root.children()).hasSize(2);
        assertThat(root.contentType().parameter("BOUNDARY")).isEqualTo("b1");
        assertThat(str(m.section("1"))).isEqualTo("Hi Bob=21");
        assertThat(str(m.section("1.MIME")))
                .isEqualTo("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n");
        assertThat(str(m.section("2"))).isEqualTo("<p>Hi Bob!</p>");
        assertThat(m.section("3")).isEmpty();
        assertThat(m.section("2.1")).isEmpty();
        assertThat(str(m.section("TEXT"))).startsWith("This is a preamble.\r\n--b1\r\n").endsWith("--b1--\r\nepilogue\r\n");
        MimePart first = root.children().get(0);
        assertThat(str(raw).substring(first.bodyStart(), first.bodyEnd())).isEqualTo("Hi Bob=21");
        assertThat(first.contentTransferEncoding()).isEqualTo("quoted-printable");
    }

    @Test
    void nestedMessageSections() {
        MimeStructure m = MimeStructure.parse(crlf(Samples.MIXED));
        assertThat(str(m.section("1"))).isEqualTo("See attached.\r\n");
        assertThat(str(m.section("2"))).isEqualTo("JVBERi0xLjQK");
        assertThat(str(m.section("3.HEADER"))).isEqualTo(
                "From: carol@example.net\r\nSubject: inner\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n");
        assertThat(str(m.section("3.MIME"))).isEqualTo("Content-Type: message/rfc822\r\n\r\n");
        assertThat(str(m.section("3.TEXT"))).startsWith("--inner\r\n").endsWith("--inner--\r\n");
        assertThat(str(m.section("3"))).startsWith("From: carol@example.net\r\n").endsWith("--inner--\r\n");
        assertThat(str(m.section("3.1"))).isEqualTo("inner text");
        assertThat(str(m.section("3.2"))).isEqualTo("<b>inner</b>");
        assertThat(str(m.section("3.2.MIME"))).isEqualTo("Content-Type: text/html\r\n\r\n");
        assertThat(str(m.section("3.HEADER.FIELDS (SUBJECT)"))).isEqualTo("Subject: inner\r\n\r\n");
        assertThat(m.section("3.3")).isEmpty();
        assertThat(m.section("1.HEADER")).isEmpty();
        assertThat(m.section("2.TEXT")).isEmpty();
        assertThat(m.section("4.MIME")).isEmpty();
    }

    @Test
    void embeddedNonMultipartMessageHasPartOne() {
        MimeStructure m = MimeStructure.parse(crlf("""
                Content-Type: multipart/mixed; boundary=x

                --x
                Content-Type: message/rfc822

                Subject: inner

                inner body
                --x--
                """));
        assertThat(str(m.section("1.1"))).isEqualTo("inner body");
        assertThat(str(m.section("1.1.MIME"))).isEqualTo("Subject: inner\r\n\r\n");
        assertThat(str(m.section("1.TEXT"))).isEqualTo("inner body");
        assertThat(m.section("1.2")).isEmpty();
    }

    @Test
    void digestChildrenDefaultToMessageRfc822() {
        MimeStructure m = MimeStructure.parse(crlf("""
                Content-Type: multipart/digest; boundary=d

                --d

                Subject: first

                one
                --d
                Content-Type: text/plain

                not a message
                --d--
                """));
        MimePart first = m.root().children().get(0);
        assertThat(first.contentType()).isEqualTo(ContentType.DIGEST_DEFAULT);
        assertThat(first.message()).isNotNull();
        assertThat(first.message().header("Subject")).isEqualTo("first");
        assertThat(str(m.section("1.MIME"))).isEqualTo("\r\n");
        assertThat(str(m.section("1.TEXT"))).isEqualTo("one");
        assertThat(m.root().children().get(1).contentType().isText()).isTrue();
    }

    @Test
    void lfOnlyMessage() {
        byte[] raw = lf(Samples.ALTERNATIVE);
        MimeStructure m = MimeStructure.parse(raw);
        assertThat(str(m.section("1"))).isEqualTo("Hi Bob=21");
        assertThat(str(m.section("2.MIME"))).isEqualTo("Content-Type: text/html; charset=utf-8\n\n");
        assertThat(str(m.section("HEADER.FIELDS (Subject To)"))).isEqualTo("To: Bob <bob@example.org>\nSubject: Hello\n\n");
        assertThat(m.section("")).isEqualTo(raw);
    }

    @Test
    void brokenMultipartWithoutClosingBoundary() {
        MimeStructure m = MimeStructure.parse(crlf("""
                Content-Type: multipart/mixed; boundary="zz"

                --zz
                Content-Type: text/plain

                first
                --zz
                Content-Type: text/plain

                second, cut off
                """));
        assertThat(m.root().children()).hasSize(2);
        assertThat(str(m.section("1"))).isEqualTo("first");
        assertThat(str(m.section("2"))).isEqualTo("second, cut off\r\n");
    }

    @Test
    void nestedMultipartWithoutClosingBoundaryEndsAtOuterDelimiter() {
        MimeStructure m = MimeStructure.parse(crlf("""
                Content-Type: multipart/mixed; boundary=a

                --a
                Content-Type: multipart/alternative; boundary=a-1

                --a-1

                inner
                --a
                Content-Type: text/plain

                outer two
                --a--
                """));
        assertThat(m.root().children()).hasSize(2);
        assertThat(str(m.section("1.1"))).isEqualTo("inner");
        assertThat(str(m.section("2"))).isEqualTo("outer two");
    }

    @Test
    void boundaryLinesMayHaveTrailingWhitespace() {
        MimeStructure m = MimeStructure.parse(crlf("""
                Content-Type: multipart/mixed; boundary=q

                --q \t
                Content-Type: text/plain

                a
                --q--  
                """));
        assertThat(str(m.section("1"))).isEqualTo("a");
    }

    @Test
    void multipartWithoutBoundaryHasNoParts() {
        MimeStructure m = MimeStructure.parse(crlf("Content-Type: multipart/mixed\n\n--x\n\nbody\n"));
        assertThat(m.root().children()).isEmpty();
        assertThat(m.section("1")).isEmpty();
    }

    @Test
    void missingOrInvalidContentTypeDefaultsToTextPlain() {
        assertThat(MimeStructure.parse(crlf("Subject: x\n\nb")).root().contentType()).isEqualTo(ContentType.DEFAULT);
        assertThat(MimeStructure.parse(crlf("Content-Type: garbage\n\nb")).root().contentType())
                .isEqualTo(ContentType.DEFAULT);
    }

    @Test
    void contentTypeWithCommentsAndQuotedParameters() {
        MimePart p = MimeStructure.parse(crlf(
                "Content-Type: (c) Text / HTML (x) ; Charset = \"iso\\\"8859-1\" (y); format=flowed;;junk; a=\"b;c\"\n\nx"))
                .root();
        assertThat(p.contentType().type()).isEqualTo("Text");
        assertThat(p.contentType().subtype()).isEqualTo("HTML");
        assertThat(p.contentType().parameters()).containsExactly(new Parameter("Charset", "iso\"8859-1"),
                new Parameter("format", "flowed"), new Parameter("a", "b;c"));
    }

    @Test
    void emptyBodyAndHeaderOnlyMessages() {
        MimeStructure empty = MimeStructure.parse(crlf("Subject: empty\n\n"));
        assertThat(empty.section("TEXT")).isEmpty();
        assertThat(str(empty.section("HEADER"))).isEqualTo("Subject: empty\r\n\r\n");
        MimeStructure headerOnly = MimeStructure.parse(lf("Subject: only\nFrom: a@b"));
        assertThat(str(headerOnly.section("HEADER"))).isEqualTo("Subject: only\nFrom: a@b");
        assertThat(headerOnly.section("TEXT")).isEmpty();
        assertThat(headerOnly.root().header("From")).isEqualTo("a@b");
        assertThat(str(headerOnly.section("HEADER.FIELDS (FROM)"))).isEqualTo("From: a@b\n\n");
        MimeStructure nothing = MimeStructure.parse(new byte[0]);
        assertThat(nothing.section("")).isEmpty();
        assertThat(nothing.section("1")).isEmpty();
        assertThat(nothing.body()).isEqualTo("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0)");
    }

    @Test
    void eightBitHeadersSurvive() {
        byte[] raw = crlf("Subject: Gr\u00fc\u00dfe\n\nK\u00e4se\n");
        MimeStructure m = MimeStructure.parse(raw);
        assertThat(m.root().header("Subject")).isEqualTo("Gr\u00fc\u00dfe");
        assertThat(m.section("TEXT")).containsExactly('K', 0xe4 - 256, 's', 'e', '\r', '\n');
    }

    @Test
    void garbageNeverThrows() {
        String[] inputs = {"\n\n\n", ":", "Content-Type: multipart/mixed; boundary=\"\n\n--", " folded first\n\nx",
            "Content-Type: message/rfc822\n\n", "Content-Type: multipart/digest; boundary=b\n\n--b\n--b--",
            "\r", "Content-Type: ;;;==\"\n\n", "no colon line\nSubject: s\n\nbody"};
        for (String in : inputs) {
            MimeStructure m = MimeStructure.parse(lf(in));
            m.bodyStructure();
            m.body();
            m.envelope().toImapString();
            m.section("1");
            m.section("1.MIME");
            m.section("HEADER.FIELDS (SUBJECT)");
        }
        assertThat(MimeStructure.parse(lf("no colon line\nSubject: s\n\nbody")).root().header("Subject")).isEqualTo("s");
    }

    @Test
    void deepNestingIsCutOff() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            sb.append("Content-Type: message/rfc822\n\n");
        }
        sb.append("body\n");
        MimeStructure m = MimeStructure.parse(lf(sb.toString()));
        assertThat(m.bodyStructure()).isNotEmpty();
    }

    @Test
    void partialFetch() {
        byte[] data = lf("0123456789");
        assertThat(str(MimeStructure.partial(data, 2, 3))).isEqualTo("234");
        assertThat(str(MimeStructure.partial(data, 8, 100))).isEqualTo("89");
        assertThat(MimeStructure.partial(data, 10, 5)).isEmpty();
        assertThat(MimeStructure.partial(data, 0, 0)).isEmpty();
        assertThatThrownBy(() -> MimeStructure.partial(data, -1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidSectionSyntaxIsRejected() {
        MimeStructure m = MimeStructure.parse(crlf("Subject: x\n\ny"));
        for (String bad : List.of("MIME", "0", "1.", "1..2", "FOO", "HEADER.FIELDS", "HEADER.FIELDS ()", "1.x")) {
            assertThatThrownBy(() -> m.section(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void sectionSpecParsing() {
        assertThat(SectionSpec.parse("1.2.HEADER.FIELDS.NOT (A \"B C\")"))
                .isEqualTo(new SectionSpec(List.of(1, 2), SectionSpec.Text.HEADER_FIELDS_NOT, List.of("A", "B C")));
        assertThat(SectionSpec.parse("")).isEqualTo(new SectionSpec(List.of(), SectionSpec.Text.NONE, List.of()));
        assertThat(SectionSpec.parse("4.2.mime").text()).isEqualTo(SectionSpec.Text.MIME);
        assertThat(SectionSpec.parse("text").text()).isEqualTo(SectionSpec.Text.TEXT);
    }
}
