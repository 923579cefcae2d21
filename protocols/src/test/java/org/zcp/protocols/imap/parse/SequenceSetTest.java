package org.zcp.protocols.imap.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zcp.protocols.imap.parse.SequenceSet.Range;

class SequenceSetTest {
    static List<Long> all(SequenceSet s, long max) {
        List<Long> out = new ArrayList<>();
        s.iterator(max).forEachRemaining((long n) -> out.add(n));
        return out;
    }

    @Test
    void rangesAndSingles() throws Exception {
        SequenceSet s = SequenceSet.parse("2,4:7,9,12:*");
        assertThat(s.ranges()).containsExactly(new Range(2, 2), new Range(4, 7), new Range(9, 9),
                new Range(12, SequenceSet.STAR));
        assertThat(s.toString()).isEqualTo("2,4:7,9,12:*");
        assertThat(all(s, 14)).containsExactly(2L, 4L, 5L, 6L, 7L, 9L, 12L, 13L, 14L);
    }

    @Test
    void starIsTheLargestNumberAndRangesMayBeReversed() throws Exception {
        SequenceSet s = SequenceSet.parse("*");
        assertThat(s.contains(15, 15)).isTrue();
        assertThat(s.contains(14, 15)).isFalse();
        assertThat(SequenceSet.parse("4:2").contains(3, 10)).isTrue();
        // RFC 3501: "5:*" with largest UID 3 is 3:5 and includes 3.
        SequenceSet tail = SequenceSet.parse("5:*");
        assertThat(tail.contains(3, 3)).isTrue();
        assertThat(all(tail, 3)).containsExactly(3L);
        assertThat(SequenceSet.parse("*:4").contains(6, 8)).isTrue();
    }

    @Test
    void exceedsTellsInvalidSequenceNumbers() throws Exception {
        assertThat(SequenceSet.parse("1:5").exceeds(4)).isTrue();
        assertThat(SequenceSet.parse("1:*").exceeds(4)).isFalse();
        assertThat(SequenceSet.parse("*").exceeds(0)).isFalse();
    }

    @Test
    void normalizeMergesOverlapsAndClipsToMax() throws Exception {
        SequenceSet s = SequenceSet.parse("9,1:3,2:5,6,20:30");
        assertThat(s.normalize(25)).containsExactly(new Range(1, 6), new Range(9, 9), new Range(20, 25));
        assertThat(all(SequenceSet.parse("3,1,3,2"), 10)).containsExactly(1L, 2L, 3L);
        assertThat(all(SequenceSet.parse("1:*"), 0)).isEmpty();
    }

    @Test
    void hugeRangesAreNotMaterialised() throws Exception {
        SequenceSet s = SequenceSet.parse("1:4294967295");
        assertThat(s.contains(4_000_000_000L, 1)).isTrue();
        PrimitiveIterator.OfLong it = s.iterator(4294967295L);
        assertThat(it.nextLong()).isEqualTo(1);
        assertThat(it.nextLong()).isEqualTo(2);
        assertThat(it.hasNext()).isTrue();
    }

    @Test
    void dollarIsTheSavedResult() throws Exception {
        SequenceSet s = SequenceSet.parse("$");
        assertThat(s.isSaved()).isTrue();
        assertThat(s.toString()).isEqualTo("$");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1:", ":1", "1,,2", "01", "a", "4294967296", "1:0", "", "1,", "1:2:3", "*1", "-1", "$,1"})
    void invalidSets(String text) {
        assertThatThrownBy(() -> SequenceSet.parse(text)).isInstanceOf(ParseException.class)
                .hasMessage("Invalid sequence set");
    }

    @Test
    void largestNumberIsAccepted() throws Exception {
        assertThat(SequenceSet.parse("4294967295").contains(4294967295L, 1)).isTrue();
    }
}
