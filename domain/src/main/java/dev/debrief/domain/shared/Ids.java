package dev.debrief.domain.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): 48 bits of Unix milliseconds, then randomness.
 * New rows land at the right edge of B-tree indexes, which keeps them compact.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID newId() {
        return newId(Clock.systemUTC().millis());
    }

    static UUID newId(long epochMillis) {
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (epochMillis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}
