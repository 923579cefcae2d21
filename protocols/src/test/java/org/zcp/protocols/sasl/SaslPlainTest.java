package org.zcp.protocols.sasl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SaslPlainTest {
    @Test
    void plainMessagesAreSplitStrictly() {
        byte[] utf8 = "\0j\u00f6rg\0p\u00e4ss".getBytes(StandardCharsets.UTF_8);
        assertThat(SaslPlain.decode(utf8)).containsExactly("", "j\u00f6rg", "p\u00e4ss");
        assertThat(SaslPlain.decode("a\0b\0c".getBytes(StandardCharsets.UTF_8))).containsExactly("a", "b", "c");
        assertThat(SaslPlain.decode("\0\0c".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(SaslPlain.decode("\0b\0c\0".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(SaslPlain.decode(new byte[] {0, 'b', 0, (byte) 0xff})).isNull();
        assertThat(SaslPlain.decode(new byte[0])).isNull();
    }
}
