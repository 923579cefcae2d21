package org.zcp.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zcp.mime.MimeSamples.convertResource;
import static org.zcp.mime.MimeSamples.convertText;
import static org.zcp.mime.MimeSamples.string;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.Message;
import org.zcp.store.api.mapi.PropValues;
import org.zcp.mime.MimeToMapiBodiesTest;

class MimeToMapiBodiesTest {

    private static String html(Message m) {
        byte[] b = PropValues.binary(m.props, PropTag.PR_HTML);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void plainTextOnlyGivesPrBodyAndNoHtml() {
        // Given a text/plain mail
        Message m = convertResource("headers-full.eml");

        // Then PR_BODY is the text and there is no PR_HTML nor any attachment
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Hello,\r\nthe report is attached.\r\n");
        assertThat(PropValues.find(m.props, PropTag.PR_HTML)).isNull();
        assertThat(m.attachments).isEmpty();
    }

    @Test
    void messageWithoutContentTypeIsReadAsPlainText() {
        Message m = convertText("Subject: no MIME at all\n\nJust text.\n");

        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Just text.\n");
        assertThat(m.attachments).isEmpty();
    }

    @Test
    void quotedPrintableLatin1IsDecodedIncludingSoftLineBreaks() {
        // Given text/plain; charset=ISO-8859-1, quoted-printable with a soft line break
        Message m = convertResource("body-plain-qp-latin1.eml");

        // Then the umlauts are decoded and the soft break is gone
        assertThat(string(m.props, PropTag.PR_BODY))
                .isEqualTo("Schöne Grüße aus Köln, dies ist eine sehr lange Zeile, die weich umbrochen wurde.\n");
    }

    @Test
    void windows1252SpecialCharactersAreDecoded() {
        // Given =80 (euro), =96 (en dash), =93/=94 (curly quotes) in windows-1252
        Message m = convertResource("body-windows-1252.eml");

        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Preis: 10 € – “zitiert”\n");
    }

    @Test
    void htmlOnlyGivesUtf8PrHtmlAndATextRenderingAsPrBody() {
        // Given a text/html only mail in UTF-8
        Message m = convertResource("body-html-only.eml");

        // Then PR_HTML holds the HTML as UTF-8 bytes
        assertThat(html(m)).contains("<p>Grüße &amp; willkommen</p>").contains("<br>");
        // And PR_BODY is the text without tags, scripts, styles or entities
        String body = string(m.props, PropTag.PR_BODY);
        assertThat(body).contains("Grüße & willkommen").contains("Zeile 1\nZeile 2 <wichtig>");
        assertThat(body).doesNotContain("<p>", "&amp;", "&nbsp;", "alert", "color: red");
        assertThat(m.attachments).isEmpty();
    }

    @Test
    void alternativeKeepsBothBodiesDecodedFromTheirOwnEncodings() {
        // Given multipart/alternative: text/plain UTF-8 base64 and text/html windows-1252 quoted-printable
        Message m = convertResource("body-alternative.eml");

        // Then PR_BODY is the plain part, not a rendering of the HTML
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Hallo Welt, schöne Grüße!\n€ 10\n");
        // And PR_HTML is the HTML re-encoded as UTF-8
        assertThat(html(m)).isEqualTo("<html><body><p>Hallo Welt, schöne Grüße!</p><p>€ 10</p></body></html>");
        assertThat(m.attachments).isEmpty();
    }

    @Test
    void unknownCharsetWithUtf8BytesFallsBackToUtf8() {
        // Given charset=x-no-such-charset and UTF-8 bytes
        Message m = convertResource("body-unknown-charset.eml");

        // Then the text is read as UTF-8, nothing is thrown and nothing becomes an attachment
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Grüße aus Köln\n");
        assertThat(m.attachments).isEmpty();
    }

    @Test
    void unknownCharsetWithLatin1BytesFallsBackToLatin1() {
        // Given charset="x-bogus-8859" and ISO-8859-1 bytes (invalid as UTF-8)
        Message m = convertResource("body-unknown-charset-latin1.eml");

        // Then the text is read as Latin-1
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Grüße aus Köln\n");
    }

    @Test
    void eightBitUtf8BodyWithoutCharsetParameterIsReadBestEffort() {
        // Given Content-Type: text/plain without charset and 8-bit UTF-8 bytes (common in practice)
        Message m = convertResource("body-8bit-no-charset.eml");

        // Then the text is not turned into replacement characters
        assertThat(string(m.props, PropTag.PR_BODY)).isEqualTo("Grüße aus Köln\n");
    }
}
