package dev.debrief.bootstrap.db;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import io.quarkus.logging.LoggingFilter;
import org.jboss.logmanager.ExtLogRecord;

import java.util.logging.Filter;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Keeps a database outage to the one WARN and one INFO of {@link DatabaseOutages}: drops the warnings
 * (with stack traces) that the pool and the transaction manager write for every request that finds
 * its connection dead (Agroal's "This connection has been closed" and "Closing connection in incorrect
 * state", Narayana's ARJUNA016045 failed rollback). Any other warning, and anything at ERROR, passes.
 */
@LoggingFilter(name = "database-outage-noise")
public final class OutageNoiseFilter implements Filter {

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLevel().intValue() != Level.WARNING.intValue() || record.getLoggerName() == null) { // JBoss's WARN is another Level object
            return true;
        }
        String logger = record.getLoggerName();
        if (!logger.startsWith("io.agroal") && !logger.startsWith("com.arjuna")) {
            return true;
        }
        // JBoss records keep the format and its parameters apart ("Datasource '%s': %s"): read the result.
        String message = record instanceof ExtLogRecord ext ? String.valueOf(ext.getFormattedMessage())
                : String.valueOf(record.getMessage());
        boolean connectionGone = message.contains("This connection has been closed") || message.contains("incorrect state")
                || (record.getThrown() != null && DatabaseOutages.causeOf(record.getThrown()) != null);
        return !connectionGone;
    }
}
