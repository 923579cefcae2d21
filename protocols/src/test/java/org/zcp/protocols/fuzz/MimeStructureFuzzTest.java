package org.zcp.protocols.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.zcp.protocols.imap.mime.MimeStructure;
import org.zcp.protocols.imap.mime.SearchText;

/**
 * Fuzzes the IMAP MIME structure parser with any stored message and any section a client may
 * ask for. Invariants: parsing never throws ("never throws on malformed MIME"); ENVELOPE, BODY
 * and BODYSTRUCTURE hold CR/LF only inside literals ({@link #assertFramed}); a section is never
 * more than the message with its header lines ended by CRLF, and {@code section(spec)}
 * fails only with the documented IllegalArgumentException for bad syntax.
 */
class MimeStructureFuzzTest {
    @FuzzTest(maxDuration = "10s")
    void parsingAndSectionsNeverFailOnAnyMessage(FuzzedDataProvider data) {
        String spec = data.consumeString(40);
        byte[] raw = data.consumeRemainingAsBytes();
        MimeStructure m = MimeStructure.parse(raw);
        assertFramed(m.envelope().toImapString());
        assertFramed(m.body());
        assertFramed(m.bodyStructure());
        SearchText.body(m.root());
        byte[] section;
        try {
            section = m.section(spec);
        } catch (IllegalArgumentException e) {
            section = m.section("");
        }
        // header sections end every line and the block with CRLF, even where the message does
        // not; beyond that a section is a part of the message, never an amplification of it
        assertThat(section.length).isLessThanOrEqualTo(2 * raw.length + 4);
        long origin = data.consumeLong(0, Long.MAX_VALUE);
        long octets = data.consumeLong(0, Long.MAX_VALUE);
        assertThat(MimeStructure.partial(raw, origin, octets).length).isLessThanOrEqualTo(raw.length);
    }

    /**
     * A response fragment in which CR and LF occur only as the line end of a literal
     * announcement ({@code {n}CRLF}), followed by exactly n octets: anything else would end the
     * FETCH response early and let message content inject responses.
     */
    static void assertFramed(String s) {
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '{') {
                int close = s.indexOf('}', i);
                if (close > i + 1 && s.startsWith("\r\n", close + 1) && s.substring(i + 1, close).chars()
                        .allMatch(Character::isDigit)) {
                    i = close + 3 + Integer.parseInt(s.substring(i + 1, close));
                    assertThat(i).as("literal runs past the end").isLessThanOrEqualTo(s.length());
                    continue;
                }
            }
            assertThat(c).as("bare CR/LF at " + i + " in " + s).isNotIn('\r', '\n');
            i++;
        }
    }
}
