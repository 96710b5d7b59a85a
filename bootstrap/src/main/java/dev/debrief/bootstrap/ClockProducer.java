package dev.debrief.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of the application; tests replace it when time matters. It tells time in
 * microseconds, PostgreSQL's precision, so an instant a write answers with is the one every later
 * read shows. (JDK 17's {@code Clock.tick} with a sub-millisecond tick divides by zero in
 * {@code millis()}, hence a clock of its own.)
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return new MicrosecondClock(ZoneOffset.UTC);
    }

    static final class MicrosecondClock extends Clock {

        private final Clock system;

        MicrosecondClock(ZoneId zone) {
            this.system = Clock.system(zone);
        }

        @Override
        public ZoneId getZone() {
            return system.getZone();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return new MicrosecondClock(zone);
        }

        @Override
        public Instant instant() {
            return system.instant().truncatedTo(ChronoUnit.MICROS);
        }

        @Override
        public long millis() {
            return system.millis();
        }
    }
}
