package org.zcp.itests.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zcp.api.soap.ZarafaCmd;

/**
 * The guard of the authorization matrix, without a server (surefire, so it fails every build):
 * a ZarafaCmd operation without a row, a row naming no operation, a row without a probe or a probe
 * without a row make the build fail.
 */
class AccessMatrixTableTest {
    @Test
    void everySoapOperationHasARowAndEveryRowAProbe() throws Exception {
        MatrixTable table = MatrixTable.load();
        Set<String> operations = Arrays.stream(ZarafaCmd.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> soapRows = table.rows.stream().map(MatrixTable.Row::op).filter(op -> !op.contains(":"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(soapRows).as("ZarafaCmd operations without a row in access-matrix.tsv").containsAll(operations);
        assertThat(operations).as("rows naming no ZarafaCmd operation").containsAll(soapRows);
        assertThat(operations).hasSize(80);

        Map<String, Probe> probes = MatrixRunner.probes();
        List<String> keys = table.rows.stream().map(MatrixTable.Row::key).toList();
        assertThat(keys).as("rows without a probe").allMatch(probes::containsKey);
        assertThat(probes.keySet()).as("probes without a row").allMatch(keys::contains);
        assertThat(keys).as("duplicate rows").doesNotHaveDuplicates();
        assertThat(table.roles).as("role columns").containsExactly(Role.values());
        assertThat(table.hostedOnly).containsExactlyInAnyOrder(Role.COMPANY_ADMIN, Role.OTHER_ADMIN);
        for (MatrixTable.Row r : table.rows) {
            assertThat(r.cells()).as("line %d: no cell to run", r.line()).isNotEmpty();
        }
    }

    @Test
    void cellsParseIntoAlternativesAndTheAuditFlag() {
        MatrixTable.Expect e = MatrixTable.Expect.parse("filtered|NO_ACCESS+audit");
        assertThat(e.outcomes()).containsExactly("filtered", "NO_ACCESS");
        assertThat(e.audit()).isTrue();
        assertThat(MatrixTable.Expect.parse("allow").audit()).isFalse();
    }

    @Test
    void malformedTablesAreRefused() {
        String header = "op\tcase\tmodes\towner\tnote\n";
        assertThatThrownBy(() -> MatrixTable.parse("op\tcase\tmodes\tnobody\tnote\n"))
                .hasMessageContaining("unknown role column");
        assertThatThrownBy(() -> MatrixTable.parse(header + "getStore\tvictim\tboth\tallow\textra\tnote\n"))
                .hasMessageContaining("fields");
        assertThatThrownBy(() -> MatrixTable.parse(header + "getStore\tvictim\tsometimes\tallow\tnote\n"))
                .hasMessageContaining("modes");
        assertThatThrownBy(() -> MatrixTable.parse(header + "getStore\tvictim\tboth\t\tnote\n"))
                .hasMessageContaining("empty cell");
    }
}
