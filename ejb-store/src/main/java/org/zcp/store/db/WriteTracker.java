package org.zcp.store.db;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Tells {@link GroupCommit} which transactions write: Hibernate hands every SQL statement it
 * prepares (entity inserts, updates and deletes, JPQL and native bulk statements) to this
 * inspector first; a statement that changes rows marks its transaction. Statements sent around
 * Hibernate (BatchedWrites) mark it themselves.
 */
public class WriteTracker implements StatementInspector {
    @Override
    public String inspect(String sql) {
        if (GroupCommit.active() && writes(sql)) GroupCommit.wrote();
        return sql;
    }

    static boolean writes(String sql) {
        int i = 0;
        while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) i++;
        return sql.regionMatches(true, i, "insert", 0, 6) || sql.regionMatches(true, i, "update", 0, 6)
                || sql.regionMatches(true, i, "delete", 0, 6) || sql.regionMatches(true, i, "merge", 0, 5);
    }
}
