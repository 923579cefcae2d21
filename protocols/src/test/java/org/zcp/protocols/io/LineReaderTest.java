package org.zcp.protocols.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The one line reader of LMTP and POP3 (issue 10: the two copies had diverged). */
class LineReaderTest {
    static LineReader reader(String input, int limit) {
        return new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.ISO_8859_1)), limit, 16);
    }

    static String text(byte[] line) {
        return line == null ? null : new String(line, StandardCharsets.ISO_8859_1);
    }

    @Test
    void aLineOfExactlyTheLimitPlusCrlfIsReturnedWithoutItsLineEnd() throws IOException {
        LineReader r = reader("x".repeat(10) + "\r\nnext\r\n", 10);

        assertThat(text(r.readLine())).isEqualTo("x".repeat(10));
        assertThat(text(r.readLine())).isEqualTo("next");
        assertThat(r.readLine()).isNull();
    }

    @Test
    void aLineOneOctetOverTheLimitIsConsumedAndReportedAndTheNextLineIsInStep() throws IOException {
        LineReader r = reader("y".repeat(11) + "\r\n" + "z".repeat(500) + "\nafter\r\n", 10);

        assertThatThrownBy(r::readLine).isInstanceOf(LineReader.LineTooLongException.class);
        assertThatThrownBy(r::readLine).isInstanceOf(LineReader.LineTooLongException.class);
        assertThat(text(r.readLine())).isEqualTo("after");
    }

    @Test
    void bareLfEndsALineAndACrInsideALineIsKept() throws IOException {
        LineReader r = reader("a\nb\rc\r\n\r\n", 10);

        assertThat(text(r.readLine())).isEqualTo("a");
        assertThat(text(r.readLine())).isEqualTo("b\rc");
        assertThat(text(r.readLine())).isEmpty();
        assertThat(r.readLine()).isNull();
    }

    @Test
    void anUnterminatedLastLineLosesItsTrailingCrAndIsNeverTruncated() throws IOException {
        assertThat(text(reader("QUIT\r", 10).readLine())).isEqualTo("QUIT");
        assertThat(text(reader("QUIT", 10).readLine())).isEqualTo("QUIT");
        assertThat(text(reader("x".repeat(10) + "\r", 10).readLine())).isEqualTo("x".repeat(10));
        assertThatThrownBy(() -> reader("x".repeat(11), 10).readLine())
                .isInstanceOf(LineReader.LineTooLongException.class);
    }

    @Test
    void aLimitPerReadOverridesTheReadersOwn() throws IOException {
        LineReader r = reader("x".repeat(20) + "\r\n" + "x".repeat(20) + "\r\n", 10);

        assertThat(text(r.readLine(20))).hasSize(20);
        assertThatThrownBy(r::readLine).isInstanceOf(LineReader.LineTooLongException.class);
    }

    @Test
    void eightBitOctetsPassUnchanged() throws IOException {
        byte[] data = {(byte) 0xc3, (byte) 0xa4, 0, (byte) 0xff, '\r', '\n'};
        LineReader r = new LineReader(new ByteArrayInputStream(data), 10, 16);

        assertThat(r.readLine()).containsExactly(0xc3, 0xa4, 0, 0xff);
    }
}
