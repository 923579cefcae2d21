package org.zcp.protocols.imap.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.protocols.imap.mime.Samples.crlf;
import static org.zcp.protocols.imap.mime.Samples.lf;

import org.junit.jupiter.api.Test;

/** BODY and BODYSTRUCTURE (RFC 3501 §7.4.2). */
class BodyStructureTest {

    @Test
    void rfc3501ExampleBody() {
        MimeStructure m = MimeStructure.parse(Samples.rfc3501());
        assertThat(m.body()).isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92)");
        assertThat(m.bodyStructure())
                .isEqualTo("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3028 92 NIL NIL NIL NIL)");
        assertThat(m.section("TEXT")).hasSize(3028);
    }

    @Test
    void plainDefaults() {
        MimeStructure m = MimeStructure.parse(crlf("Subject: x\n\nhello\nworld\n"));
        assertThat(m.bodyStructure())
                .isEqualTo("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 14 2 NIL NIL NIL NIL)");
    }

    @Test
    void textWithoutCharsetGetsDefaultAppended() {
        MimeStructure m = MimeStructure.parse(crlf("Content-Type: text/plain; format=flowed\n\nx"));
        assertThat(m.body()).isEqualTo("(\"text\" \"plain\" (\"format\" \"flowed\" \"charset\" \"us-ascii\") NIL NIL \"7bit\" 1 0)");
    }

    @Test
    void multipartAlternative() {
        MimeStructure m = MimeStructure.parse(crlf(Samples.ALTERNATIVE));
        assertThat(m.bodyStructure()).isEqualTo(
                "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 9 0 NIL NIL NIL NIL)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 14 0 NIL NIL NIL NIL)"
                + " \"alternative\" (\"boundary\" \"b1\") NIL NIL NIL)");
        assertThat(m.body()).isEqualTo(
                "((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"quoted-printable\" 9 0)"
                + "(\"text\" \"html\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 14 0) \"alternative\")");
    }

    @Test
    void mixedWithAttachmentAndNestedMessage() {
        String inner = "From: carol@example.net\r\nSubject: inner\r\n"
                + "Content-Type: multipart/alternative; boundary=inner\r\n\r\n"
                + "--inner\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\ninner text\r\n"
                + "--inner\r\nContent-Type: text/html\r\n\r\n<b>inner</b>\r\n--inner--\r\n";
        MimeStructure m = MimeStructure.parse(crlf(Samples.MIXED));
        assertThat(m.section("3")).isEqualTo(Samples.lf(inner));
        String carol = "((NIL NIL \"carol\" \"example.net\"))";
        String innerEnvelope = "(NIL \"inner\" " + carol + " " + carol + " " + carol + " NIL NIL NIL NIL NIL)";
        assertThat(m.bodyStructure()).isEqualTo(
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 15 1 NIL NIL NIL NIL)"
                + "(\"application\" \"pdf\" (\"name\" \"report.pdf\") \"<pdf@example.com>\" \"The report\" \"base64\" 12"
                + " \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"attachment\" (\"filename\" \"report.pdf\")) (\"en\" \"de\")"
                + " \"http://example.com/report.pdf\")"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" " + inner.length() + " " + innerEnvelope + " "
                + "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 0 NIL NIL NIL NIL)"
                + "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 0 NIL NIL NIL NIL)"
                + " \"alternative\" (\"boundary\" \"inner\") NIL NIL NIL) 13 NIL NIL NIL NIL)"
                + " \"mixed\" (\"boundary\" \"outer-boundary\") NIL NIL NIL)");
        assertThat(m.body()).isEqualTo(
                "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 15 1)"
                + "(\"application\" \"pdf\" (\"name\" \"report.pdf\") \"<pdf@example.com>\" \"The report\" \"base64\" 12)"
                + "(\"message\" \"rfc822\" NIL NIL NIL \"7bit\" " + inner.length() + " " + innerEnvelope + " "
                + "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 10 0)"
                + "(\"text\" \"html\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 12 0) \"alternative\") 13)"
                + " \"mixed\")");
    }

    @Test
    void digest() {
        MimeStructure m = MimeStructure.parse(crlf("""
                Content-Type: multipart/digest; boundary=d

                --d

                Subject: first

                one
                --d--
                """));
        assertThat(m.body()).isEqualTo("((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 21 "
                + "(NIL \"first\" NIL NIL NIL NIL NIL NIL NIL NIL) "
                + "(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 3 0) 2) \"digest\")");
    }

    @Test
    void lfOnlySizesAreStoredOctets() {
        MimeStructure m = MimeStructure.parse(lf("Subject: x\n\na\nb\n"));
        assertThat(m.body()).isEqualTo("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 2)");
    }

    @Test
    void brokenMultipartWithoutClosingBoundary() {
        MimeStructure m = MimeStructure.parse(crlf("""
                Content-Type: multipart/mixed; boundary="zz"

                --zz
                Content-Type: image/png
                Content-Transfer-Encoding: base64

                iVBORw0K
                """));
        assertThat(m.body()).isEqualTo("((\"image\" \"png\" NIL NIL NIL \"base64\" 10) \"mixed\")");
    }

    @Test
    void multipartWithoutPartsStaysGrammatical() {
        MimeStructure m = MimeStructure.parse(crlf("Content-Type: multipart/mixed; boundary=none\n\nno parts here\n"));
        assertThat(m.bodyStructure()).isEqualTo("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0"
                + " NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"none\") NIL NIL NIL)");
    }

    @Test
    void eightBitParameterBecomesLiteralAndDispositionWithoutParameters() {
        MimeStructure m = MimeStructure.parse(crlf(
                "Content-Type: application/octet-stream; name=\"K\u00e4se.bin\"\nContent-Disposition: inline\n\nxx"));
        assertThat(m.bodyStructure()).isEqualTo("(\"application\" \"octet-stream\" (\"name\" {8}\r\nK\u00e4se.bin)"
                + " NIL NIL \"7bit\" 2 NIL (\"inline\" NIL) NIL NIL)");
    }

    @Test
    void rfc2231ParametersStayRaw() {
        MimeStructure m = MimeStructure.parse(crlf("Content-Type: application/x-stuff;\n"
                + " title*0*=us-ascii'en'This%20is%20even%20more%20;\n title*1=\"***fun***\"\n\n"));
        assertThat(m.body()).isEqualTo("(\"application\" \"x-stuff\" (\"title*0*\" \"us-ascii'en'This%20is%20even%20more%20\""
                + " \"title*1\" \"***fun***\") NIL NIL \"7bit\" 0)");
    }

    @Test
    void missingContentTypeInsideMultipart() {
        MimeStructure m = MimeStructure.parse(crlf("Content-Type: multipart/related; boundary=r\n\n--r\n\nplain\n--r--\n"));
        assertThat(m.body()).isEqualTo("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 5 0) \"related\")");
    }
}
