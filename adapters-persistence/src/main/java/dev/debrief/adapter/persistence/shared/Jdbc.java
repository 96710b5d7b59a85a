package dev.debrief.adapter.persistence.shared;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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

    /** Runs the work on the transaction's connection (Hibernate's pending changes are not flushed first). */
    public static <T> T work(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::run);
    }

    /** Like {@link #work}, after flushing what Hibernate holds, so the statements see it. */
    public static <T> T flushedWork(EntityManager em, Work<T> work) {
        em.flush();
        return work(em, work);
    }

    /** Executes one statement with its parameters in order; returns the update count. */
    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] instanceof java.sql.Array array) {
                    s.setArray(i + 1, array);
                } else {
                    s.setObject(i + 1, parameters[i]);
                }
            }
            return s.executeUpdate();
        }
    }
}
