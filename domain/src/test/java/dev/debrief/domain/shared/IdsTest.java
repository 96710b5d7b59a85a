package dev.debrief.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IdsTest {

    @Test
    void makesVersion7UuidsOfTheRfcVariant() {
        UUID id = Ids.newId();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void carriesTheMillisecondsInTheFirst48Bits() {
        long millis = 1_740_000_000_123L;

        assertThat(new Ids.Generator().next(millis).getMostSignificantBits() >>> 16).isEqualTo(millis);
    }

    @Test
    void sortsLaterMillisecondsAfterEarlierOnes() {
        for (int i = 0; i < 1000; i++) {
            Ids.Generator generator = new Ids.Generator();
            UUID earlier = generator.next(1_740_000_000_000L);
            UUID later = generator.next(1_740_000_000_001L);
            // Text order is PostgreSQL's uuid order (unsigned bytes), and UUID.compareTo agrees for today's times.
            assertThat(later.toString()).isGreaterThan(earlier.toString());
            assertThat(later).isGreaterThan(earlier);
        }
    }

    @Test
    void makesDistinctIdsWithinOneMillisecond() {
        Ids.Generator generator = new Ids.Generator();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(generator.next(1_740_000_000_000L));
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void countsUpWithinOneMillisecondSoIdsAreInTheOrderTheyWereMade() {
        Ids.Generator generator = new Ids.Generator();
        UUID previous = generator.next(1_740_000_000_000L);
        for (int i = 0; i < 10_000; i++) {
            UUID next = generator.next(1_740_000_000_000L);
            assertThat(next.toString()).isGreaterThan(previous.toString());
            previous = next;
        }
        assertThat(previous.getMostSignificantBits() >>> 16).isGreaterThan(1_740_000_000_000L);
    }

    @Test
    void neverGoesBackWhenTheClockDoes() {
        Ids.Generator generator = new Ids.Generator();
        UUID first = generator.next(1_740_000_000_500L);
        UUID afterClockStepBack = generator.next(1_740_000_000_000L);
        assertThat(afterClockStepBack.toString()).isGreaterThan(first.toString());
    }
}
