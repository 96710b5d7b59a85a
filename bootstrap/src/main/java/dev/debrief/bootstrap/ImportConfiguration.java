package dev.debrief.bootstrap;

import dev.debrief.application.port.out.imports.ImportSettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** CSV import settings (DEBRIEF_IMPORT_BATCH_SIZE, DEBRIEF_IMPORT_LEASE); nonsense values stop the start. */
@ApplicationScoped
public class ImportConfiguration implements ImportSettings {

    @ConfigProperty(name = "debrief.import.batch-size", defaultValue = "500")
    int batchSize;

    @ConfigProperty(name = "debrief.import.lease", defaultValue = "60s")
    Duration lease;

    @Override
    public int batchSize() {
        return batchSize;
    }

    @Override
    public Duration lease() {
        return lease;
    }

    void check(@Observes StartupEvent start) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalStateException("debrief.import.batch-size (DEBRIEF_IMPORT_BATCH_SIZE) must be 1 to 10000, not " + batchSize);
        }
        if (lease.compareTo(Duration.ofSeconds(5)) < 0) {
            throw new IllegalStateException("debrief.import.lease (DEBRIEF_IMPORT_LEASE) must be at least 5 seconds, not " + lease);
        }
    }
}
