package dev.debrief.bootstrap;

import dev.debrief.application.port.out.idempotency.IdempotencySettings;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * Idempotency settings from configuration (DEBRIEF_IDEMPOTENCY_RETENTION, a duration such as
 * {@code 24h} or {@code P2D}). Any positive value is accepted; the IETF draft and Stripe keep keys
 * at least 24 hours, which is the default. A value that is not positive stops the start.
 */
@ApplicationScoped
public class IdempotencyConfiguration implements IdempotencySettings {

    @ConfigProperty(name = "debrief.idempotency.retention", defaultValue = "24h")
    Duration retention;

    @Override
    public Duration retention() {
        return retention;
    }

    void check(@Observes StartupEvent start) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalStateException("debrief.idempotency.retention (DEBRIEF_IDEMPOTENCY_RETENTION) must be positive, not "
                    + retention);
        }
    }
}
