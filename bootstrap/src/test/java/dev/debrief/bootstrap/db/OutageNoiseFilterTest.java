package dev.debrief.bootstrap.db;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Level;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutageNoiseFilterTest {

    private final OutageNoiseFilter filter = new OutageNoiseFilter();

    private static ExtLogRecord agroal(java.util.logging.Level level, String detail) {
        ExtLogRecord record = new ExtLogRecord(level, "Datasource '%s': %s", ExtLogRecord.FormatStyle.PRINTF, "io.agroal.pool");
        record.setParameters(new Object[]{"<default>", detail});
        record.setLoggerName("io.agroal.pool");
        return record;
    }

    @Test
    void dropsThePoolsWarningsAboutDeadConnections() {
        assertThat(filter.isLoggable(agroal(Level.WARN, "This connection has been closed."))).isFalse();
        assertThat(filter.isLoggable(agroal(Level.WARN, "Closing connection in incorrect state VALIDATION"))).isFalse();
    }

    @Test
    void keepsEverythingElse() {
        assertThat(filter.isLoggable(agroal(Level.WARN, "Something else went wrong"))).isTrue();
        assertThat(filter.isLoggable(agroal(Level.ERROR, "This connection has been closed."))).isTrue();
    }
}
