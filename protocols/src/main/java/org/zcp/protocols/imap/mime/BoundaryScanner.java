package org.zcp.protocols.imap.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multipart body into its parts (RFC 2046 §5.1.1). A delimiter line is {@code --}
 * boundary, optionally {@code --} (close), then only blanks: requiring the rest of the line to be
 * blank keeps a boundary that is a prefix of a nested part's boundary from matching. The preamble
 * before the first delimiter and the epilogue after the close are dropped; the line break before a
 * delimiter belongs to the delimiter. Without a close delimiter the last part runs to the end.
 */
final class BoundaryScanner {
    private final byte[] raw;
    private final byte[] dashBoundary;

    BoundaryScanner(byte[] raw, String boundary) {
        this.raw = raw;
        this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Part ranges as {start, end} pairs. */
    List<int[]> split(int start, int end) {
        List<int[]> parts = new ArrayList<>();
        int partStart = -1;
        int pos = start;
        while (pos < end) {
            int lineEnd = lineEnd(pos, end);
            int kind = delimiter(pos, lineEnd);
            if (kind != 0) {
                if (partStart >= 0) {
                    parts.add(new int[] {partStart, Math.max(partStart, pos - eolBefore(pos, partStart))});
                }
                if (kind == 2) {
                    return parts;
                }
                partStart = lineEnd;
            }
            pos = lineEnd;
        }
        if (partStart >= 0) {
            parts.add(new int[] {partStart, end});
        }
        return parts;
    }

    /** 0: not a delimiter, 1: a delimiter, 2: the close delimiter. */
    private int delimiter(int pos, int lineEnd) {
        if (lineEnd - pos < dashBoundary.length) {
            return 0;
        }
        for (int i = 0; i < dashBoundary.length; i++) {
            if (raw[pos + i] != dashBoundary[i]) {
                return 0;
            }
        }
        int i = pos + dashBoundary.length;
        int kind = 1;
        if (i + 1 < lineEnd && raw[i] == '-' && raw[i + 1] == '-') {
            kind = 2;
            i += 2;
        }
        for (; i < lineEnd; i++) {
            byte b = raw[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return 0;
            }
        }
        return kind;
    }

    /** Length of the line break just before {@code pos}, not reaching back before {@code floor}. */
    private int eolBefore(int pos, int floor) {
        if (pos - 1 < floor || raw[pos - 1] != '\n') {
            return 0;
        }
        return pos - 2 >= floor && raw[pos - 2] == '\r' ? 2 : 1;
    }

    private int lineEnd(int pos, int end) {
        for (int i = pos; i < end; i++) {
            if (raw[i] == '\n') {
                return i + 1;
            }
        }
        return end;
    }
}
