package dev.debrief.domain.followup;

import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class CheckInPolicyTest {

    private static final CheckInPolicy POLICY = CheckInPolicy.DEFAULT;

    private static LocalDate due(String pitched, Integer term, String closed) {
        return POLICY.dueDate(Outcome.LOST, Fit.GOOD_FIT, pitched == null ? null : LocalDate.parse(pitched),
                term == null ? null : new ContractTerm(term), LocalDate.parse(closed)).orElseThrow();
    }

    @ParameterizedTest(name = "pitched {0}, {1} months, closed {2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "2026-01-15, 12, 2026-02-01, 2026-10-15",   // 12 months: nine months after the pitch
            "2026-01-15, 6,  2026-02-01, 2026-05-30",   // 4.5 months: 4 months + 15 days
            "2026-01-15, 1,  2026-01-20, 2026-02-07",   // 0.75 month: 23 days (22.5 half up)
            "2026-01-15, 24, 2026-02-01, 2027-07-15",   // 18 months
            "2026-01-15, -,  2026-02-01, 2026-10-15",   // no term: the assumed 12 months
            "-,          12, 2026-02-01, 2026-11-01",   // no pitch date: from the closed date
            "2026-01-31, 12, 2026-02-10, 2026-10-31",   // a month end stays a month end
            "2025-05-31, 12, 2025-06-10, 2026-02-28",   // 31 May + 9 months: end of February
            "2023-05-31, 12, 2023-06-10, 2024-02-29",   // ... of a leap year
            "2025-01-01, 1,  2025-06-01, 2025-06-08",   // long before the close: the 7-day floor
            "-,          1,  2026-03-01, 2026-03-24"})  // 23 days after the close, past the floor
    void computesTheDueDate(String pitched, Integer term, String closed, String expected) {
        assertThat(due(pitched, term, closed)).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void onlyGoodFitLossesGetACheckIn() {
        LocalDate day = LocalDate.parse("2026-01-15");
        assertThat(POLICY.dueDate(Outcome.LOST, Fit.WRONG_PROSPECT, day, new ContractTerm(12), day)).isEmpty();
        assertThat(POLICY.dueDate(Outcome.WON, Fit.GOOD_FIT, day, new ContractTerm(12), day)).isEmpty();
        assertThat(POLICY.dueDate(Outcome.LOST, null, day, new ContractTerm(12), day)).isEmpty();
    }

    @Test
    void theRatioIsAWorkspaceSetting() {
        CheckInPolicy half = new CheckInPolicy(new BigDecimal("0.5"), new ContractTerm(12));
        assertThat(half.dueDate(Outcome.LOST, Fit.GOOD_FIT, LocalDate.parse("2026-01-15"), null,
                LocalDate.parse("2026-02-01"))).contains(LocalDate.parse("2026-07-15"));
        assertViolation("check-in.ratio-out-of-range", "checkInRatio",
                () -> new CheckInPolicy(BigDecimal.ZERO, new ContractTerm(12)));
        assertViolation("check-in.ratio-out-of-range", "checkInRatio",
                () -> new CheckInPolicy(new BigDecimal("2.001"), new ContractTerm(12)));
        assertViolation("check-in.ratio-out-of-range", "checkInRatio",
                () -> new CheckInPolicy(new BigDecimal("0.1234"), new ContractTerm(12)));
    }

    @Test
    void aRatioReadBackWithMoreZerosIsTheSameSetting() {
        assertThat(new CheckInPolicy(new BigDecimal("0.750"), new ContractTerm(12))).isEqualTo(CheckInPolicy.DEFAULT);
    }
}
