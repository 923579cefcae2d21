package org.zcp.itests.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * access-matrix.tsv: one row per operation and target, one column per {@link Role}. Lines starting
 * with '#' are comments; the first other line is the header. A role column marked "[hosted]" only
 * exists when the server runs with enable_hosted_zarafa.
 */
public final class MatrixTable {
    public static final String RESOURCE = "/access-matrix.tsv";

    /** One expected outcome: any of {@code outcomes}, and whether an audit line is required. */
    public record Expect(List<String> outcomes, boolean audit) {
        static Expect parse(String cell) {
            boolean audit = cell.endsWith("+audit");
            String v = audit ? cell.substring(0, cell.length() - "+audit".length()) : cell;
            return new Expect(List.of(v.split("\\|")), audit);
        }

        @Override
        public String toString() {
            return String.join("|", outcomes) + (audit ? "+audit" : "");
        }
    }

    public record Row(int line, String op, String kase, String modes, Map<Role, Expect> cells, String note) {
        public String key() {
            return op + "/" + kase;
        }

        public boolean appliesTo(boolean hosted) {
            return modes.equals("both") || modes.equals(hosted ? "hosted" : "single");
        }
    }

    public final List<Role> roles = new ArrayList<>();
    public final Set<Role> hostedOnly = EnumSet.noneOf(Role.class);
    public final List<Row> rows = new ArrayList<>();

    public static MatrixTable load() throws IOException {
        try (InputStream in = MatrixTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IOException(RESOURCE + " is not on the test class path");
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static MatrixTable parse(String text) {
        MatrixTable t = new MatrixTable();
        String[] lines = text.split("\n", -1);
        boolean header = true;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (header) {
                t.header(f, i + 1);
                header = false;
                continue;
            }
            if (f.length != t.roles.size() + 4) {
                throw new IllegalStateException("access-matrix.tsv line " + (i + 1) + ": " + f.length
                        + " fields, the header has " + (t.roles.size() + 4));
            }
            if (!List.of("both", "hosted", "single").contains(f[2])) {
                throw new IllegalStateException("access-matrix.tsv line " + (i + 1) + ": modes '" + f[2] + "'");
            }
            Map<Role, Expect> cells = new LinkedHashMap<>();
            for (int r = 0; r < t.roles.size(); r++) {
                String cell = f[3 + r].trim();
                if (cell.isEmpty()) throw new IllegalStateException("access-matrix.tsv line " + (i + 1) + ": empty cell");
                if (!cell.equals("-")) cells.put(t.roles.get(r), Expect.parse(cell));
            }
            t.rows.add(new Row(i + 1, f[0], f[1], f[2], cells, f[f.length - 1]));
        }
        return t;
    }

    private void header(String[] f, int line) {
        if (!f[0].equals("op") || !f[1].equals("case") || !f[2].equals("modes") || !f[f.length - 1].equals("note")) {
            throw new IllegalStateException("access-matrix.tsv line " + line + ": header must be op, case, modes, roles..., note");
        }
        for (int i = 3; i < f.length - 1; i++) {
            String col = f[i];
            boolean hosted = col.endsWith("[hosted]");
            Role r = Role.ofColumn(hosted ? col.substring(0, col.length() - "[hosted]".length()) : col);
            roles.add(r);
            if (hosted) hostedOnly.add(r);
        }
    }
}
