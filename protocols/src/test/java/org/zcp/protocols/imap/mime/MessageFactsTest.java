package org.zcp.protocols.imap.mime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageFactsTest {
    static final String MESSAGE = "From: =?UTF-8?Q?J=C3=BCrgen?= <juergen@example.org>\r\nTo: a@example.com,\r\n"
            + " \"B: 12\" <b@example.com>\r\nTo: c@example.com\r\nSubject: 5:3 -\r\n\r\nbody\r\n";

    @Test
    void factsAreWhatTheParseSaysAndSurviveTheirEncoding() {
        MimeStructure mime = MimeStructure.parse(MESSAGE.getBytes(StandardCharsets.ISO_8859_1));
        MessageFacts facts = MessageFacts.of(mime);

        assertThat(facts.envelope()).isEqualTo(mime.envelope().toImapString());
        assertThat(facts.bodyStructure()).isEqualTo(mime.bodyStructure());
        assertThat(facts.body()).isEqualTo(mime.body());
        assertThat(facts.date()).isNull();
        assertThat(facts.addressField("from")).singleElement().satisfies(f -> {
            assertThat(f.decoded()).contains("J\u00fcrgen");
            assertThat(f.raw()).contains("=?UTF-8?Q?");
        });
        assertThat(facts.addressField("TO")).hasSize(2);
        assertThat(facts.addressField("Bcc")).isEmpty();
        assertThat(MessageFacts.decode(facts.encode())).isEqualTo(facts);
    }

    @Test
    void anythingElseDecodesAsNothing() {
        String good = MessageFacts.of(MimeStructure.parse(MESSAGE.getBytes(StandardCharsets.ISO_8859_1))).encode();

        assertThat(MessageFacts.decode(null)).isNull();
        assertThat(MessageFacts.decode("")).isNull();
        assertThat(MessageFacts.decode("F0" + good.substring(2))).isNull();
        assertThat(MessageFacts.decode(good.substring(0, good.length() - 1))).isNull();
        assertThat(MessageFacts.decode(good + "x")).isNull();
        assertThat(MessageFacts.decode("F1999999:x")).isNull();
    }
}
