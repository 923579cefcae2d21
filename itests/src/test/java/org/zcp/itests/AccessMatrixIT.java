package org.zcp.itests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zcp.api.soap.ZarafaCmd;
import org.zcp.itests.matrix.MatrixRunner;
import org.zcp.itests.matrix.MatrixTable;
import org.zcp.itests.matrix.MatrixWorld;
import org.zcp.itests.matrix.Probe;
import org.zcp.itests.matrix.Role;

/**
 * The authorization matrix (issue 9 item 1): every row of access-matrix.tsv (each SOAP operation,
 * the IMAP/POP3 commands, LMTP, the spooler) against every caller role, one dynamic test per cell
 * "op/case x role". Runs hosted (zcp.itest.hosted, default) and not hosted, on H2 and MariaDB.
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

    /** A new operation without a row, or a row without an operation or probe, fails the build. */
    @Test
    void everySoapOperationHasARowAndEveryRowAProbe() throws Exception {
        Set<String> operations = Arrays.stream(ZarafaCmd.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> soapRows = table.rows.stream().map(MatrixTable.Row::op).filter(op -> !op.contains(":"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(soapRows).as("ZarafaCmd operations without a row in access-matrix.tsv")
                .containsAll(operations);
        assertThat(operations).as("rows naming no ZarafaCmd operation").containsAll(soapRows);
        assertThat(operations).hasSize(72);

        Map<String, Probe> probes = MatrixRunner.probes();
        List<String> keys = table.rows.stream().map(MatrixTable.Row::key).toList();
        assertThat(keys).as("rows without a probe").allMatch(probes::containsKey);
        assertThat(probes.keySet()).as("probes without a row").allMatch(keys::contains);
        assertThat(keys).as("duplicate rows").doesNotHaveDuplicates();
        assertThat(table.roles).as("role columns").containsExactly(Role.values());
        for (MatrixTable.Row r : table.rows) {
            assertThat(r.cells().keySet()).as("line %d: roles without any cell", r.line()).isNotEmpty();
        }
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
}
