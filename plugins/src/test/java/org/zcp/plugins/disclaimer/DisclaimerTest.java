package org.zcp.plugins.disclaimer;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.mailet.Mail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.zcp.plugins.Fixtures;

class DisclaimerTest {
    static final long ACME_USER = 3;
    static final long SOLO_USER = 4;
    static final String HTML = "<html><head><title>x</title></head><body><p>Hello</p></body></html>";

    @TempDir
    Path config;
    Path disclaimers;

    @BeforeEach
    void directory() throws Exception {
        disclaimers = Files.createDirectory(config.resolve("disclaimers"));
    }

    void file(String name, String text) throws Exception {
        Files.writeString(disclaimers.resolve(name), text);
    }

    void defaults() throws Exception {
        file("default.txt", "-- \nThis mail is confidential.\n");
        file("default.html", "<html><body><p class=\"d\">This mail is <b>confidential</b>.</p></body></html>\n");
    }

    static MimeBodyPart part(String content, String type) throws Exception {
        MimeBodyPart p = new MimeBodyPart();
        p.setContent(content, type);
        return p;
    }

    static MimeMessage message(Object body, String type) throws Exception {
        MimeMessage m = new MimeMessage(Fixtures.SESSION);
        m.setFrom(new InternetAddress("user@example.com"));
        m.setRecipient(RecipientType.TO, new InternetAddress("someone@example.org"));
        m.setSubject("hello");
        if (body instanceof Multipart mp) m.setContent(mp); else m.setContent(body, type);
        m.setHeader("Message-ID", "<sent@example.com>");
        return Fixtures.reparse(m);
    }

    /** Runs the plugin for {@code user}, then reads the message as the relay would send it. */
    MimeMessage send(MimeMessage m, long user) throws Exception {
        Mail mail = Fixtures.mail(m, "someone@example.org", user);
        Disclaimer d = Fixtures.init(new Disclaimer(),
                Fixtures.context(config, Map.of(ACME_USER, "Acme", SOLO_USER, "Solo")));
        d.service(mail);
        return Fixtures.parse(Fixtures.bytes(mail.getMessage()));
    }

    @Test
    void aTextMessageGetsTheTextDisclaimer() throws Exception {
        defaults();
        MimeMessage sent = send(message("Hi there,\r\nbye", "text/plain; charset=us-ascii"), SOLO_USER);
        assertThat(sent.isMimeType("text/plain")).isTrue();
        assertThat((String) sent.getContent()).isEqualTo("Hi there,\r\nbye\r\n\r\n-- \r\nThis mail is confidential.\r\n");
        assertThat(sent.getContentType()).containsIgnoringCase("charset=us-ascii");
        assertThat(sent.getMessageID()).isEqualTo("<sent@example.com>");
    }

    @Test
    void anHtmlMessageGetsTheHtmlDisclaimerBeforeTheEndOfItsBody() throws Exception {
        defaults();
        String html = (String) send(message(HTML, "text/html; charset=utf-8"), SOLO_USER).getContent();
        assertThat(html).startsWith("<html><head><title>x</title></head><body><p>Hello</p><p class=\"d\">")
                .endsWith("</p>\r\n</body></html>")
                .contains("This mail is <b>confidential</b>.")
                .doesNotContain("-- ");
    }

    @Test
    void alternativeBodiesGetOneEach() throws Exception {
        defaults();
        MimeMultipart alt = new MimeMultipart("alternative");
        alt.addBodyPart(part("Hello", "text/plain; charset=utf-8"));
        alt.addBodyPart(part(HTML, "text/html; charset=utf-8"));
        Multipart sent = (Multipart) send(message(alt, null), SOLO_USER).getContent();
        assertThat((String) sent.getBodyPart(0).getContent()).endsWith("This mail is confidential.\r\n")
                .doesNotContain("<b>");
        assertThat((String) sent.getBodyPart(1).getContent()).contains("<b>confidential</b>")
                .doesNotContain("-- ");
    }

    @Test
    void attachmentsAreNeverTouched() throws Exception {
        defaults();
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(part(HTML, "text/html; charset=utf-8"));
        MimeMultipart alt = new MimeMultipart("alternative");
        alt.addBodyPart(part("Hello", "text/plain; charset=utf-8"));
        MimeBodyPart relatedPart = new MimeBodyPart();
        relatedPart.setContent(related);
        alt.addBodyPart(relatedPart);
        MimeBodyPart altPart = new MimeBodyPart();
        altPart.setContent(alt);

        MimeBodyPart notes = part("attached notes", "text/plain; charset=utf-8");
        notes.setFileName("notes.txt");
        MimeBodyPart page = part("<html><body>attached page</body></html>", "text/html; charset=utf-8");
        page.setDisposition("attachment");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(notes);
        mixed.addBodyPart(page);
        mixed.addBodyPart(altPart);

        Multipart sent = (Multipart) send(message(mixed, null), SOLO_USER).getContent();
        assertThat(sent.getBodyPart(0).getContent()).isEqualTo("attached notes");
        assertThat(sent.getBodyPart(0).getFileName()).isEqualTo("notes.txt");
        assertThat(sent.getBodyPart(1).getContent()).isEqualTo("<html><body>attached page</body></html>");
        Multipart sentAlt = (Multipart) sent.getBodyPart(2).getContent();
        assertThat((String) sentAlt.getBodyPart(0).getContent()).endsWith("This mail is confidential.\r\n");
        BodyPart html = ((Multipart) sentAlt.getBodyPart(1).getContent()).getBodyPart(0);
        assertThat((String) html.getContent()).contains("<b>confidential</b>");
    }

    @Test
    void theSendersCompanyDisclaimerWinsOverTheDefault() throws Exception {
        defaults();
        file("Acme.txt", "Acme Inc. -- all rights reserved\n");
        String text = (String) send(message("Hello", "text/plain; charset=us-ascii"), ACME_USER).getContent();
        assertThat(text).endsWith("Acme Inc. -- all rights reserved\r\n").doesNotContain("confidential");
        // Acme has no HTML disclaimer: its text one goes into HTML bodies, escaped
        String html = (String) send(message(HTML, "text/html; charset=utf-8"), ACME_USER).getContent();
        assertThat(html).contains("Acme Inc. -- all rights reserved").doesNotContain("confidential");
        // another company, an unknown sender: the default
        assertThat((String) send(message("Hello", "text/plain"), SOLO_USER).getContent()).contains("confidential");
        assertThat((String) send(message("Hello", "text/plain"), 99).getContent()).contains("confidential");
    }

    @Test
    void withOnlyATextDisclaimerHtmlGetsItEscaped() throws Exception {
        file("default.txt", "Terms & conditions <apply>\nsecond line");
        String html = (String) send(message(HTML, "text/html; charset=utf-8"), SOLO_USER).getContent();
        assertThat(html).contains("Terms &amp; conditions &lt;apply&gt;<br>\r\nsecond line").endsWith("</body></html>");
    }

    @Test
    void aTextMessageGetsNothingFromAnHtmlOnlyDisclaimer() throws Exception {
        file("default.html", "<p>html only</p>");
        MimeMessage original = message("Hello", "text/plain; charset=us-ascii");
        byte[] before = Fixtures.bytes(original);
        MimeMessage sent = send(original, SOLO_USER);
        assertThat(Fixtures.bytes(sent)).isEqualTo(before);
    }

    @Test
    void withoutDisclaimerFilesNothingChanges() throws Exception {
        MimeMessage original = message(HTML, "text/html; charset=utf-8");
        byte[] before = Fixtures.bytes(original);
        assertThat(Fixtures.bytes(send(original, ACME_USER))).isEqualTo(before);
        Files.delete(disclaimers);
        assertThat(Fixtures.bytes(send(original, ACME_USER))).isEqualTo(before);
    }

    @Test
    void aCharsetWithoutTheDisclaimersCharactersBecomesUtf8() throws Exception {
        file("default.txt", "Zażółć gęślą jaźń – 10 €");
        MimeMessage sent = send(message("Grüße", "text/plain; charset=iso-8859-1; format=flowed"), SOLO_USER);
        assertThat(sent.getContentType()).containsIgnoringCase("charset=UTF-8").contains("format=flowed");
        assertThat((String) sent.getContent()).isEqualTo("Grüße\r\n\r\nZażółć gęślą jaźń – 10 €\r\n");

        file("default.txt", "Schöne Grüße");
        sent = send(message("Hallo", "text/plain; charset=iso-8859-1"), SOLO_USER);
        assertThat(sent.getContentType()).containsIgnoringCase("charset=iso-8859-1");
        assertThat((String) sent.getContent()).endsWith("Schöne Grüße\r\n");
    }
}
