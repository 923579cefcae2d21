package org.zcp.protocols.imap.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void encodedWordsAreDecodedAndJoined() {
        assertThat(SearchText.header("=?UTF-8?B?w5xiZXJzaWNodA==?= und =?ISO-8859-1?Q?Gr=FC=DFe_aus?=\r\n =?utf-8?q?_K=C3=B6ln?="))
                .isEqualTo("Übersicht und Grüße aus Köln");
        assertThat(SearchText.header("plain subject")).isEqualTo("plain subject");
        // unknown charset or broken base64: left as it stands
        assertThat(SearchText.header("=?x-unknown?B?abc?= and =?utf-8?B?***?=")).isEqualTo("=?x-unknown?B?abc?= and =?utf-8?B?***?=");
    }

    @Test
    void bodyTextIsTransferDecodedInItsCharset() {
        String raw = "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + "Sch=F6ne Gr=FC=DFe, lange Zeile mit weichem =\r\nUmbruch\r\n--b\r\n"
                + "Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "PHA+SGVsbG8gd8O2cmxkPC9wPg==\r\n--b\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\nc2VjcmV0\r\n--b--\r\n";
        String text = SearchText.body(MimeStructure.parse(raw.getBytes(StandardCharsets.ISO_8859_1)).root());
        assertThat(text).contains("Schöne Grüße, lange Zeile mit weichem Umbruch").contains("<p>Hello wörld</p>")
                .doesNotContain("secret");
    }
}
