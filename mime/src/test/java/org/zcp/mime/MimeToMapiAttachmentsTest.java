package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.mime.MimeSamples.attachmentNamed;
import static org.zcp.mime.MimeSamples.convertResource;
import static org.zcp.mime.MimeSamples.names;
import static org.zcp.mime.MimeSamples.number;
import static org.zcp.mime.MimeSamples.samplePdf;
import static org.zcp.mime.MimeSamples.samplePng;
import static org.zcp.mime.MimeSamples.string;

import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.mime.MimeToMapi;
import org.zcp.mime.MimeToMapiAttachmentsTest;

class MimeToMapiAttachmentsTest {

    @Test
    void base64PdfBecomesAnAttachmentWithExactlyTheDecodedBytes() {
        // Given multipart/mixed with a text body and a base64 application/pdf part "report.pdf"
        Message m = convertResource("attach-pdf.eml");

        // Then the body stays the body and the PDF is attachment 0 with every byte decoded
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Please find the report attached.");
        assertThat(m.attachments).hasSize(1);
        Attachment pdf = m.attachments.get(0);
        assertThat(pdf.attachNum).isZero();
        assertThat(pdf.data).isEqualTo(samplePdf());
        assertThat(string(pdf.props, PropTag.PR_ATTACH_LONG_FILENAME)).isEqualTo("report.pdf");
        assertThat(string(pdf.props, PropTag.PR_ATTACH_FILENAME)).isEqualTo("report.pdf");
        assertThat(string(pdf.props, PropTag.PR_ATTACH_MIME_TAG)).isEqualTo("application/pdf");
        assertThat(number(pdf.props, PropTag.PR_ATTACH_METHOD)).isEqualTo((long) MimeToMapi.ATTACH_BY_VALUE);
        assertThat(PropValues.find(pdf.props, MimeToMapi.PR_ATTACHMENT_HIDDEN)).isNull();
    }

    @Test
    void rfc2231EncodedFilenameIsDecoded() {
        // Given filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf
        Message m = convertResource("attach-encoded-filenames.eml");

        // Then the attachment is named "Rechnung März.pdf" and its content is intact
        Attachment a = attachmentNamed(m, "Rechnung März.pdf");
        assertThat(a.data).isEqualTo(samplePdf());
        assertThat(string(a.props, PropTag.PR_ATTACH_MIME_TAG)).isEqualTo("application/pdf");
    }

    @Test
    void rfc2231FilenameContinuationsAreJoinedAndDecoded() {
        // Given filename*0*=UTF-8''Notiz%20f%C3%BCr; filename*1*=%20Anna.txt on a text/plain attachment
        Message m = convertResource("attach-encoded-filenames.eml");

        // Then it is one attachment "Notiz für Anna.txt" and not the body
        Attachment a = attachmentNamed(m, "Notiz für Anna.txt");
        assertThat(new String(a.data, StandardCharsets.UTF_8)).isEqualTo("Notiz");
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Two invoices.");
    }

    @Test
    void rfc2047EncodedFilenameIsDecoded() {
        // Given filename="=?UTF-8?B?UHLDvGZiZXJpY2h0LnBkZg==?="
        Message m = convertResource("attach-encoded-filenames.eml");

        // Then the attachment is named "Prüfbericht.pdf"
        Attachment a = attachmentNamed(m, "Prüfbericht.pdf");
        assertThat(string(a.props, PropTag.PR_ATTACH_FILENAME)).isEqualTo("Prüfbericht.pdf");
        assertThat(a.data).isEqualTo(samplePdf());
    }

    @Test
    void attachmentsAreNumberedInOrder() {
        Message m = convertResource("attach-encoded-filenames.eml");

        assertThat(names(m)).containsExactly("Rechnung März.pdf", "Prüfbericht.pdf", "Notiz für Anna.txt");
        assertThat(m.attachments).extracting(a -> a.attachNum).containsExactly(0, 1, 2);
    }

    @Test
    void inlineImageOfMultipartRelatedKeepsItsContentIdAndIsHidden() {
        // Given alternative(text, related(html, image/png with Content-ID <logo.123@example.com>))
        Message m = convertResource("related-inline-image.eml");

        // Then both bodies are found
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Newsletter (text)");
        assertThat(new String(PropValues.binary(m.props, PropTag.PR_HTML), StandardCharsets.UTF_8))
                .contains("cid:logo.123@example.com");
        // And the image is a hidden attachment with the Content-ID without angle brackets
        assertThat(m.attachments).hasSize(1);
        Attachment img = m.attachments.get(0);
        assertThat(string(img.props, PropTag.PR_ATTACH_CONTENT_ID)).isEqualTo("logo.123@example.com");
        assertThat(PropValues.find(img.props, 0x7FFE000B).b).isTrue();
        assertThat(string(img.props, PropTag.PR_ATTACH_LONG_FILENAME)).isEqualTo("logo.png");
        assertThat(string(img.props, PropTag.PR_ATTACH_MIME_TAG)).isEqualTo("image/png");
        assertThat(img.data).isEqualTo(samplePng());
    }

    @Test
    void messageRfc822PartIsAnEmbeddedMessageAttachmentWithTheWholeMessage() throws Exception {
        // Given multipart/mixed with a message/rfc822 part
        Message m = convertResource("forwarded-rfc822.eml");

        // Then it is one attachment, method 5, mime tag message/rfc822
        assertThat(m.attachments).hasSize(1);
        Attachment a = m.attachments.get(0);
        assertThat(string(a.props, PropTag.PR_ATTACH_MIME_TAG)).isEqualTo("message/rfc822");
        assertThat(number(a.props, PropTag.PR_ATTACH_METHOD)).isEqualTo((long) MimeToMapi.ATTACH_EMBEDDED_MSG);
        assertThat(number(a.props, PropTag.PR_ATTACH_METHOD)).isEqualTo(5L);
        assertThat(string(a.props, PropTag.PR_ATTACH_LONG_FILENAME)).isEqualTo("message.eml");
        // And its data is the embedded message, byte for byte
        assertThat(new String(a.data, StandardCharsets.US_ASCII)).isEqualTo("""
                From: Original Author <orig@example.com>
                To: boss@example.com
                Subject: Original subject
                Date: Mon, 13 Jan 2025 08:00:00 +0000
                Message-ID: <orig@example.com>

                This is the original message.""");
        MimeMessage embedded = MimeToMapi.parse(new ByteArrayInputStream(a.data));
        assertThat(embedded.getSubject()).isEqualTo("Original subject");
        // And the outer body is not mixed up with the embedded one
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("See the forwarded message.");
    }

    @Test
    void attachmentsWithoutFilenameGetAGeneratedNameWithAnExtensionForTheirType() {
        // Given a nameless application/pdf, image/png and application/x-unknown-thing
        Message m = convertResource("attach-no-filename.eml");

        // Then they are named by position with an extension from the MIME type
        assertThat(names(m)).containsExactly("attachment1.pdf", "attachment2.png", "attachment3.bin");
        assertThat(attachmentNamed(m, "attachment1.pdf").data).isEqualTo(samplePdf());
        assertThat(attachmentNamed(m, "attachment2.png").data).isEqualTo(samplePng());
        assertThat(attachmentNamed(m, "attachment3.bin").data).containsExactly(0, 1, 2, 3);
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Body.");
    }

    @Test
    void attachmentWithUnquotedFilenameContainingSpacesIsKept() {
        // Given Content-Disposition: attachment; filename=Rechnung Maerz.pdf (unquoted, seen from real mailers)
        Message m = convertResource("attach-unquoted-filename.eml");

        // Then the attachment is not lost; its bytes survive
        assertThat(m.attachments).hasSize(1);
        assertThat(m.attachments.get(0).data).isEqualTo(samplePdf());
    }

    @Test
    void attachmentWithUnparsableContentDispositionIsKept() {
        // Given Content-Disposition: attachment; filename="unterminated.pdf (no closing quote)
        Message m = convertResource("attach-bad-disposition.eml");

        // Then the body is there and the attachment's bytes are not lost
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Body.");
        assertThat(m.attachments).hasSize(1);
        assertThat(m.attachments.get(0).data).isEqualTo(samplePdf());
    }
}
