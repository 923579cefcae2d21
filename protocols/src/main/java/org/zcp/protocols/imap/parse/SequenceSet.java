package org.zcp.protocols.imap.parse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.stream.Collectors;

/**
 * A sequence set ({@code 1:*}, {@code 2,4:7,9}, RFC 3501 section 9), for message sequence numbers
 * or UIDs alike. {@code *} means "the largest number in use", which is only known when the set is
 * applied, so the set keeps it symbolic and every query takes that number as {@code max}. As in the
 * RFC, {@code 4:2} equals {@code 2:4}, so {@code 5:*} applied to a mailbox whose largest UID is 3
 * means {@code 3:5} and includes UID 3.
 *
 * <p>A set may name billions of numbers ({@code 1:4294967295}); nothing here materialises them.
 * {@code $} (SEARCHRES, RFC 5182) is accepted as the saved search result, see {@link #isSaved()}.
 */
public final class SequenceSet {
    /** Marks {@code *} in a range end; 0 is never a valid number. */
    public static final long STAR = 0;

    /** One element of the set as written; an end is {@link #STAR} for {@code *}. */
    public record Range(long first, long last) {
        /** The numbers it covers once {@code *} is known, low end first. */
        public Range resolve(long max) {
            long a = first == STAR ? max : first;
            long b = last == STAR ? max : last;
            return new Range(Math.min(a, b), Math.max(a, b));
        }

        @Override
        public String toString() {
            String a = first == STAR ? "*" : Long.toString(first);
            return first == last ? a : a + ":" + (last == STAR ? "*" : Long.toString(last));
        }
    }

    private static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    private final List<Range> ranges;
    private final boolean saved;

    private SequenceSet(List<Range> ranges, boolean saved) {
        this.ranges = List.copyOf(ranges);
        this.saved = saved;
    }

    /** Parses the wire form. */
    public static SequenceSet parse(String text) throws ParseException {
        if (text.equals("$")) return SAVED;
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = number(part);
                ranges.add(new Range(n, n));
            } else {
                ranges.add(new Range(number(part.substring(0, colon)), number(part.substring(colon + 1))));
            }
        }
        return new SequenceSet(ranges, false);
    }

    /** A set of the given ranges, e.g. for building responses (COPYUID) or tests. */
    public static SequenceSet of(List<Range> ranges) {
        if (ranges.isEmpty()) throw new IllegalArgumentException("empty sequence set");
        return new SequenceSet(ranges, false);
    }

    private static long number(String s) throws ParseException {
        if (s.equals("*")) return STAR;
        if (s.isEmpty() || s.length() > 10 || s.charAt(0) == '0') throw new ParseException("Invalid sequence set");
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw new ParseException("Invalid sequence set");
            n = n * 10 + (c - '0');
        }
        if (n > Tokenizer.MAX_NUMBER) throw new ParseException("Invalid sequence set");
        return n;
    }

    /** True for {@code $}: the session substitutes the result of the last SEARCH ... SAVE. */
    public boolean isSaved() {
        return saved;
    }

    /** The ranges as written, in the client's order. Empty for {@code $}. */
    public List<Range> ranges() {
        return ranges;
    }

    /** True when {@code n} is in the set once {@code *} stands for {@code max}. */
    public boolean contains(long n, long max) {
        for (Range r : ranges) {
            Range x = r.resolve(max);
            if (n >= x.first() && n <= x.last()) return true;
        }
        return false;
    }

    /** True when some number in the set, {@code *} resolved, is above {@code max}. */
    public boolean exceeds(long max) {
        for (Range r : ranges) {
            if (r.resolve(max).last() > max) return true;
        }
        return false;
    }

    /**
     * The set as sorted, non-overlapping, non-adjacent ranges of numbers from 1 to {@code max};
     * numbers above {@code max} are left out, as there is no message with them. At most as many
     * ranges as the client wrote.
     */
    public List<Range> normalize(long max) {
        List<Range> sorted = ranges.stream()
                .map(r -> r.resolve(max))
                .map(r -> new Range(Math.max(1, r.first()), Math.min(max, r.last())))
                .filter(r -> r.first() <= r.last())
                .sorted(Comparator.comparingLong(Range::first))
                .collect(Collectors.toCollection(ArrayList::new));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            Range prev = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (prev != null && r.first() <= prev.last() + 1) {
                merged.set(merged.size() - 1, new Range(prev.first(), Math.max(prev.last(), r.last())));
            } else {
                merged.add(r);
            }
        }
        return merged;
    }

    /** The numbers of {@link #normalize}, ascending, each once, generated lazily. */
    public PrimitiveIterator.OfLong iterator(long max) {
        List<Range> merged = normalize(max);
        return new PrimitiveIterator.OfLong() {
            private int index;
            private long next = merged.isEmpty() ? 0 : merged.get(0).first();

            @Override
            public boolean hasNext() {
                return index < merged.size();
            }

            @Override
            public long nextLong() {
                if (!hasNext()) throw new NoSuchElementException();
                long value = next;
                if (value == merged.get(index).last()) {
                    index++;
                    if (index < merged.size()) next = merged.get(index).first();
                } else {
                    next++;
                }
                return value;
            }
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SequenceSet s && s.saved == saved && s.ranges.equals(ranges);
    }

    @Override
    public int hashCode() {
        return ranges.hashCode() + (saved ? 1 : 0);
    }

    /** The wire form. */
    @Override
    public String toString() {
        return saved ? "$" : ranges.stream().map(Range::toString).collect(Collectors.joining(","));
    }
}
