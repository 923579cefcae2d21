package org.zcp.store.mapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.zcp.api.mapi.PropTag;
import org.zcp.store.api.mapi.PropValue;
import org.zcp.store.db.SchemaMigrator;
import org.zcp.store.entity.PropertyRow;

/** The multi-row insert of a new object's property rows, against the real schema (Flyway) on H2. */
class FreshRowsTest {

    @Test
    void everyKindOfValueArrivesAsTheOrmWouldWriteIt() throws SQLException {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:f" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        SchemaMigrator.migrate(ds);
        try (Connection c = ds.getConnection()) {
            String longText = "lorem ipsum ".repeat(2000);
            byte[] text = "From: a@b\r\n\r\nbody".getBytes();
            List<PropertyRow> rows = new ArrayList<>();
            rows.add(Props.toRow(7, PropValue.ofString(PropTag.PR_SUBJECT, "Quarterly report")));
            rows.add(Props.toRow(7, PropValue.ofString(PropTag.PR_BODY, longText)));
            rows.add(Props.toRow(7, PropValue.ofLong(PropTag.PR_IMPORTANCE, 2)));
            rows.add(Props.toRow(7, PropValue.ofBinary(PropTag.PR_ENTRYID, text)));
            // more than one statement's worth: the chunks follow each other
            for (int i = 0; i < FreshRows.CHUNK + 3; i++) {
                rows.add(Props.toRow(8, PropValue.ofLong(0x80000003 + (i << 16), i)));
            }
            FreshRows.insert(c, rows);

            try (Statement st = c.createStatement();
                    ResultSet r = st.executeQuery("SELECT tag, type, val_long, val_string, val_text, val_binary"
                            + " FROM properties WHERE hierarchy_id = 7 ORDER BY tag")) {
                int n = 0;
                while (r.next()) {
                    n++;
                    int tag = r.getInt(1);
                    if (tag == PropTag.PR_SUBJECT) {
                        assertThat(r.getString(4)).isEqualTo("Quarterly report");
                        assertThat(r.getString(5)).isNull();
                    } else if (tag == PropTag.PR_BODY) {
                        assertThat(r.getString(5)).isEqualTo(longText);
                        assertThat(r.getString(4)).isEqualTo(longText.substring(0, r.getString(4).length()));
                    } else if (tag == PropTag.PR_IMPORTANCE) {
                        assertThat(r.getLong(3)).isEqualTo(2);
                        assertThat(r.getObject(4)).isNull();
                    } else {
                        assertThat(r.getBytes(6)).isEqualTo(text);
                    }
                    assertThat(r.getInt(2)).isEqualTo(org.zcp.api.mapi.PropType.of(tag));
                }
                assertThat(n).isEqualTo(4);
            }
            try (Statement st = c.createStatement();
                    ResultSet r = st.executeQuery("SELECT COUNT(*), SUM(val_long) FROM properties WHERE hierarchy_id = 8")) {
                r.next();
                int k = FreshRows.CHUNK + 3;
                assertThat(r.getInt(1)).isEqualTo(k);
                assertThat(r.getLong(2)).isEqualTo((long) k * (k - 1) / 2);
            }
        }
    }

    @Test
    void theStatementHasOnePlaceholderGroupPerRow() {
        assertThat(FreshRows.sql(1)).endsWith("VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        assertThat(FreshRows.sql(3).split("\\(\\?").length - 1).isEqualTo(3);
    }
}
