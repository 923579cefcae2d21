package org.zcp.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.itests.matrix.MatrixRunner;
import org.zcp.itests.matrix.MatrixTable;
import org.zcp.itests.matrix.MatrixWorld;
import org.zcp.itests.matrix.Probe;
import org.zcp.itests.matrix.Role;

/**
 * The authorization matrix (issue 9 item 1): every row of access-matrix.tsv (each SOAP operation,
 * the IMAP/POP3 commands, LMTP, the spooler) against every caller role, one dynamic test per cell
 * "op/case x role". Runs hosted (zcp.itest.hosted, default) and not hosted, on H2 and MariaDB.
 * The table's guard (every operation has a row) is {@code AccessMatrixTableTest}, which needs no
 * server; the outcomes of a run are written beside the server's files as access-matrix-actual.tsv.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessMatrixIT {
    static final boolean HOSTED = Boolean.parseBoolean(System.getProperty("zcp.itest.hosted", "true"));
    static MatrixTable table;
    static MatrixWorld world;

    @BeforeAll
    static void setUp() throws Exception {
        table = MatrixTable.load();
        world = MatrixWorld.create(HOSTED);
        // submitted mail of allowed cells is relayed to the sink instead of waiting for retries
        SmtpSink.get();
    }

    @TestFactory
    List<DynamicNode> matrix() {
        Map<String, Probe> probes = MatrixRunner.probes();
        MatrixRunner runner = new MatrixRunner(world);
        List<DynamicNode> rows = new ArrayList<>();
        for (MatrixTable.Row row : table.rows) {
            if (!row.appliesTo(HOSTED)) continue;
            List<DynamicTest> cells = new ArrayList<>();
            for (Map.Entry<Role, MatrixTable.Expect> cell : row.cells().entrySet()) {
                Role role = cell.getKey();
                if (!HOSTED && table.hostedOnly.contains(role)) continue;
                cells.add(DynamicTest.dynamicTest(row.key() + " x " + role.column,
                        () -> runner.run(row, role, cell.getValue(), probes.get(row.key()))));
            }
            rows.add(DynamicContainer.dynamicContainer(row.key(), cells));
        }
        return rows;
    }

    @AfterAll
    static void writeActualOutcomes() throws Exception {
        if (world != null) MatrixRunner.writeActual(table, HOSTED, ItServer.dir().resolve("access-matrix-actual.tsv"));
    }
}
