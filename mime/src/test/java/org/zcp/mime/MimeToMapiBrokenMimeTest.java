package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.mime.MimeSamples.DELIVERY_TIME;
import static org.zcp.mime.MimeSamples.attachmentNamed;
import static org.zcp.mime.MimeSamples.convert;
import static org.zcp.mime.MimeSamples.convertResource;
import static org.zcp.mime.MimeSamples.number;
import static org.zcp.mime.MimeSamples.string;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.mime.MimeToMapiBrokenMimeTest;

/** Broken input never throws: the message is converted as far as it can be. */
class MimeToMapiBrokenMimeTest {

    @Test
    void missingClosingBoundaryKeepsBodyAndTheLastPart() {
        // Given multipart/mixed whose closing boundary never comes
        Message m = convertResource("broken-missing-end-boundary.eml");

        // Then the body and the attachment that runs to the end of input are both there
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("The body text.");
        assertThat(new String(attachmentNamed(m, "cut.pdf").data, StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.4\n");
    }

    @Test
    void multipartWithoutBoundaryParameterIsConvertedBestEffort() {
        // Given Content-Type: multipart/mixed with no boundary parameter
        Message m = convertResource("broken-no-boundary-param.eml");

        // Then nothing is thrown, the headers are converted and the content is kept somewhere
        assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Multipart without boundary");
        String body = string(m.props, PropTag.PR_BODY);
        String kept = body != null ? body
                : m.attachments.stream().map(a -> new String(a.data, StandardCharsets.UTF_8))
                        .reduce("", String::concat);
        assertThat(kept).contains("Text inside a multipart that has no boundary parameter.");
    }

    @Test
    void garbageBase64InAnAttachmentDoesNotLoseTheMessage() {
        // Given a base64 attachment whose content is not base64
        Message m = convertResource("broken-base64.eml");

        // Then the body is intact and the attachment is still there (decoded leniently or raw)
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Readable body.");
        assertThat(attachmentNamed(m, "garbage.bin").data).isNotNull();
    }

    @Test
    void garbageBase64InTheBodyIsKeptBestEffort() {
        // Given a text/plain body whose base64 is broken
        Message m = convertResource("broken-base64-body.eml");

        // Then nothing is thrown: the part is either a (partly decoded) body or a raw attachment
        assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Garbage base64 body");
        assertThat(PropValues.find(m.props, PropTag.PR_BODY) != null || !m.attachments.isEmpty()).isTrue();
    }

    @Test
    void invalidDateHeaderLeavesClientSubmitTimeOut() {
        // Given Date: the day after tomorrow, around noon
        Message m = convertResource("broken-date.eml");

        // Then there is no PR_CLIENT_SUBMIT_TIME, and the rest is converted
        assertThat(PropValues.find(m.props, PropTag.PR_CLIENT_SUBMIT_TIME)).isNull();
        assertThat(number(m.props, PropTag.PR_MESSAGE_DELIVERY_TIME)).isEqualTo(DELIVERY_TIME);
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Body.\n");
    }

    @Test
    void unparsableFromAddressIsLeftOutButKeptInTheHeaderBlock() {
        // Given From: "unterminated <<<@@ ;; >
        Message m = convertResource("broken-from.eml");

        // Then nothing is thrown, the rest of the message is there and the raw header survives
        assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Bad from");
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Body.\n");
        assertThat(string(m.props, PropTag.PR_TRANSPORT_MESSAGE_HEADERS)).contains("From: \"unterminated <<<@@ ;; >");
        assertThat(m.recipients).hasSize(1);
    }

    @Test
    void headerOnlyMessageHasHeadersAndAnEmptyBody() {
        // Given a message that ends after its headers (no blank line, no body)
        Message m = convertResource("header-only.eml");

        // Then the header properties are set and the body is empty
        assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Only headers");
        assertThat(number(m.props, PropTag.PR_CLIENT_SUBMIT_TIME)).isEqualTo(1_736_847_000_000L);
        assertThat(m.recipients).hasSize(1);
        assertThat(string(m.props, PropTag.PR_BODY)).isNullOrEmpty();
        assertThat(m.attachments).isEmpty();
    }

    @Test
    void rawUtf8InHeadersIsReadAsUtf8() {
        // Given Subject, From and To with 8-bit UTF-8 instead of encoded words
        Message m = convertResource("utf8-headers.eml");

        // Then they are decoded as UTF-8
        assertThat(string(m.props, PropTag.PR_SUBJECT)).isEqualTo("Grüße aus Köln – 日本");
        assertThat(string(m.props, PropTag.PR_SENT_REPRESENTING_NAME)).isEqualTo("Jürgen Müller");
        assertThat(string(m.props, PropTag.PR_DISPLAY_TO)).isEqualTo("Björn Åström");
        assertThat(string(m.props, PropTag.PR_TRANSPORT_MESSAGE_HEADERS)).contains("Subject: Grüße aus Köln – 日本");
    }

    @Test
    void completelyEmptyInputGivesAnEmptyIpmNote() {
        // Given zero bytes
        Message m = convertResource("empty.eml");

        // Then the result is an IPM.Note with only the fixed properties
        assertThat(string(m.props, PropTag.PR_MESSAGE_CLASS)).isEqualTo("IPM.Note");
        assertThat(number(m.props, PropTag.PR_MESSAGE_DELIVERY_TIME)).isEqualTo(DELIVERY_TIME);
        assertThat(number(m.props, PropTag.PR_IMPORTANCE)).isEqualTo(1L);
        assertThat(PropValues.find(m.props, PropTag.PR_SUBJECT)).isNull();
        assertThat(PropValues.find(m.props, PropTag.PR_SENDER_NAME)).isNull();
        assertThat(string(m.props, PropTag.PR_TRANSPORT_MESSAGE_HEADERS)).isEmpty();
        assertThat(string(m.props, PropTag.PR_BODY)).isNullOrEmpty();
        assertThat(m.recipients).isEmpty();
        assertThat(m.attachments).isEmpty();
    }

    @Test
    void plainGarbageIsStillConverted() {
        byte[] noise = new byte[512];
        new java.util.Random(7).nextBytes(noise);

        Message m = convert(noise);

        assertThat(string(m.props, PropTag.PR_MESSAGE_CLASS)).isEqualTo("IPM.Note");
    }
}
