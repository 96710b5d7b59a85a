package dev.debrief.adapter.rest.access;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts events per key in windows of a minute, in this instance's memory, for {@link RateLimiter}
 * (requests per caller) and {@link AuthenticationFailures} (failures per client address). A key's
 * window starts with its first event and lasts a minute; once it holds {@code limit} events the key is
 * refused until the window ends. Never blocks (a per-key atomic update of a concurrent map), so it is
 * safe on the I/O thread; windows that are over are swept once a minute by whichever call comes along.
 */
public final class MinuteWindows {

    static final long WINDOW_MILLIS = 60_000;

    private final int limit;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong nextSweep = new AtomicLong();

    /** Whether the key may go on; when not, how many seconds until its window ends. */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    private record Window(long start, int count) {
    }

    MinuteWindows(int limit, Clock clock) {
        this.limit = limit;
        this.clock = clock;
    }

    /** Counts one event of {@code key}: allowed while the window holds at most {@code limit}, this one included. */
    Decision count(String key) {
        long now = clock.millis();
        sweep(now);
        Window window = windows.compute(key, (k, old) -> old == null || over(old, now)
                ? new Window(now, 1)
                : new Window(old.start(), Math.min(old.count() + 1, limit + 1)));
        return window.count() <= limit ? new Decision(true, 0) : refused(window, now);
    }

    /** Whether {@code key} may go on, counting nothing: allowed while its window holds fewer than {@code limit}. */
    Decision peek(String key) {
        long now = clock.millis();
        sweep(now);
        Window window = windows.get(key);
        return window == null || over(window, now) || window.count() < limit ? new Decision(true, 0) : refused(window, now);
    }

    private static boolean over(Window window, long now) {
        return now - window.start() >= WINDOW_MILLIS;
    }

    private static Decision refused(Window window, long now) {
        long remaining = window.start() + WINDOW_MILLIS - now;
        return new Decision(false, Math.max(1, (remaining + 999) / 1000));
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + WINDOW_MILLIS)) {
            windows.values().removeIf(window -> over(window, now));
        }
    }
}
