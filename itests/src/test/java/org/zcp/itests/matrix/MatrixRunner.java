package org.zcp.itests.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.ws.WebServiceException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.zcp.api.soap.MapiException;
import org.zcp.itests.ItServer;

/** Runs one cell: prepare, the role's action, cleanup; then compares outcome and audit log. */
public final class MatrixRunner {
    /** What each cell ran into, by row line and role, for {@link #writeActual}. */
    private static final Map<String, String> ACTUAL = new java.util.concurrent.ConcurrentHashMap<>();
    private final MatrixWorld w;

    public MatrixRunner(MatrixWorld w) {
        this.w = w;
    }

    /** Every probe, by "op/case" as the rows name them. */
    public static Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        StoreProbes.register(p);
        AdminProbes.register(p);
        GatewayProbes.register(p);
        return Collections.unmodifiableMap(p);
    }

    public void run(MatrixTable.Row row, Role role, MatrixTable.Expect expect, Probe probe) throws Exception {
        Cell cell = new Cell(role, w);
        Path audit = ItServer.dir().resolve("log/audit.log");
        String outcome;
        String detail = "";
        long mark = size(audit);
        Probe.Prepared prepared = null;
        try {
            try {
                prepared = probe.prepare(cell);
            } catch (Cell.LogonRefused e) {
                outcome = bare(e.error);
            }
            if (prepared != null) {
                mark = size(audit);
                try {
                    outcome = prepared.op().run();
                } catch (MapiException e) {
                    outcome = bare(e.getFaultInfo().error);
                    detail = e.getMessage();
                } catch (Cell.LogonRefused e) {
                    outcome = bare(e.error);
                } catch (WebServiceException e) {
                    // not a MAPI error: the server failed (a bug in its own right, shown as the cell's outcome)
                    outcome = "SERVER_FAULT";
                    detail = String.valueOf(e.getMessage());
                }
            } else {
                outcome = bare("MAPI_E_LOGON_FAILED");
            }
        } finally {
            if (prepared != null && prepared.cleanup() != null) prepared.cleanup().run();
        }
        String where = row.key() + " x " + role.column + " (access-matrix.tsv line " + row.line() + ")";
        ACTUAL.put(row.line() + "/" + role, expect.outcomes().contains(outcome) ? outcome
                : outcome + " (expected " + expect + ")");
        assertThat(expect.outcomes()).as("%s: expected %s but was %s %s", where, expect, outcome, detail).contains(outcome);
        if (expect.audit()) {
            String verdict = outcome.equals("NO_ACCESS") ? "access denied" : "access allowed";
            List<String> lines = since(audit, mark);
            assertThat(lines).as("%s: an audit line '%s ... username='%s'' (manual 7.3.1.5)", where, verdict, cell.login())
                    .anyMatch(l -> l.contains(verdict) && l.contains("username='" + cell.login() + "'")
                            && (l.contains("ownername='" + w.victim() + "'")
                                    || l.contains("ownername='" + w.publicOwnerName + "'")));
        }
    }

    /**
     * The outcomes of this run in the table's layout, so a reviewer sees the whole matrix as the
     * server answers it; a cell that is not as expected says so.
     */
    public static void writeActual(MatrixTable table, boolean hosted, Path file) throws IOException {
        StringBuilder b = new StringBuilder("# outcomes of AccessMatrixIT, " + (hosted ? "hosted" : "not hosted")
                + ", " + ItServer.db() + "\nop\tcase\tmodes");
        for (Role r : table.roles) b.append('\t').append(r.column);
        b.append('\n');
        for (MatrixTable.Row row : table.rows) {
            if (!row.appliesTo(hosted)) continue;
            b.append(row.op()).append('\t').append(row.kase()).append('\t').append(row.modes());
            for (Role r : table.roles) b.append('\t').append(ACTUAL.getOrDefault(row.line() + "/" + r, "-"));
            b.append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    static String bare(String error) {
        return error.startsWith("MAPI_E_") ? error.substring("MAPI_E_".length()) : error;
    }

    private static long size(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    private static List<String> since(Path p, long mark) throws IOException {
        if (!Files.exists(p)) return List.of();
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "r")) {
            f.seek(mark);
            byte[] b = new byte[(int) (f.length() - mark)];
            f.readFully(b);
            return Arrays.asList(new String(b, StandardCharsets.UTF_8).split("\n"));
        }
    }
}
