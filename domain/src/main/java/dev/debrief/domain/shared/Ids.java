package dev.debrief.domain.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, a 12-bit counter, then
 * 62 random bits. New rows land at the right edge of B-tree indexes, which keeps them compact.
 *
 * <p>Within one JVM the ids are strictly increasing (RFC 9562 §6.2, method 1): ids made in the same
 * millisecond count up in the 12-bit field, and a full counter borrows the next millisecond. So
 * "ties by id" in an ordering means "in the order they were made" on one instance.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Generator SHARED = new Generator();

    private Ids() {
    }

    public static UUID newId() {
        return SHARED.next(Clock.systemUTC().millis());
    }

    /** The monotonic state behind {@link #newId()}; tests make their own. */
    static final class Generator {

        private static final int COUNTER_MAX = 0xFFF;

        private long lastMillis = -1;
        private int counter;

        synchronized UUID next(long epochMillis) {
            if (epochMillis > lastMillis) {
                lastMillis = epochMillis;
                counter = RANDOM.nextInt(1 << 10); // start low in the field, leaving room to count up
            } else if (counter < COUNTER_MAX) {
                counter++;
            } else {
                lastMillis++;
                counter = 0;
            }
            long msb = (lastMillis << 16) | (0x7L << 12) | counter;
            long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
            return new UUID(msb, lsb);
        }
    }
}
