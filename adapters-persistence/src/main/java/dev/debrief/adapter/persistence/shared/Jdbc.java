package dev.debrief.adapter.persistence.shared;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Plain JDBC on the connection of the EntityManager's transaction, for the adapters whose statements
 * have no JPQL form (upserts on expressions, {@code unnest} arrays, bulk writes).
 */
public final class Jdbc {

    private Jdbc() {
    }

    /** Work on a connection; it may throw SQLException, which Hibernate turns into its own exception. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** A statement failed outside Hibernate; the SQLException is the cause (its state tells outages apart). */
    public static final class Failure extends RuntimeException {
        public Failure(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Runs the work on a connection of the pool: the JTA transaction's when one is active (Agroal hands out the
     * enlisted one), otherwise one in autocommit, returned when the work ends. For read models that need no
     * entity and, alone, no transaction.
     */
    public static <T> T onConnection(DataSource dataSource, Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new Failure(e);
        }
    }

    /** Runs the work on the transaction's connection (Hibernate's pending changes are not flushed first). */
    public static <T> T work(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    /** Like {@link #work}, after flushing what Hibernate holds, so the statements see it. */
    public static <T> T flushedWork(EntityManager em, Work<T> work) {
        em.flush();
        return work(em, work);
    }

    /** Reads one row of a result set (the cursor stands on it). */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** Executes one statement with its parameters in order; returns the update count. */
    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    /** Runs one query with its parameters in order; returns every row as the reader reads it. */
    public static <T> List<T> query(Connection c, String sql, RowReader<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            List<T> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
            }
            return rows;
        }
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof java.sql.Array array) {
                s.setArray(i + 1, array);
            } else if (parameters[i] instanceof Instant instant) {
                s.setObject(i + 1, instant.atOffset(ZoneOffset.UTC)); // timestamptz; the driver has no Instant
            } else {
                s.setObject(i + 1, parameters[i]);
            }
        }
    }
}
