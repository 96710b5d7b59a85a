package dev.debrief.adapter.rest.shared;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the service knows about its database being away. A request that fails because PostgreSQL is
 * unreachable, restarting or hung, or because no pooled connection became free in time, is answered
 * {@code 503 database.unavailable} with {@code Retry-After}, never a 500 (see {@link ProblemMappers}).
 * <p>
 * A connection failure marks the database <em>down</em>: one WARN line, then API requests are answered
 * 503 at once ({@link DatabaseOutageFilter}) instead of each waiting for a timeout, and the scheduled
 * jobs skip their runs. A probe in bootstrap ({@code DatabaseProbe}) checks every second while it is
 * down and marks it <em>reachable</em> again: one INFO line. A pool that is merely exhausted (the
 * database answers, every connection is busy) answers 503 too but marks nothing down.
 */
@ApplicationScoped
public class DatabaseOutages {

    public static final String CODE = "database.unavailable";
    public static final int RETRY_AFTER_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(DatabaseOutages.class);
    /** PostgreSQL: admin shutdown, crash shutdown, cannot connect now (starting or stopping), too many connections. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private final AtomicReference<Instant> downSince = new AtomicReference<>();
    private final AtomicLong refusedWhileDown = new AtomicLong();

    /** The kinds of failure that mean "the database can't be used right now", as opposed to a bug. */
    public enum Cause { CONNECTION, POOL_EXHAUSTED }

    /** Why {@code failure} happened, when it is the database being unavailable; null otherwise. */
    public static Cause causeOf(Throwable failure) {
        boolean poolExhausted = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SocketTimeoutException) {
                return Cause.CONNECTION;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state))) {
                    return Cause.CONNECTION;
                }
                // Agroal: "Sorry, acquisition timeout!" (no SQL state); look further for a connection failure first.
                if (t instanceof SQLTransientConnectionException
                        || (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout"))) {
                    poolExhausted = true;
                }
            }
        }
        return poolExhausted ? Cause.POOL_EXHAUSTED : null;
    }

    /** Records a failure {@link #causeOf} recognised; a connection failure marks the database down (one WARN). */
    public void noticed(Cause cause, Throwable failure) {
        if (cause == Cause.CONNECTION && downSince.compareAndSet(null, Instant.now())) {
            LOG.warnf("The database is unavailable (%s); API requests are answered 503 %s and jobs pause until it is back",
                    rootMessage(failure), CODE);
        }
    }

    public boolean isDown() {
        return downSince.get() != null;
    }

    /** A request answered 503 without trying the database, because it is down. */
    public void refusedWhileDown() {
        refusedWhileDown.incrementAndGet();
    }

    /** The probe reached the database: one INFO line if it was down. */
    public void reachable() {
        Instant since = downSince.getAndSet(null);
        if (since != null) {
            LOG.infof("The database is reachable again after %d ms; %d requests were answered 503 meanwhile",
                    Duration.between(since, Instant.now()).toMillis(), refusedWhileDown.getAndSet(0));
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
