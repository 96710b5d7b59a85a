package dev.debrief.adapter.persistence.shared;

import dev.debrief.domain.shared.DomainException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.hibernate.exception.ConstraintViolationException;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Turns a PostgreSQL constraint violation into the domain error it stands for. Invariants such as
 * "one code per workspace" are held by constraints, not by check-then-insert in Java: this is where
 * their violations get their stable codes.
 */
public final class Constraints {

    private Constraints() {
    }

    /** Flushes now, so a violated constraint surfaces here (with its name) rather than at commit. */
    public static void flush(EntityManager em, Map<String, Supplier<? extends DomainException>> byConstraint) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw translate(e, byConstraint);
        }
    }

    public static RuntimeException translate(PersistenceException e,
                                             Map<String, Supplier<? extends DomainException>> byConstraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                Supplier<? extends DomainException> mapped = byConstraint.get(violation.getConstraintName());
                if (mapped != null) {
                    return mapped.get();
                }
            }
        }
        return e;
    }
}
