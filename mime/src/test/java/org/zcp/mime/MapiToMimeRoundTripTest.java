package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.mime.MimeSamples.samplePdf;
import static org.zcp.mime.MimeSamples.samplePng;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MapiToMimeRoundTripTest;
import org.zcp.mime.MimeToMapi;

/**
 * MIME → {@link MimeToMapi} → {@link MapiToMime} → MIME → {@link MimeToMapi}: what a message
 * carries survives being received, stored and sent again.
 */
class MapiToMimeRoundTripTest {

    /** The spooler's view of who sends: the stored From / Sender properties. */
    static MapiToMime.Sender senderOf(Message m) {
        return new MapiToMime.Sender(
                PropValues.string(m.props, PropTag.PR_SENT_REPRESENTING_NAME),
                PropValues.string(m.props, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS),
                PropValues.string(m.props, PropTag.PR_SENDER_NAME),
                PropValues.string(m.props, PropTag.PR_SENDER_EMAIL_ADDRESS));
    }

    static Message roundTrip(Message first) {
        byte[] sent = MapiToMime.toBytes(MapiToMime.convert(first, senderOf(first), MapiToMime.Options.smtp("example.test", null)));
        return MimeSamples.convert(sent);
    }

    static String lines(String s) {
        return s == null ? null : s.replace("\r\n", "\n");
    }

    static String html(Message m) {
        byte[] b = PropValues.binary(m.props, PropTag.PR_HTML);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    static List<String> recipients(Message m) {
        return m.recipients.stream()
                .map(r -> PropValues.number(r.props, PropTag.PR_RECIPIENT_TYPE) + "|"
                        + PropValues.string(r.props, PropTag.PR_DISPLAY_NAME) + "|"
                        + PropValues.string(r.props, PropTag.PR_SMTP_ADDRESS))
                .toList();
    }

    static List<String> attachmentSummary(Message m) {
        return m.attachments.stream()
                .map(a -> PropValues.string(a.props, PropTag.PR_ATTACH_LONG_FILENAME) + "|"
                        + PropValues.string(a.props, PropTag.PR_ATTACH_MIME_TAG) + "|"
                        + PropValues.number(a.props, PropTag.PR_ATTACH_METHOD) + "|"
                        + PropValues.string(a.props, PropTag.PR_ATTACH_CONTENT_ID) + "|"
                        + PropValues.find(a.props, MimeToMapi.PR_ATTACHMENT_HIDDEN))
                .toList();
    }

    /** Everything the store keeps of a received message, compared between the two conversions. */
    static void assertSameContent(Message first, Message second) {
        for (int tag : new int[] {PropTag.PR_SUBJECT, PropTag.PR_SENT_REPRESENTING_NAME,
                PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, PropTag.PR_SENDER_NAME, PropTag.PR_SENDER_EMAIL_ADDRESS,
                PropTag.PR_DISPLAY_TO, PropTag.PR_DISPLAY_CC}) {
            assertThat(PropValues.string(second.props, tag)).as(PropTag.hex(tag))
                    .isEqualTo(PropValues.string(first.props, tag));
        }
        assertThat(PropValues.number(second.props, PropTag.PR_IMPORTANCE))
                .isEqualTo(PropValues.number(first.props, PropTag.PR_IMPORTANCE));
        assertThat(lines(PropValues.string(second.props, PropTag.PR_BODY)))
                .isEqualTo(lines(PropValues.string(first.props, PropTag.PR_BODY)));
        assertThat(lines(html(second))).isEqualTo(lines(html(first)));
        assertThat(recipients(second)).isEqualTo(recipients(first));
        assertThat(attachmentSummary(second)).isEqualTo(attachmentSummary(first));
        for (int i = 0; i < first.attachments.size(); i++) {
            Attachment a = first.attachments.get(i);
            Attachment b = second.attachments.get(i);
            if (PropValues.number(a.props, PropTag.PR_ATTACH_METHOD) == MimeToMapi.ATTACH_EMBEDDED_MSG) {
                // the wire has CRLF lines; a message stored with LF lines comes back with CRLF
                assertThat(lines(new String(b.data, StandardCharsets.UTF_8)))
                        .isEqualTo(lines(new String(a.data, StandardCharsets.UTF_8)));
            } else {
                assertThat(b.data).as("data of attachment %d", i).isEqualTo(a.data);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "headers-full.eml",
        "body-alternative.eml",
        "body-html-only.eml",
        "body-plain-qp-latin1.eml",
        "body-windows-1252.eml",
        "attach-pdf.eml",
        "attach-encoded-filenames.eml",
        "attach-no-filename.eml",
        "related-inline-image.eml",
        "forwarded-rfc822.eml",
        "utf8-headers.eml",
    })
    void sampleMailSurvivesStoreAndSend(String sample) {
        Message first = MimeSamples.convertResource(sample);

        Message second = roundTrip(first);

        assertSameContent(first, second);
    }

    @Test
    void headersSurvive() {
        Message first = MimeSamples.convertResource("headers-full.eml");

        Message second = roundTrip(first);

        for (int tag : new int[] {PropTag.PR_INTERNET_MESSAGE_ID, PropTag.PR_IN_REPLY_TO_ID}) {
            assertThat(PropValues.string(second.props, tag)).isEqualTo(PropValues.string(first.props, tag)).isNotNull();
        }
        assertThat(PropValues.number(second.props, PropTag.PR_CLIENT_SUBMIT_TIME))
                .isEqualTo(PropValues.number(first.props, PropTag.PR_CLIENT_SUBMIT_TIME));
        assertThat(PropValues.number(second.props, PropTag.PR_IMPORTANCE)).isEqualTo(2L);
        // sent on behalf: From the boss, Sender the assistant
        assertThat(PropValues.string(second.props, PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS)).isEqualTo("boss@example.com");
        assertThat(PropValues.string(second.props, PropTag.PR_SENDER_EMAIL_ADDRESS)).isEqualTo("assistant@example.com");
        assertThat(PropValues.string(second.props, PropTag.PR_DISPLAY_CC)).isEqualTo("bob@example.com; Carol, Jr.");
    }

    @Test
    void nonAsciiEverywhereSurvives() {
        // Given non-ASCII subject, names, bodies and file names
        String raw = """
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <juergen@example.de>
                To: =?UTF-8?B?QmrDtnJuIMOFc3Ryw7Zt?= <bjoern@example.se>, "Zoë, Café" <zoe@example.fr>
                Cc: =?UTF-8?B?5bGx55Sw5aSq6YOO?= <yamada@example.jp>
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln_=E2=80=93_=E6=97=A5=E6=9C=AC?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: multipart/alternative; boundary="a"

                --a
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                Grüße – 日本語のテキスト
                zweite Zeile
                --a
                Content-Type: text/html; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                <p>Grüße – 日本語のテキスト</p>
                --a--
                --m
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=UTF-8''%E8%AB%8B%E6%B1%82%E6%9B%B8%20M%C3%A4rz.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQKJSVFT0YK
                --m--
                """;
        Message first = MimeSamples.convertText(raw);
        assertThat(MimeSamples.names(first)).containsExactly("請求書 März.pdf");

        Message second = roundTrip(first);

        assertSameContent(first, second);
        assertThat(PropValues.string(second.props, PropTag.PR_SUBJECT)).isEqualTo("Grüße aus Köln – 日本");
        assertThat(PropValues.string(second.props, PropTag.PR_SENT_REPRESENTING_NAME)).isEqualTo("Jürgen Müller");
        assertThat(PropValues.string(second.props, PropTag.PR_DISPLAY_TO)).isEqualTo("Björn Åström; Zoë, Café");
        assertThat(PropValues.string(second.props, PropTag.PR_DISPLAY_CC)).isEqualTo("山田太郎");
        assertThat(MimeSamples.names(second)).containsExactly("請求書 März.pdf");
        assertThat(lines(PropValues.string(second.props, PropTag.PR_BODY))).isEqualTo("Grüße – 日本語のテキスト\nzweite Zeile");
    }

    @Test
    void inlineImageAndAttachmentSurviveTogether() {
        // Given mixed(alternative(text, related(html, png)), pdf)
        String png = java.util.Base64.getEncoder().encodeToString(samplePng());
        String pdf = java.util.Base64.getMimeEncoder().encodeToString(samplePdf());
        String raw = """
                From: sender@example.com
                To: rcpt@example.org
                Subject: Everything
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: multipart/alternative; boundary="a"

                --a
                Content-Type: text/plain; charset=UTF-8

                Text
                --a
                Content-Type: multipart/related; boundary="r"; type="text/html"

                --r
                Content-Type: text/html; charset=UTF-8

                <p>HTML <img src="cid:img@x"></p>
                --r
                Content-Type: image/png
                Content-ID: <img@x>
                Content-Disposition: inline; filename="logo.png"
                Content-Transfer-Encoding: base64

                %s
                --r--
                --a--
                --m
                Content-Type: application/pdf; name="report.pdf"
                Content-Disposition: attachment; filename="report.pdf"
                Content-Transfer-Encoding: base64

                %s
                --m--
                """.formatted(png, pdf);
        Message first = MimeSamples.convertText(raw);
        assertThat(first.attachments).hasSize(2);

        Message second = roundTrip(first);

        assertSameContent(first, second);
        Attachment image = MimeSamples.attachmentNamed(second, "logo.png");
        assertThat(image.data).isEqualTo(samplePng());
        assertThat(PropValues.string(image.props, PropTag.PR_ATTACH_CONTENT_ID)).isEqualTo("img@x");
        assertThat(PropValues.find(image.props, MimeToMapi.PR_ATTACHMENT_HIDDEN).b).isTrue();
        assertThat(MimeSamples.attachmentNamed(second, "report.pdf").data).isEqualTo(samplePdf());
    }

    @Test
    void nestedMessageWithItsOwnAttachmentSurvivesByteForByte() {
        // Given a forwarded message (CRLF, like everything on the wire) that itself has an attachment
        String inner = String.join("\r\n",
                "From: Original Author <orig@example.com>",
                "To: boss@example.com",
                "Subject: =?UTF-8?Q?Urspr=C3=BCnglich?=",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"inner\"",
                "",
                "--inner",
                "Content-Type: text/plain; charset=UTF-8",
                "Content-Transfer-Encoding: 8bit",
                "",
                "Grüße vom Original.",
                "--inner",
                "Content-Type: application/pdf; name=\"orig.pdf\"",
                "Content-Disposition: attachment; filename=\"orig.pdf\"",
                "Content-Transfer-Encoding: base64",
                "",
                java.util.Base64.getMimeEncoder().encodeToString(samplePdf()),
                "--inner--",
                "");
        String outer = String.join("\r\n",
                "From: boss@example.com",
                "To: rcpt@example.org",
                "Subject: Fwd: Ursprünglich",
                "MIME-Version: 1.0",
                "Content-Type: multipart/mixed; boundary=\"outer\"",
                "",
                "--outer",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "See below.",
                "--outer",
                "Content-Type: message/rfc822",
                "Content-Transfer-Encoding: 8bit",
                "",
                inner,
                "--outer--",
                "");
        Message first = MimeSamples.convert(outer.getBytes(StandardCharsets.UTF_8));
        assertThat(first.attachments).hasSize(1);

        Message second = roundTrip(first);

        assertSameContent(first, second);
        Attachment embedded = second.attachments.get(0);
        assertThat(embedded.data).isEqualTo(first.attachments.get(0).data);
        assertThat(new String(embedded.data, StandardCharsets.UTF_8)).isEqualTo(inner);
        // and the embedded message still parses into its own body and attachment
        Message innerMessage = MimeSamples.convert(embedded.data);
        assertThat(PropValues.string(innerMessage.props, PropTag.PR_SUBJECT)).isEqualTo("Ursprünglich");
        assertThat(PropValues.string(innerMessage.props, PropTag.PR_BODY)).isEqualTo("Grüße vom Original.");
        assertThat(MimeSamples.attachmentNamed(innerMessage, "orig.pdf").data).isEqualTo(samplePdf());
    }

    @Test
    void bccRecipientOfAStoredMessageOnlyReachesTheEnvelope() {
        // Given a stored message with a Bcc row (as a client would create it in the Outbox)
        Message first = MimeSamples.convertResource("headers-full.eml");
        Recipient bcc = new Recipient();
        bcc.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, "Hidden"));
        bcc.props.add(PropValue.ofString(PropTag.PR_SMTP_ADDRESS, "hidden@example.com"));
        bcc.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, PropTag.MAPI_BCC));
        first.recipients.add(bcc);

        Message second = roundTrip(first);

        assertThat(recipients(second)).noneMatch(r -> r.contains("hidden@example.com"));
        assertThat(MapiToMime.envelopeRecipients(first)).containsExactly(
                "juergen@example.de", "anna@example.org", "bob@example.com", "carol@example.net", "hidden@example.com");
    }
}
