package org.zcp.protocols.imap.mime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** NIL, quoted strings and literals (RFC 3501 §4.3, §4.5). */
class ImapStringsTest {

    @Test
    void nilAndQuoted() {
        assertThat(ImapStrings.nstring(null)).isEqualTo("NIL");
        assertThat(ImapStrings.nstring("")).isEqualTo("\"\"");
        assertThat(ImapStrings.nstring("NIL")).isEqualTo("\"NIL\"");
        assertThat(ImapStrings.string("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
    }

    @Test
    void literalsForLineBreaksNulAnd8Bit() {
        assertThat(ImapStrings.string("a\r\nb")).isEqualTo("{4}\r\na\r\nb");
        assertThat(ImapStrings.string("x\ny")).isEqualTo("{3}\r\nx\ny");
        assertThat(ImapStrings.string("\u00e9t\u00e9")).isEqualTo("{3}\r\n\u00e9t\u00e9");
        assertThat(ImapStrings.needsLiteral("plain \"ok\"")).isFalse();
        assertThat(ImapStrings.needsLiteral("nul\0")).isTrue();
    }

    @Test
    void bytesAreOctets() {
        assertThat(ImapStrings.bytes("\u00e9")).containsExactly(0xe9 - 256);
        assertThat(ImapStrings.literal("\u20ac")).isEqualTo("{3}\r\n\u20ac");
    }
}
