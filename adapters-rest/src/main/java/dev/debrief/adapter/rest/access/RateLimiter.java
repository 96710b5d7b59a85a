package dev.debrief.adapter.rest.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;

/**
 * Requests per caller (an API key, or a person by issuer and subject) and minute, counted in this
 * instance's memory: with N instances behind a load balancer a caller gets up to N times the limit.
 * Each caller's window starts with their first request and lasts a minute ({@link MinuteWindows}).
 */
@ApplicationScoped
public class RateLimiter {

    private final int perMinute;
    private final MinuteWindows windows;

    @Inject
    public RateLimiter(@ConfigProperty(name = "debrief.rate-limit.per-minute") int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("debrief.rate-limit.per-minute must be at least 1, is " + perMinute);
        }
        this.perMinute = perMinute;
        this.windows = new MinuteWindows(perMinute, clock);
    }

    /** Counts one request of {@code caller}; refused past the limit, until the caller's window ends. */
    public MinuteWindows.Decision acquire(String caller) {
        return windows.count(caller);
    }

    public int perMinute() {
        return perMinute;
    }
}
