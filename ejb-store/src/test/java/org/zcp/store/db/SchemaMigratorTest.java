package org.zcp.store.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** Upgrades run at start; a database of a newer build (a downgrade) is refused untouched. */
class SchemaMigratorTest {
    private static JdbcDataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:m" + UUID.randomUUID().toString().replace("-", "") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        return ds;
    }

    @Test
    void anEmptyDatabaseGetsEverySchemaVersionAndASecondStartChangesNothing() throws Exception {
        JdbcDataSource ds = database();
        SchemaMigrator.migrate(ds);
        SchemaMigrator.migrate(ds);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*), MAX(CAST(\"version\" AS INT)) FROM \"schema_version\" WHERE \"version\" IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SchemaMigrator.MIGRATIONS.size());
            assertThat(rs.getInt(2)).isEqualTo(SchemaMigrator.knownVersion());
        }
    }

    @Test
    void aDatabaseOfANewerBuildIsRefusedAndLeftAsItIs() throws Exception {
        JdbcDataSource ds = database();
        SchemaMigrator.migrate(ds);
        int newer = SchemaMigrator.knownVersion() + 1;
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // what a newer build's migration leaves behind: a table and its row in the history
            st.execute("CREATE TABLE from_the_future (id INT)");
            st.execute("INSERT INTO \"schema_version\" (\"installed_rank\", \"version\", \"description\", \"type\", "
                    + "\"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES ("
                    + (SchemaMigrator.MIGRATIONS.size() + 1) + ", '" + newer + "', 'future', 'SQL', 'V" + newer
                    + "__future.sql', 1, 'test', 1, TRUE)");
        }

        assertThatThrownBy(() -> SchemaMigrator.migrate(ds)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema version " + newer + ", written by a newer ZCP")
                .hasMessageContaining("knows versions up to " + SchemaMigrator.knownVersion())
                .hasMessageContaining("A downgrade is not possible");
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"schema_version\" WHERE \"version\" IS NOT NULL")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(SchemaMigrator.MIGRATIONS.size() + 1);
        }
    }
}
