package dev.debrief.bootstrap.limits;

import dev.debrief.adapter.rest.access.AuthenticationFailures;
import dev.debrief.adapter.rest.access.MinuteWindows;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Which address a failure counts against, and when it is refused. */
class AuthenticationFailuresTest {

    @Test
    void anIpv4ClientCountsByItsAddress() {
        assertThat(AuthenticationFailures.client("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    @Test
    void ipv6ClientsOfOneSlash64CountTogether() {
        assertThat(AuthenticationFailures.client("2001:db8:1:2:aaaa::1"))
                .isEqualTo(AuthenticationFailures.client("[2001:db8:1:2:ffff:ffff:ffff:ffff]"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(AuthenticationFailures.client("2001:db8:1:3::1")).isNotEqualTo(AuthenticationFailures.client("2001:db8:1:2::1"));
    }

    @Test
    void anAddressIsRefusedOnceItReachesItsLimitUntilItsMinuteIsOver() {
        Clock start = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);
        AuthenticationFailures failures = new AuthenticationFailures(2, start);
        failures.failed("2001:db8::1");
        assertThat(failures.check("2001:db8::2").allowed()).isTrue();
        failures.failed("2001:db8::3");

        assertThat(failures.check("2001:db8::4")).isEqualTo(new MinuteWindows.Decision(false, 2, 0, 60));
        assertThat(failures.check("2001:db9::1").allowed()).isTrue();
        assertThat(new AuthenticationFailures(2, Clock.offset(start, java.time.Duration.ofSeconds(60))).check("2001:db8::4").allowed())
                .isTrue();
    }
}
