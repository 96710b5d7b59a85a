package dev.debrief.adapter.rest.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per caller (an API key, or a person by issuer and subject) and minute, counted in this
 * instance's memory: with N instances behind a load balancer a caller gets up to N times the limit.
 * Each caller's window starts with their first request and lasts a minute; the count never blocks
 * (a per-key atomic update of a concurrent map), so it is safe on the I/O thread. Idle callers'
 * windows are swept once a minute by whichever request comes along.
 */
@ApplicationScoped
public class RateLimiter {

    static final long WINDOW_MILLIS = 60_000;

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /** Whether a request may go on; when not, how many seconds until the caller's window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private record Window(long start, int count) {
    }

    @Inject
    public RateLimiter(@ConfigProperty(name = "debrief.rate-limit.per-minute") int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("debrief.rate-limit.per-minute must be at least 1, is " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Counts one request of {@code caller}. */
    public Decision acquire(String caller) {
        long now = clock.millis();
        sweep(now);
        Window window = windows.compute(caller, (key, old) -> old == null || now - old.start() >= WINDOW_MILLIS
                ? new Window(now, 1)
                : new Window(old.start(), Math.min(old.count() + 1, perMinute + 1)));
        if (window.count() <= perMinute) {
            return new Decision(true, 0);
        }
        long remaining = window.start() + WINDOW_MILLIS - now;
        return new Decision(false, Math.max(1, (remaining + 999) / 1000));
    }

    public int perMinute() {
        return perMinute;
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + WINDOW_MILLIS)) {
            windows.values().removeIf(window -> now - window.start() >= WINDOW_MILLIS);
        }
    }
}
