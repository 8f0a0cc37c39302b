package eu.egi.csirt.cvh.adapter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Small JDBC helpers: parameters bound by position, instants as UTC timestamps with time zone. */
final class Sql {
    private Sql() {}

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    static int update(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    static long insert(Connection c, String sql, Object... params) {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
            bind(ps, params);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) throw new SQLException("no generated key");
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    /** "?, ?, ?" for an IN list: only placeholders are built, never values. */
    static String marks(Collection<?> values) {
        return String.join(", ", Collections.nCopies(Math.max(1, values.size()), "?"));
    }

    /** The addresses of the outbox's comma-separated recipient columns, lower case. */
    static java.util.Set<String> addresses(String... lists) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String list : lists) {
            if (list == null) continue;
            for (String a : list.split(",")) {
                if (!a.isBlank()) out.add(a.strip().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) {
                ps.setObject(i + 1, t.atOffset(ZoneOffset.UTC));
            } else if (p instanceof Enum<?> e) {
                ps.setString(i + 1, e.name());
            } else if (p == null) {
                ps.setNull(i + 1, Types.NULL);   // untyped: PostgreSQL infers it from the column
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    static final class StoreException extends RuntimeException {
        StoreException(String sql, SQLException e) {
            super("database error: " + e.getMessage() + " [" + sql.replaceAll("\\s+", " ").trim() + "]", e);
        }
    }
}
