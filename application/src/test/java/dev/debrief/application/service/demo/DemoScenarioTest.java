package dev.debrief.application.service.demo;

import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.RiskTag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class DemoScenarioTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);
    private final List<DemoScenario.DemoDeal> deals = new DemoScenario(42, TODAY).deals();

    @Test
    void sameSeedAndDayWriteTheSameHistory() {
        assertThat(new DemoScenario(42, TODAY).deals()).isEqualTo(deals);
        assertThat(new DemoScenario(43, TODAY).deals()).isNotEqualTo(deals);
    }

    @Test
    void coversTwentyFourMonthsEndingToday() {
        List<LocalDate> closed = deals.stream().filter(d -> d.outcome() != Outcome.OPEN).map(DemoScenario.DemoDeal::closedOn).toList();
        assertThat(closed).allMatch(d -> !d.isAfter(TODAY) && d.isAfter(TODAY.minusMonths(24)));
        assertThat(closed.stream().filter(d -> d.isBefore(TODAY.minusMonths(23)))).isNotEmpty();
        assertThat(closed.stream().filter(d -> d.isAfter(TODAY.minusMonths(1)))).isNotEmpty();
        assertThat(closed.size()).isBetween(700, 1_500);
        assertThat(deals.stream().filter(d -> d.outcome() == Outcome.OPEN)).hasSize(40);
        assertThat(deals).allMatch(d -> (d.outcome() == Outcome.LOST) == (d.analysis() != null));
        assertThat(deals).allMatch(d -> d.pitchedAt() == null || d.closedOn() == null || !d.pitchedAt().isAfter(d.closedOn()));
    }

    @Test
    void theSlowTeamLosesOnResponsivenessMoreThanTheOthers() {
        double slow = share(d -> d.team().equals(DemoScenario.SLOW_TEAM), "SLOW_RESPONSE");
        double others = share(d -> !d.team().equals(DemoScenario.SLOW_TEAM), "SLOW_RESPONSE");
        assertThat(slow).isGreaterThan(0.3);
        assertThat(others).isLessThan(0.1);
        assertThat(medianAnswerMinutes(DemoScenario.SLOW_TEAM)).isGreaterThan(6 * 60);
        assertThat(medianAnswerMinutes("Enterprise East")).isLessThan(90);
    }

    @Test
    void theItManagerPersonaIsLostEarlyAndOftenAsAWrongProspect() {
        List<DemoScenario.DemoDeal> itLosses = losses(d -> d.persona().equals(DemoScenario.EARLY_LOSS_PERSONA));
        List<DemoScenario.DemoDeal> otherLosses = losses(d -> !d.persona().equals(DemoScenario.EARLY_LOSS_PERSONA));
        assertThat(earlyShare(itLosses)).isGreaterThan(earlyShare(otherLosses) + 0.25);
        assertThat(itLosses.stream().filter(d -> d.analysis().fit() == dev.debrief.domain.deal.Fit.WRONG_PROSPECT).count())
                .isGreaterThan(itLosses.size() / 4);
    }

    @Test
    void hooliRisesInOneQuarterOnly() {
        long rising = hooliLosses(TODAY.minusMonths(9), TODAY.minusMonths(6));
        assertThat(rising).isGreaterThan(40);
        for (int start = 24; start >= 3; start -= 3) {
            if (start != 9) {
                assertThat(hooliLosses(TODAY.minusMonths(start), TODAY.minusMonths(start - 3)))
                        .as("Hooli losses in the quarter that began %d months ago", start).isLessThan(rising / 3);
            }
        }
    }

    private long hooliLosses(LocalDate from, LocalDate to) {
        return losses(d -> !d.closedOn().isBefore(from) && d.closedOn().isBefore(to)
                && DemoScenario.RISING_COMPETITOR.equals(d.analysis().competitor())).size();
    }

    @Test
    void riskTaggedDealsAreLostMoreOften() {
        double tagged = lossRate(d -> !d.riskTags().isEmpty());
        double untagged = lossRate(d -> d.riskTags().isEmpty());
        assertThat(tagged).isGreaterThan(untagged + 0.05);
        assertThat(deals.stream().filter(d -> d.riskTags().contains(RiskTag.NEW_MARKET))).hasSizeGreaterThan(50);
    }

    private List<DemoScenario.DemoDeal> losses(Predicate<DemoScenario.DemoDeal> which) {
        return deals.stream().filter(d -> d.outcome() == Outcome.LOST).filter(which).toList();
    }

    private double share(Predicate<DemoScenario.DemoDeal> which, String primaryReason) {
        List<DemoScenario.DemoDeal> losses = losses(which);
        return (double) losses.stream().filter(d -> d.analysis().primary().code().equals(primaryReason)).count() / losses.size();
    }

    private double lossRate(Predicate<DemoScenario.DemoDeal> which) {
        List<DemoScenario.DemoDeal> closed = deals.stream().filter(d -> d.outcome() != Outcome.OPEN).filter(which).toList();
        return (double) closed.stream().filter(d -> d.outcome() == Outcome.LOST).count() / closed.size();
    }

    private static double earlyShare(List<DemoScenario.DemoDeal> losses) {
        return (double) losses.stream().filter(d -> List.of("DISCOVERY", "QUALIFICATION").contains(d.analysis().stageLostAt()))
                .count() / losses.size();
    }

    /** Each inbound touch to the next outbound one, over the team's deals (the test's own reckoning). */
    private long medianAnswerMinutes(String team) {
        List<Long> waits = new java.util.ArrayList<>();
        for (DemoScenario.DemoDeal deal : deals) {
            if (!deal.team().equals(team)) {
                continue;
            }
            List<DemoScenario.Activity> touches = deal.activities();
            for (int i = 0; i < touches.size(); i++) {
                if (!touches.get(i).direction().equals("INBOUND")) {
                    continue;
                }
                for (int j = i + 1; j < touches.size(); j++) {
                    if (touches.get(j).direction().equals("OUTBOUND")) {
                        waits.add(Duration.between(touches.get(i).occurredAt(), touches.get(j).occurredAt()).toMinutes());
                        break;
                    }
                }
            }
        }
        waits.sort(null);
        return waits.get(waits.size() / 2);
    }
}
