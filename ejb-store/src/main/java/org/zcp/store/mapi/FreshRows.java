package org.zcp.store.mapi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.List;
import org.zcp.store.entity.PropertyRow;

/**
 * The property rows of an object just created, inserted as one multi-row statement on the
 * transaction's connection instead of one ORM insert per property. A delivered message has about
 * twenty: Flight Recorder over LMTP delivery on H2 showed Hibernate's persist and flush machinery
 * for them as a sixth of a delivery's CPU, and on MariaDB each was a statement of its own (an IMAP
 * APPEND sent 28 inserts). The rows are new (the object was inserted a moment ago, its id is an
 * identity), so nothing the persistence context holds can be stale: a later read in the same
 * transaction finds them in the database.
 */
final class FreshRows {
    /** Rows per statement: bounds the statement variants each pooled connection keeps prepared. */
    static final int CHUNK = 32;
    private static final String INSERT = "INSERT INTO properties (hierarchy_id, tag, type, val_long, val_double,"
            + " val_string, val_text, val_binary) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?, ?, ?)";

    private FreshRows() {
    }

    static void insert(Connection c, Collection<PropertyRow> rows) throws SQLException {
        List<PropertyRow> all = List.copyOf(rows);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<PropertyRow> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            try (PreparedStatement st = c.prepareStatement(sql(chunk.size()))) {
                int i = 1;
                for (PropertyRow r : chunk) {
                    st.setLong(i++, r.hierarchyId);
                    st.setInt(i++, r.tag);
                    st.setInt(i++, r.type);
                    if (r.valLong == null) st.setNull(i++, Types.BIGINT);
                    else st.setLong(i++, r.valLong);
                    if (r.valDouble == null) st.setNull(i++, Types.DOUBLE);
                    else st.setDouble(i++, r.valDouble);
                    if (r.valString == null) st.setNull(i++, Types.VARCHAR);
                    else st.setString(i++, r.valString);
                    if (r.valText == null) st.setNull(i++, Types.CLOB);
                    else st.setString(i++, r.valText);
                    if (r.valBinary == null) st.setNull(i++, Types.BLOB);
                    else st.setBytes(i++, r.valBinary);
                }
                int n = st.executeUpdate();
                if (n != chunk.size()) throw new SQLException(chunk.size() + " property rows to insert, " + n + " inserted");
            }
        }
    }

    static String sql(int rows) {
        StringBuilder sb = new StringBuilder(INSERT.length() + rows * (ROW.length() + 2)).append(INSERT);
        for (int i = 0; i < rows; i++) sb.append(i == 0 ? "" : ", ").append(ROW);
        return sb.toString();
    }
}
