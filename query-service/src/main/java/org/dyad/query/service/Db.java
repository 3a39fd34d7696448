package org.dyad.query.service;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/** Runs read-only SQL with bound parameters: every value a caller gives is data, never SQL. */
final class Db {

    private Db() {
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    static <T> List<T> list(Connection c, String sql, List<?> params, Row<T> row) throws SQLException {
        return list(c, sql, params, row, false);
    }

    /** As {@link #list(Connection, String, List, Row)}; {@code customPlan}: see {@link #customPlan}. */
    static <T> List<T> list(Connection c, String sql, List<?> params, Row<T> row, boolean customPlan)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (customPlan) {
                customPlan(s);
            }
            bind(c, s, params);
            try (ResultSet r = s.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (r.next()) {
                    out.add(row.map(r));
                }
                return out;
            }
        }
    }

    /** Takes the rows of a streamed query one at a time. */
    @FunctionalInterface
    interface RowHandler {
        void accept(ResultSet r) throws SQLException, IOException;
    }

    /**
     * Runs {@code sql} and hands its rows over as the database sends them, in batches of 500, never the whole result
     * at once (the exports); returns how many rows there were.
     */
    static long stream(DataSource dataSource, String sql, List<?> params, RowHandler rows) throws IOException {
        long count = 0;
        try (Connection c = dataSource.getConnection()) {
            // a fetch size only streams inside a transaction; otherwise the driver reads the whole result first
            beginSnapshot(c);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setFetchSize(500);
                bind(c, s, params);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        rows.accept(r);
                        count++;
                    }
                }
            } finally {
                end(c);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return count;
    }

    /**
     * Plans {@code s} for the values bound each time it runs. The driver would otherwise turn a statement used five
     * times on a connection into a server-side prepared one, and PostgreSQL may then keep a generic plan, which cannot
     * tell an entity named in most articles from a rare one (a window scan for one, a bitmap for the other).
     */
    static void customPlan(PreparedStatement s) throws SQLException {
        if (s.isWrapperFor(org.postgresql.PGStatement.class)) {
            s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
        }
    }

    static void bind(Connection c, PreparedStatement s, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof Collection<?> values) {
                s.setArray(i + 1, c.createArrayOf("text", values.toArray()));
            } else if (p instanceof LocalDate d) {
                s.setObject(i + 1, d, Types.DATE);
            } else if (p instanceof Float f) {
                s.setFloat(i + 1, f);
            } else {
                s.setObject(i + 1, p);
            }
        }
    }

    /** Starts a read-only transaction on one snapshot, so that several statements see the same read model. */
    static void beginSnapshot(Connection c) throws SQLException {
        c.setAutoCommit(false);
        c.setReadOnly(true);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }

    /** Ends it and gives the connection back as the pool lent it: a pooled connection left read-only would fail the next writer. */
    static void end(Connection c) throws SQLException {
        c.rollback();
        c.setAutoCommit(true);
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }

    /** Wraps a database failure: the caller sees a 500 problem, the log the cause. */
    static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("read model query failed: " + e.getMessage(), e);
    }
}
