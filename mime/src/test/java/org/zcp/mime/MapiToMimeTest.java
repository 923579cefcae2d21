package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.zcp.mime.MimeSamples.samplePdf;
import static org.zcp.mime.MimeSamples.samplePng;

import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Attachment;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.api.mapi.Recipient;
import org.zcp.mime.MapiToMime;
import org.zcp.mime.MapiToMimeTest;
import org.zcp.mime.MimeToMapi;

class MapiToMimeTest {
    static final MapiToMime.Sender ALICE = MapiToMime.Sender.of("Alice Example", "alice@example.com");
    static final MapiToMime.Options SMTP = MapiToMime.Options.smtp("mail.example.com", null);
    static final long SUBMIT_TIME = 1_736_848_200_000L; // 2025-01-14T09:50:00Z

    // ------------------------------------------------------------------ builders

    static Message message(String subject, String body) {
        Message m = new Message();
        m.recipients = new ArrayList<>();
        m.attachments = new ArrayList<>();
        m.props.add(PropValue.ofString(PropTag.PR_MESSAGE_CLASS, "IPM.Note"));
        if (subject != null) m.props.add(PropValue.ofString(PropTag.PR_SUBJECT, subject));
        if (body != null) m.props.add(PropValue.ofString(PropTag.PR_BODY, body));
        return m;
    }

    static Recipient recipient(int type, String name, String smtp) {
        Recipient r = new Recipient();
        if (name != null) r.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, name));
        if (smtp != null) {
            r.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, smtp));
            r.props.add(PropValue.ofString(PropTag.PR_SMTP_ADDRESS, smtp));
            r.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "SMTP"));
        }
        r.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, type));
        return r;
    }

    static Attachment attachment(Message m, String name, String mimeTag, byte[] data) {
        Attachment a = new Attachment();
        a.attachNum = m.attachments.size();
        if (name != null) {
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_LONG_FILENAME, name));
            a.props.add(PropValue.ofString(PropTag.PR_ATTACH_FILENAME, name));
        }
        if (mimeTag != null) a.props.add(PropValue.ofString(PropTag.PR_ATTACH_MIME_TAG, mimeTag));
        a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, MimeToMapi.ATTACH_BY_VALUE));
        a.data = data;
        m.attachments.add(a);
        return a;
    }

    static Attachment inlineImage(Message m, String name, String cid, byte[] data) {
        Attachment a = attachment(m, name, "image/png", data);
        a.props.add(PropValue.ofString(PropTag.PR_ATTACH_CONTENT_ID, cid));
        a.props.add(PropValue.ofBool(MimeToMapi.PR_ATTACHMENT_HIDDEN, true));
        return a;
    }

    static void html(Message m, String html) {
        m.props.add(PropValue.ofBinary(PropTag.PR_HTML, html.getBytes(StandardCharsets.UTF_8)));
    }

    // ------------------------------------------------------------------ inspection

    /** Converts, writes to bytes and parses those again: what a receiving MTA sees. */
    static MimeMessage sent(Message m, MapiToMime.Sender sender, MapiToMime.Options options) throws Exception {
        byte[] raw = MapiToMime.toBytes(MapiToMime.convert(m, sender, options));
        return MimeToMapi.parse(new ByteArrayInputStream(raw));
    }

    static MimeMessage sent(Message m) throws Exception {
        return sent(m, ALICE, SMTP);
    }

    static String header(Part p, String name) throws Exception {
        String[] v = p.getHeader(name);
        return v == null ? null : MimeUtility.unfold(v[0]);
    }

    static String baseType(Part p) throws Exception {
        return new ContentType(p.getContentType()).getBaseType().toLowerCase();
    }

    static MimeMultipart multipart(Part p) throws Exception {
        return (MimeMultipart) p.getContent();
    }

    static byte[] bytes(Part p) throws Exception {
        try (InputStream in = p.getInputStream()) {
            return in.readAllBytes();
        }
    }

    static byte[] raw(BodyPart p) throws Exception {
        try (InputStream in = ((MimeBodyPart) p).getRawInputStream()) {
            return in.readAllBytes();
        }
    }

    static List<String> addresses(MimeMessage mime, String header) throws Exception {
        return MimeToMapi.addresses(mime, header).stream().map(InternetAddress::getAddress).toList();
    }

    // ------------------------------------------------------------------ tests

    @Nested
    class Headers {
        @Test
        void basicHeadersComeFromTheMessageProperties() throws Exception {
            // Given a message with subject, submit time, ids and a To and a Cc recipient
            Message m = message("Quarterly report", "Hello");
            m.props.add(PropValue.ofLong(PropTag.PR_CLIENT_SUBMIT_TIME, SUBMIT_TIME));
            m.props.add(PropValue.ofString(PropTag.PR_INTERNET_MESSAGE_ID, "<abc123@example.com>"));
            m.props.add(PropValue.ofString(PropTag.PR_IN_REPLY_TO_ID, "<parent456@example.org>"));
            m.recipients.add(recipient(PropTag.MAPI_TO, "Bob Builder", "bob@example.org"));
            m.recipients.add(recipient(PropTag.MAPI_CC, "Carol, Jr.", "carol@example.net"));

            // When it is converted
            MimeMessage mime = sent(m);

            // Then the headers are there
            assertThat(header(mime, "From")).isEqualTo("Alice Example <alice@example.com>");
            assertThat(header(mime, "Sender")).isNull();
            assertThat(header(mime, "To")).isEqualTo("Bob Builder <bob@example.org>");
            assertThat(header(mime, "Cc")).isEqualTo("\"Carol, Jr.\" <carol@example.net>");
            assertThat(header(mime, "Bcc")).isNull();
            assertThat(mime.getSubject()).isEqualTo("Quarterly report");
            assertThat(mime.getSentDate().getTime()).isEqualTo(SUBMIT_TIME);
            assertThat(header(mime, "Message-ID")).isEqualTo("<abc123@example.com>");
            assertThat(header(mime, "In-Reply-To")).isEqualTo("<parent456@example.org>");
            assertThat(header(mime, "MIME-Version")).isEqualTo("1.0");
            assertThat(header(mime, "X-Mailer")).isEqualTo("Zarafa 7.1 (ZCP/Java)");
            assertThat(header(mime, "Importance")).isNull();
            assertThat(header(mime, "X-Priority")).isNull();
        }

        @Test
        void messageIdIsGeneratedInTheConfiguredDomainWhenTheMessageHasNone() throws Exception {
            Message m = message("s", "b");

            String first = header(sent(m), "Message-ID");
            String second = header(sent(m), "Message-ID");

            assertThat(first).matches("<[^@<>\\s]+@mail\\.example\\.com>");
            assertThat(second).matches("<[^@<>\\s]+@mail\\.example\\.com>").isNotEqualTo(first);
        }

        @Test
        void messageIdWithoutAngleBracketsGetsThem() throws Exception {
            Message m = message("s", "b");
            m.props.add(PropValue.ofString(PropTag.PR_INTERNET_MESSAGE_ID, "id42@example.com"));
            m.props.add(PropValue.ofString(PropTag.PR_IN_REPLY_TO_ID, "parent@example.com"));

            MimeMessage mime = sent(m);

            assertThat(header(mime, "Message-ID")).isEqualTo("<id42@example.com>");
            assertThat(header(mime, "In-Reply-To")).isEqualTo("<parent@example.com>");
        }

        @Test
        void storedReferencesBecomeTheReferencesHeader() throws Exception {
            Message m = message("s", "b");
            m.props.add(PropValue.ofString(MapiToMime.PR_INTERNET_REFERENCES, "<a@example.com> <b@example.com>"));

            assertThat(header(sent(m), "References")).isEqualTo("<a@example.com> <b@example.com>");
        }

        @Test
        void dateIsNowWithoutASubmitTime() throws Exception {
            long before = System.currentTimeMillis() / 1000 * 1000;

            MimeMessage mime = sent(message("s", "b"));

            assertThat(mime.getSentDate().getTime()).isBetween(before, System.currentTimeMillis());
        }

        @Test
        void nonAsciiSubjectAndNamesAreEncodedWords() throws Exception {
            // Given non-ASCII subject, sender and recipient names
            Message m = message("Grüße aus Köln – 日本", "b");
            m.recipients.add(recipient(PropTag.MAPI_TO, "Björn Åström", "bjoern@example.se"));
            MapiToMime.Sender sender = MapiToMime.Sender.of("Jürgen Müller", "juergen@example.de");

            // When it is written
            byte[] raw = MapiToMime.toBytes(MapiToMime.convert(m, sender, SMTP));
            String text = new String(raw, StandardCharsets.US_ASCII);
            String headers = text.substring(0, text.indexOf("\r\n\r\n"));

            // Then the header block is pure ASCII with RFC 2047 words that decode to the originals
            for (byte b : raw) assertThat(b).isNotNegative();
            assertThat(headers).containsIgnoringCase("Subject: =?UTF-8?");
            MimeMessage mime = MimeToMapi.parse(new ByteArrayInputStream(raw));
            assertThat(mime.getSubject()).isEqualTo("Grüße aus Köln – 日本");
            InternetAddress from = (InternetAddress) mime.getFrom()[0];
            assertThat(from.getPersonal()).isEqualTo("Jürgen Müller");
            assertThat(from.getAddress()).isEqualTo("juergen@example.de");
            InternetAddress to = MimeToMapi.addresses(mime, "To").get(0);
            assertThat(to.getPersonal()).isEqualTo("Björn Åström");
        }

        @Test
        void lineBreaksInASubjectCannotInjectHeaders() throws Exception {
            Message m = message("Hello\r\nBcc: victim@example.com", "b");

            MimeMessage mime = sent(m);

            assertThat(mime.getSubject()).isEqualTo("Hello Bcc: victim@example.com");
            assertThat(mime.getHeader("Bcc")).isNull();
        }

        @ParameterizedTest(name = "PR_IMPORTANCE {0}")
        @CsvSource(nullValues = "-", textBlock = """
                0 | low  | 5
                1 | -    | -
                2 | high | 1
                """, delimiter = '|')
        void importanceBecomesImportanceAndXPriority(long importance, String header, String priority) throws Exception {
            Message m = message("s", "b");
            m.props.add(PropValue.ofLong(PropTag.PR_IMPORTANCE, importance));

            MimeMessage mime = sent(m);

            assertThat(header(mime, "Importance")).isEqualTo(header);
            assertThat(header(mime, "X-Priority")).isEqualTo(priority);
            // and MimeToMapi reads it back
            assertThat(MimeToMapi.importance(mime)).isEqualTo(importance);
        }

        @Test
        void sendingOnBehalfAddsASenderHeader() throws Exception {
            // Given the assistant sends on behalf of the boss
            MapiToMime.Sender onBehalf = new MapiToMime.Sender("Big Boss", "boss@example.com", "Assistant", "assistant@example.com");

            MimeMessage mime = sent(message("s", "b"), onBehalf, SMTP);

            // Then From is the boss and Sender the assistant
            assertThat(header(mime, "From")).isEqualTo("Big Boss <boss@example.com>");
            assertThat(header(mime, "Sender")).isEqualTo("Assistant <assistant@example.com>");
        }

        @Test
        void noSenderHeaderWhenTheSenderIsTheFromAddress() throws Exception {
            MapiToMime.Sender same = new MapiToMime.Sender("Alice", "alice@example.com", "Alice", "Alice@Example.COM");
            MapiToMime.Sender none = new MapiToMime.Sender("Alice", "alice@example.com", null, null);

            assertThat(sent(message("s", "b"), same, SMTP).getHeader("Sender")).isNull();
            assertThat(sent(message("s", "b"), none, SMTP).getHeader("Sender")).isNull();
        }

        @Test
        void aSenderRecordWithoutAddressNeverFallsBackToWhatTheClientStored() throws Exception {
            // security review #17: the client's PR_SENT_REPRESENTING / PR_SENDER never become From
            Message m = message("s", "b");
            m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, "ceo@example.com"));
            m.props.add(PropValue.ofString(PropTag.PR_SENDER_EMAIL_ADDRESS, "ceo@example.com"));

            MimeMessage mime = sent(m, new MapiToMime.Sender("No Address", null, null, null), SMTP);

            assertThat(mime.getHeader("From")).isNull();
            assertThat(new String(MapiToMime.toBytes(mime), java.nio.charset.StandardCharsets.UTF_8))
                    .doesNotContain("ceo@example.com");
        }

        @Test
        void withoutASenderRecordFromIsTakenFromTheStoredSentRepresentingProperties() throws Exception {
            Message m = message("s", "b");
            m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_NAME, "Stored Name"));
            m.props.add(PropValue.ofString(PropTag.PR_SENT_REPRESENTING_EMAIL_ADDRESS, "stored@example.com"));

            MimeMessage mime = sent(m, null, SMTP);

            assertThat(header(mime, "From")).isEqualTo("Stored Name <stored@example.com>");
        }
    }

    @Nested
    class Recipients {
        Message withAllKinds() {
            Message m = message("s", "b");
            m.recipients.add(recipient(PropTag.MAPI_TO, "Bob", "bob@example.org"));
            m.recipients.add(recipient(PropTag.MAPI_CC, "Carol", "carol@example.net"));
            m.recipients.add(recipient(PropTag.MAPI_BCC, "Dave Secret", "dave@example.com"));
            return m;
        }

        @Test
        void bccIsNeverInTheHeadersForSmtpButIsAnEnvelopeRecipient() throws Exception {
            Message m = withAllKinds();

            byte[] raw = MapiToMime.toBytes(MapiToMime.convert(m, ALICE, SMTP));

            assertThat(new String(raw, StandardCharsets.US_ASCII)).doesNotContainIgnoringCase("dave")
                    .doesNotContainIgnoringCase("Bcc:");
            assertThat(MapiToMime.envelopeRecipients(m))
                    .containsExactly("bob@example.org", "carol@example.net", "dave@example.com");
        }

        @Test
        void bccIsWrittenWhenAskedFor() throws Exception {
            MimeMessage mime = MapiToMime.convert(withAllKinds(), ALICE, new MapiToMime.Options("x.test", true, null));

            assertThat(header(mime, "Bcc")).isEqualTo("Dave Secret <dave@example.com>");
        }

        @Test
        void envelopeRecipientsAreDeduplicatedCaseInsensitivelyInOrder() {
            Message m = message("s", "b");
            m.recipients.add(recipient(PropTag.MAPI_TO, "Bob", "bob@example.org"));
            m.recipients.add(recipient(PropTag.MAPI_CC, "Carol", "carol@example.net"));
            m.recipients.add(recipient(PropTag.MAPI_BCC, "Bob again", "BOB@Example.org"));
            m.recipients.add(recipient(PropTag.MAPI_TO, "Ann", "ann@example.org"));

            assertThat(MapiToMime.envelopeRecipients(m)).containsExactly("bob@example.org", "carol@example.net", "ann@example.org");
        }

        @Test
        void emailAddressIsUsedWhenThereIsNoSmtpAddressAndTheTypeIsSmtpOrAbsent() throws Exception {
            Message m = message("s", "b");
            Recipient smtpType = new Recipient();
            smtpType.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, "Typed"));
            smtpType.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, "typed@example.org"));
            smtpType.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "SMTP"));
            smtpType.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, PropTag.MAPI_TO));
            Recipient noType = new Recipient();
            noType.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, "untyped@example.org"));
            Recipient zarafa = new Recipient();
            zarafa.props.add(PropValue.ofString(PropTag.PR_DISPLAY_NAME, "Internal"));
            zarafa.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, "internal@example.org"));
            zarafa.props.add(PropValue.ofString(PropTag.PR_ADDRTYPE, "ZARAFA"));
            zarafa.props.add(PropValue.ofLong(PropTag.PR_RECIPIENT_TYPE, PropTag.MAPI_TO));
            Recipient noAt = recipient(PropTag.MAPI_CC, "No domain", null);
            noAt.props.add(PropValue.ofString(PropTag.PR_EMAIL_ADDRESS, "justaname"));
            Recipient nothing = recipient(PropTag.MAPI_CC, "Nobody", null);
            m.recipients.addAll(List.of(smtpType, noType, zarafa, noAt, nothing));

            // recipients without an Internet address are left out of headers and envelope alike
            assertThat(MapiToMime.envelopeRecipients(m)).containsExactly("typed@example.org", "untyped@example.org");
            MimeMessage mime = sent(m);
            assertThat(addresses(mime, "To")).containsExactly("typed@example.org", "untyped@example.org");
            assertThat(mime.getHeader("Cc")).isNull();
            // a recipient without PR_RECIPIENT_TYPE is a To recipient
            assertThat(header(mime, "To")).isEqualTo("Typed <typed@example.org>, untyped@example.org");
        }

        @Test
        void p1RecipientIsOnlyAnEnvelopeRecipient() throws Exception {
            // Given a resend (MAPI_P1) recipient next to the original To
            Message m = message("s", "b");
            m.recipients.add(recipient(PropTag.MAPI_TO, "Bob", "bob@example.org"));
            m.recipients.add(recipient(0x10000000 | PropTag.MAPI_TO, "Resent", "resent@example.org"));

            assertThat(addresses(sent(m), "To")).containsExactly("bob@example.org");
            assertThat(MapiToMime.envelopeRecipients(m)).containsExactly("bob@example.org", "resent@example.org");
        }

        @Test
        void displayNameEqualToTheAddressIsNotRepeated() throws Exception {
            Message m = message("s", "b");
            m.recipients.add(recipient(PropTag.MAPI_TO, "bob@example.org", "bob@example.org"));

            assertThat(header(sent(m), "To")).isEqualTo("bob@example.org");
        }

        @Test
        void submittedFlagOnTheRecipientTypeIsIgnored() throws Exception {
            Message m = message("s", "b");
            m.recipients.add(recipient((int) (0x80000000L | PropTag.MAPI_CC), "Carol", "carol@example.net"));

            assertThat(addresses(sent(m), "Cc")).containsExactly("carol@example.net");
        }
    }

    @Nested
    class Bodies {
        @Test
        void plainTextOnlyIsASingleUtf8TextPart() throws Exception {
            Message m = message("s", "Grüße\nzweite Zeile");

            MimeMessage mime = sent(m);

            assertThat(baseType(mime)).isEqualTo("text/plain");
            assertThat(new ContentType(mime.getContentType()).getParameter("charset")).isEqualToIgnoringCase("utf-8");
            assertThat(mime.getEncoding()).isEqualTo("quoted-printable");
            assertThat(mime.getContent()).isEqualTo("Grüße\r\nzweite Zeile");
        }

        @Test
        void asciiTextIsSevenBit() throws Exception {
            MimeMessage mime = sent(message("s", "Hello\r\nWorld"));

            assertThat(mime.getEncoding()).isEqualTo("7bit");
            assertThat(mime.getContent()).isEqualTo("Hello\r\nWorld");
        }

        @Test
        void noBodyAtAllIsAnEmptyTextPart() throws Exception {
            Message m = new Message(); // no props list entries, no recipients, no attachments

            MimeMessage mime = sent(m, null, null);

            assertThat(baseType(mime)).isEqualTo("text/plain");
            assertThat(mime.getContent()).isEqualTo("");
            assertThat(mime.getFrom()).isNull();
            assertThat(mime.getSubject()).isNull();
            assertThat(header(mime, "Message-ID")).isNotBlank();
        }

        @Test
        void htmlAndPlainBecomeMultipartAlternative() throws Exception {
            Message m = message("s", "Hello plain");
            html(m, "<html><body><p>Hello <b>HTML</b> – ü</p></body></html>");

            MimeMessage mime = sent(m);

            assertThat(baseType(mime)).isEqualTo("multipart/alternative");
            MimeMultipart alt = multipart(mime);
            assertThat(alt.getCount()).isEqualTo(2);
            assertThat(baseType(alt.getBodyPart(0))).isEqualTo("text/plain");
            assertThat(alt.getBodyPart(0).getContent()).isEqualTo("Hello plain");
            assertThat(baseType(alt.getBodyPart(1))).isEqualTo("text/html");
            assertThat(new ContentType(alt.getBodyPart(1).getContentType()).getParameter("charset")).isEqualToIgnoringCase("utf-8");
            assertThat(alt.getBodyPart(1).getContent()).isEqualTo("<html><body><p>Hello <b>HTML</b> – ü</p></body></html>");
        }

        @Test
        void htmlWithoutPlainGetsAPlainPartDerivedFromTheHtml() throws Exception {
            Message m = message("s", null);
            html(m, "<p>Zeile&nbsp;1<br>Zeile 2 &lt;wichtig&gt;</p>");

            MimeMultipart alt = multipart(sent(m));

            assertThat(alt.getBodyPart(0).getContent()).isEqualTo("Zeile 1\r\nZeile 2 <wichtig>");
        }

        @Test
        void inlineImagesWrapTheHtmlInMultipartRelated() throws Exception {
            // Given HTML referencing a hidden attachment by Content-ID
            Message m = message("s", "Newsletter (text)");
            html(m, "<html><body><img src=\"cid:logo.123@example.com\"></body></html>");
            inlineImage(m, "logo.png", "logo.123@example.com", samplePng());

            MimeMessage mime = sent(m);

            // Then alternative(text, related(html, image))
            assertThat(baseType(mime)).isEqualTo("multipart/alternative");
            BodyPart rich = multipart(mime).getBodyPart(1);
            assertThat(baseType(rich)).isEqualTo("multipart/related");
            assertThat(new ContentType(rich.getContentType()).getParameter("type")).isEqualTo("text/html");
            MimeMultipart related = multipart(rich);
            assertThat(related.getCount()).isEqualTo(2);
            assertThat(baseType(related.getBodyPart(0))).isEqualTo("text/html");
            BodyPart image = related.getBodyPart(1);
            assertThat(baseType(image)).isEqualTo("image/png");
            assertThat(header(image, "Content-ID")).isEqualTo("<logo.123@example.com>");
            assertThat(image.getDisposition()).isEqualTo(Part.INLINE);
            assertThat(image.getFileName()).isEqualTo("logo.png");
            assertThat(((MimeBodyPart) image).getEncoding()).isEqualTo("base64");
            assertThat(bytes(image)).isEqualTo(samplePng());
        }

        @Test
        void inlineImagesAndAttachmentsMakeMixedAlternativeRelated() throws Exception {
            Message m = message("s", "text");
            html(m, "<img src=\"cid:img1\">");
            inlineImage(m, "logo.png", "img1", samplePng());
            attachment(m, "report.pdf", "application/pdf", samplePdf());

            MimeMessage mime = sent(m);

            assertThat(baseType(mime)).isEqualTo("multipart/mixed");
            MimeMultipart mixed = multipart(mime);
            assertThat(mixed.getCount()).isEqualTo(2);
            assertThat(baseType(mixed.getBodyPart(0))).isEqualTo("multipart/alternative");
            assertThat(baseType(multipart(mixed.getBodyPart(0)).getBodyPart(1))).isEqualTo("multipart/related");
            assertThat(mixed.getBodyPart(1).getFileName()).isEqualTo("report.pdf");
        }

        @Test
        void hiddenAttachmentWithContentIdButNoHtmlIsARegularAttachment() throws Exception {
            Message m = message("s", "text only");
            inlineImage(m, "logo.png", "img1", samplePng());

            MimeMessage mime = sent(m);

            assertThat(baseType(mime)).isEqualTo("multipart/mixed");
            BodyPart image = multipart(mime).getBodyPart(1);
            assertThat(image.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(bytes(image)).isEqualTo(samplePng());
        }

        @Test
        void htmlPropertyOfStringTypeIsAccepted() throws Exception {
            Message m = message("s", "plain");
            m.props.add(PropValue.ofString(0x1013001F, "<p>string html</p>"));

            MimeMultipart alt = multipart(sent(m));

            assertThat(alt.getBodyPart(1).getContent()).isEqualTo("<p>string html</p>");
        }

        @Test
        void toBytesHasOnlyCrlfLineEnds() {
            Message m = message("s", "one\ntwo\rthree\r\nfour\n");
            Attachment eml = attachment(m, "fwd.eml", "message/rfc822",
                    "Subject: inner\n\nbody\nline\n".getBytes(StandardCharsets.US_ASCII));
            eml.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, MimeToMapi.ATTACH_EMBEDDED_MSG));

            byte[] raw = MapiToMime.toBytes(MapiToMime.convert(m, ALICE, SMTP));

            for (int i = 0; i < raw.length; i++) {
                if (raw[i] == '\n') assertThat(raw[i - 1]).as("byte before LF at %d", i).isEqualTo((byte) '\r');
                if (raw[i] == '\r') assertThat(raw[i + 1]).as("byte after CR at %d", i).isEqualTo((byte) '\n');
            }
        }
    }

    @Nested
    class Attachments {
        @Test
        void anAttachmentTaggedMultipartIsSentAsOctetsNotReparsed() throws Exception {
            // a multipart that did not parse on arrival (no boundary) was kept as an attachment
            Message m = message("s", "b");
            byte[] broken = "--\r\nsomething\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            attachment(m, "attachment1.bin", "multipart/mixed", broken);

            BodyPart part = multipart(sent(m)).getBodyPart(1);

            assertThat(baseType(part)).isEqualTo("application/octet-stream");
            assertThat(bytes(part)).isEqualTo(broken);
        }

        @Test
        void binaryAttachmentIsBase64InMultipartMixed() throws Exception {
            Message m = message("s", "Please find the report attached.");
            attachment(m, "report.pdf", "application/pdf", samplePdf());

            MimeMessage mime = sent(m);

            assertThat(baseType(mime)).isEqualTo("multipart/mixed");
            MimeMultipart mixed = multipart(mime);
            assertThat(mixed.getCount()).isEqualTo(2);
            assertThat(mixed.getBodyPart(0).getContent()).isEqualTo("Please find the report attached.");
            BodyPart pdf = mixed.getBodyPart(1);
            assertThat(baseType(pdf)).isEqualTo("application/pdf");
            assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(pdf.getFileName()).isEqualTo("report.pdf");
            assertThat(new ContentType(pdf.getContentType()).getParameter("name")).isEqualTo("report.pdf");
            assertThat(((MimeBodyPart) pdf).getEncoding()).isEqualTo("base64");
            assertThat(bytes(pdf)).isEqualTo(samplePdf());
        }

        @Test
        void nonAsciiFileNameIsRfc2231Encoded() throws Exception {
            Message m = message("s", "b");
            attachment(m, "Rechnung März – 2025.pdf", "application/pdf", samplePdf());

            byte[] raw = MapiToMime.toBytes(MapiToMime.convert(m, ALICE, SMTP));

            String text = new String(raw, StandardCharsets.US_ASCII);
            assertThat(text).containsIgnoringCase("filename*=utf-8''Rechnung%20M%C3%A4rz%20%E2%80%93%202025.pdf");
            BodyPart pdf = multipart(MimeToMapi.parse(new ByteArrayInputStream(raw))).getBodyPart(1);
            assertThat(pdf.getFileName()).isEqualTo("Rechnung März – 2025.pdf");
        }

        @Test
        void veryLongNonAsciiFileNameSurvives() throws Exception {
            String name = "Ä".repeat(40) + " sehr langer Dateiname für einen Bericht über das Quartal.pdf";
            Message m = message("s", "b");
            attachment(m, name, "application/pdf", samplePdf());

            Message back = MimeSamples.convert(MapiToMime.toBytes(MapiToMime.convert(m, ALICE, SMTP)));

            assertThat(MimeSamples.names(back)).containsExactly(name);
        }

        @ParameterizedTest(name = "{0} / {1} -> {2}")
        @CsvSource(nullValues = "-", textBlock = """
                photo.JPG   | -                  | image/jpeg
                notes.txt   | -                  | text/plain
                data.xyzq   | -                  | application/octet-stream
                -           | -                  | application/octet-stream
                report.pdf  | application/x-pdf  | application/x-pdf
                report.pdf  | not a type         | application/pdf
                """, delimiter = '|')
        void contentTypeComesFromTheMimeTagElseTheExtension(String name, String tag, String expected) throws Exception {
            Message m = message("s", "b");
            attachment(m, name, tag, new byte[] {1, 2, 3});

            BodyPart part = multipart(sent(m)).getBodyPart(1);

            assertThat(baseType(part)).isEqualTo(expected);
            assertThat(part.getDisposition()).isEqualTo(Part.ATTACHMENT);
            assertThat(bytes(part)).containsExactly(1, 2, 3);
        }

        @Test
        void contentIsLoadedThroughTheOptionsWhenTheDtoHasNone() throws Exception {
            Message m = message("s", "b");
            attachment(m, "a.bin", null, null);
            attachment(m, "b.bin", null, null);
            List<Integer> asked = new ArrayList<>();
            MapiToMime.Options options = MapiToMime.Options.smtp("x.test", n -> {
                asked.add(n);
                return new byte[] {(byte) n, (byte) 0xFF};
            });

            MimeMultipart mixed = multipart(sent(m, ALICE, options));

            assertThat(asked).containsExactly(0, 1);
            assertThat(bytes(mixed.getBodyPart(1))).containsExactly(0, 0xFF);
            assertThat(bytes(mixed.getBodyPart(2))).containsExactly(1, 0xFF);
        }

        @Test
        void attachmentWithoutAnyContentSourceIsEmpty() throws Exception {
            Message m = message("s", "b");
            attachment(m, "empty.bin", null, null);

            BodyPart part = multipart(sent(m, ALICE, new MapiToMime.Options(null, false, null))).getBodyPart(1);

            assertThat(bytes(part)).isEmpty();
            assertThat(part.getFileName()).isEqualTo("empty.bin");
        }

        @Test
        void embeddedMessageIsAMessageRfc822PartWithTheStoredBytesUnencoded() throws Exception {
            // Given an embedded message (method 5) whose data is an RFC 822 message with 8-bit text
            byte[] inner = ("From: Original Author <orig@example.com>\r\n"
                    + "Subject: Original subject\r\n"
                    + "Content-Type: text/plain; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: 8bit\r\n\r\n"
                    + "Grüße, the original.").getBytes(StandardCharsets.UTF_8);
            Message m = message("Fwd: Original subject", "See the forwarded message.");
            Attachment a = attachment(m, "Original subject.eml", null, inner);
            a.props.removeIf(p -> p.tag == PropTag.PR_ATTACH_METHOD);
            a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, MimeToMapi.ATTACH_EMBEDDED_MSG));

            MimeMessage mime = sent(m);

            // Then the part is message/rfc822, 8bit, and its raw content is the stored bytes
            BodyPart part = multipart(mime).getBodyPart(1);
            assertThat(baseType(part)).isEqualTo("message/rfc822");
            assertThat(((MimeBodyPart) part).getEncoding()).isEqualTo("8bit");
            assertThat(raw(part)).isEqualTo(inner);
            assertThat(((MimeMessage) part.getContent()).getSubject()).isEqualTo("Original subject");
        }

        @Test
        void messageAMapiClientEmbeddedIsWrittenAsMimeInTurn() throws Exception {
            // Given an attachment holding a message object (method 5, no bytes), as Outlook attaches one
            Message inner = message("Minutes of Monday", "What we decided.");
            inner.recipients.add(recipient(PropTag.MAPI_TO, "Bob Builder", "bob@example.org"));
            Message m = message("Fwd: Minutes of Monday", "See below.");
            Attachment a = attachment(m, "Minutes of Monday", null, null);
            a.props.removeIf(p -> p.tag == PropTag.PR_ATTACH_METHOD);
            a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, MimeToMapi.ATTACH_EMBEDDED_MSG));
            a.embedded = inner;

            BodyPart part = multipart(sent(m)).getBodyPart(1);

            // Then it is a message/rfc822 part with the embedded message's headers and body
            assertThat(baseType(part)).isEqualTo("message/rfc822");
            MimeMessage embedded = (MimeMessage) part.getContent();
            assertThat(embedded.getSubject()).isEqualTo("Minutes of Monday");
            assertThat(embedded.getHeader("To", ",")).contains("bob@example.org");
            assertThat(new String(raw(part), StandardCharsets.UTF_8)).contains("What we decided.");
        }

        @Test
        void exceptionsOfARecurringAppointmentAreNoAttachmentsOfItsMime() throws Exception {
            Message m = message("Weekly", "Every Monday.");
            Attachment a = attachment(m, "Weekly (moved)", null, null);
            a.props.removeIf(p -> p.tag == PropTag.PR_ATTACH_METHOD);
            a.props.add(PropValue.ofLong(PropTag.PR_ATTACH_METHOD, MimeToMapi.ATTACH_EMBEDDED_MSG));
            a.props.add(PropValue.ofLong(MapiToMime.PR_ATTACHMENT_FLAGS, MapiToMime.AF_EXCEPTION));
            a.embedded = message("Weekly (moved)", "");
            attachment(m, "agenda.txt", "text/plain", "1. plans".getBytes(StandardCharsets.US_ASCII));

            MimeMultipart mixed = multipart(sent(m));

            assertThat(mixed.getCount()).isEqualTo(2);
            assertThat(bytes(mixed.getBodyPart(1))).asString(StandardCharsets.US_ASCII).isEqualTo("1. plans");
        }

        @Test
        void asciiEmbeddedMessageIsSevenBit() throws Exception {
            Message m = message("s", "b");
            Attachment a = attachment(m, null, "message/rfc822", "Subject: x\r\n\r\nbody".getBytes(StandardCharsets.US_ASCII));
            a.props.add(0, PropValue.ofLong(PropTag.PR_ATTACH_METHOD, MimeToMapi.ATTACH_EMBEDDED_MSG));

            BodyPart part = multipart(sent(m)).getBodyPart(1);

            assertThat(((MimeBodyPart) part).getEncoding()).isEqualTo("7bit");
            assertThat(raw(part)).asString(StandardCharsets.US_ASCII).isEqualTo("Subject: x\r\n\r\nbody");
        }

        @Test
        void textAttachmentKeepsItsExactBytes() throws Exception {
            Message m = message("s", "b");
            byte[] unix = "line 1\nline 2\n".getBytes(StandardCharsets.US_ASCII);
            byte[] dos = "line 1\r\nline 2\r\n".getBytes(StandardCharsets.US_ASCII);
            byte[] latin1 = "Gr\u00fc\u00dfe".getBytes(StandardCharsets.ISO_8859_1);
            attachment(m, "unix.txt", "text/plain", unix);
            attachment(m, "dos.txt", "text/plain", dos);
            attachment(m, "latin1.txt", "text/plain", latin1);

            MimeMultipart mixed = multipart(sent(m));

            assertThat(bytes(mixed.getBodyPart(1))).isEqualTo(unix);
            assertThat(bytes(mixed.getBodyPart(2))).isEqualTo(dos);
            assertThat(((MimeBodyPart) mixed.getBodyPart(2)).getEncoding()).isEqualTo("7bit");
            assertThat(bytes(mixed.getBodyPart(3))).isEqualTo(latin1);
        }

        @Test
        void missingOptionalPropertiesNeverThrow() {
            // Given a message whose attachment and recipient rows carry almost nothing
            Message m = new Message();
            m.recipients = new ArrayList<>(List.of(new Recipient()));
            Attachment bare = new Attachment();
            bare.props = null;
            m.attachments = new ArrayList<>(Arrays.asList(bare, null));
            m.props.add(PropValue.ofError(PropTag.PR_SUBJECT, "MAPI_E_NOT_FOUND"));
            m.props.add(PropValue.ofBinary(PropTag.PR_HTML, new byte[0]));

            assertThatCode(() -> {
                MimeMessage mime = MapiToMime.convert(m, new MapiToMime.Sender(null, null, null, null), null);
                MapiToMime.toBytes(mime);
                assertThat(MapiToMime.envelopeRecipients(m)).isEmpty();
            }).doesNotThrowAnyException();
        }
    }
}
