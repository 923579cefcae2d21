package org.zcp.tools.admin;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * An indented table with a header and a dashed rule, as in the manual (8.2, 8.3.5):
 *
 * <pre>
 *        Username        Fullname
 *        -----------------------------
 *        john            John Doe
 * </pre>
 *
 * Columns end on the next multiple of 8 after their widest cell, as the original's tab stops
 * did; a column can instead be given a fixed width.
 */
final class Table {
    static final String INDENT = "       ";
    private static final int MIN_RULE = 29;

    private final String[] headers;
    private final int[] fixed;
    private final List<String[]> rows = new ArrayList<>();
    private int rule = -1;

    Table(String... headers) {
        this.headers = headers;
        this.fixed = new int[headers.length];
    }

    Table row(String... cells) {
        String[] r = new String[headers.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = i < cells.length && cells[i] != null ? cells[i] : "";
        }
        rows.add(r);
        return this;
    }

    Table fixedWidth(int column, int width) {
        fixed[column] = width;
        return this;
    }

    /** The dashed rule's length; by default a little wider than the header. */
    Table rule(int length) {
        rule = length;
        return this;
    }

    void print(PrintStream out) {
        int[] widths = widths();
        String header = line(headers, widths);
        out.println(INDENT + header);
        out.println(INDENT + "-".repeat(rule > 0 ? rule : Math.max(MIN_RULE, header.length() + 5)));
        for (String[] r : rows) {
            out.println(INDENT + line(r, widths));
        }
    }

    private int[] widths() {
        int[] w = new int[headers.length];
        for (int c = 0; c < headers.length - 1; c++) {
            int max = headers[c].length();
            for (String[] r : rows) {
                max = Math.max(max, r[c].length());
            }
            w[c] = fixed[c] > 0 ? Math.max(fixed[c], max + 2) : (max / 8 + 1) * 8;
        }
        return w;
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            sb.append(cells[c]);
            if (c < cells.length - 1) {
                sb.append(" ".repeat(widths[c] - cells[c].length()));
            }
        }
        return sb.toString().stripTrailing();
    }
}
