package org.zcp.protocols.log;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {
    @Test
    void lineBreaksAndControlCharactersAreEscapedSoNoLineCanBeForged() {
        assertThat(LogText.safe("x\r\n[WARN ] forged\u0000\u001b[31m\u0085\u2028end"))
                .isEqualTo("x\\r\\n[WARN ] forged\\u0000\\u001b[31m\\u0085\\u2028end");
    }

    @Test
    void aBackslashIsDoubledSoAnEscapeCannotBeFaked() {
        assertThat(LogText.safe("a\\r")).isEqualTo("a\\\\r");
    }

    @Test
    void ordinaryNamesAndNullAreKeptAndLongTextIsCut() {
        assertThat(LogText.safe("j\u00f6rg@example.com")).isEqualTo("j\u00f6rg@example.com");
        assertThat(LogText.safe(null)).isEqualTo("null");
        assertThat(LogText.safe("a".repeat(1000))).isEqualTo("a".repeat(LogText.MAX) + "...");
    }
}
