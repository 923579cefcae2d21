package org.zcp.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every hostile file of the corpus is refused with the DAV precondition corpus/hostile/expected.properties names. */
class HostileTest {
    static Stream<String> hostile() {
        return Stream.concat(Corpus.files("hostile", ".ics"), Corpus.files("hostile", ".vcf"));
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileFileShouldBeRefusedWithItsPrecondition(String file) throws IOException {
        Properties expected = new Properties();
        expected.load(new StringReader(Corpus.read("hostile", "expected.properties")));
        String text = Corpus.read("hostile", file);

        ICalException e = catchThrowableOfType(ICalException.class, () -> {
            if (file.endsWith(".vcf")) VCards.parse(text, new TestIds());
            else ICalItems.parse(text, new TestIds(), Corpus.SERVER_ZONE);
        });

        assertThat(e).as(file).isNotNull();
        assertThat(e.precondition().name()).as(e.getMessage()).isEqualTo(expected.getProperty(file));
        assertThat(e.getMessage()).isNotBlank();
    }

    @Test
    void everyHostileFileShouldHaveAnExpectation() throws IOException {
        Properties expected = new Properties();
        expected.load(new StringReader(Corpus.read("hostile", "expected.properties")));

        assertThat(hostile().toList()).containsExactlyInAnyOrderElementsOf(expected.stringPropertyNames());
    }

    @Test
    void aVjournalShouldBeAnUnsupportedComponent() {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VJOURNAL\r\nUID:j\r\nDTSTAMP:20250101T000000Z\r\n"
                + "END:VJOURNAL\r\nEND:VCALENDAR\r\n";

        ICalException e = catchThrowableOfType(ICalException.class, () -> ICalItems.parse(text, new TestIds()));

        assertThat(e.precondition()).isEqualTo(ICalException.Precondition.SUPPORTED_CALENDAR_COMPONENT);
    }

    @Test
    void twoVcardsInOneResourceShouldBeRefused() {
        String one = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nN:A;;;;\r\nEND:VCARD\r\n";

        ICalException e = catchThrowableOfType(ICalException.class, () -> VCards.parse(one + one, new TestIds()));

        assertThat(e.precondition()).isEqualTo(ICalException.Precondition.VALID_ADDRESS_DATA);
    }
}
