package dev.debrief.bootstrap.errors;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import jakarta.transaction.RollbackException;
import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is unavailable" (503), and which are bugs (500). */
class DatabaseOutagesTest {

    @Test
    void recognisesACommitThatTimedOutUnderASuppressedException() {
        // What Narayana throws when the socket timeout strikes during COMMIT (seen in bench/outage-drill.sh).
        SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006", new SocketTimeoutException("Read timed out"));
        XAException commit = new XAException("Error trying to transactionCommit local transaction");
        commit.initCause(io);
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(commit);

        assertThat(DatabaseOutages.causeOf(new IllegalStateException("Error invoking subclass method", rollback)))
                .isEqualTo(DatabaseOutages.Cause.CONNECTION);
    }

    @Test
    void recognisesARefusedConnectionAndAnExhaustedPool() {
        assertThat(DatabaseOutages.causeOf(new RuntimeException(new SQLException("Connection to localhost:5 refused", "08001"))))
                .isEqualTo(DatabaseOutages.Cause.CONNECTION);
        assertThat(DatabaseOutages.causeOf(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))))
                .isEqualTo(DatabaseOutages.Cause.POOL_EXHAUSTED);
    }

    @Test
    void leavesEverythingElseABug() {
        assertThat(DatabaseOutages.causeOf(new IllegalStateException("a bug"))).isNull();
        assertThat(DatabaseOutages.causeOf(new RuntimeException(new SQLException("duplicate key", "23505")))).isNull();
    }
}
