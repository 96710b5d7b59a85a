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

    /**
     * Whether the key may go on, the limit, how many more events its window allows after this one, and how many
     * seconds until the window ends (when refused: until the key may go on again).
     */
    public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {

        public long retryAfterSeconds() {
            return resetSeconds;
        }
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
        return window.count() <= limit ? new Decision(true, limit, limit - window.count(), secondsLeft(window, now)) : refused(window, now);
    }

    /** Whether {@code key} may go on, counting nothing: allowed while its window holds fewer than {@code limit}. */
    Decision peek(String key) {
        long now = clock.millis();
        sweep(now);
        Window window = windows.get(key);
        if (window == null || over(window, now)) {
            return new Decision(true, limit, limit, WINDOW_MILLIS / 1000);
        }
        return window.count() < limit ? new Decision(true, limit, limit - window.count(), secondsLeft(window, now)) : refused(window, now);
    }

    private static boolean over(Window window, long now) {
        return now - window.start() >= WINDOW_MILLIS;
    }

    private Decision refused(Window window, long now) {
        return new Decision(false, limit, 0, secondsLeft(window, now));
    }

    /** Whole seconds until the window ends, rounded up, at least 1. */
    private static long secondsLeft(Window window, long now) {
        long left = window.start() + WINDOW_MILLIS - now;
        return Math.max(1, (left + 999) / 1000);
    }

    private void sweep(long now) {
        long due = nextSweep.get();
        if (now >= due && nextSweep.compareAndSet(due, now + WINDOW_MILLIS)) {
            windows.values().removeIf(window -> over(window, now));
        }
    }
}
