package dev.debrief.domain.deal;

import org.junit.jupiter.api.Test;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ContractTermTest {

    @Test
    void acceptsOneToOneHundredTwentyMonths() {
        assertThat(new ContractTerm(1).months()).isEqualTo(1);
        assertThat(new ContractTerm(ContractTerm.MAX_MONTHS).months()).isEqualTo(120);
    }

    @Test
    void rejectsZeroMonths() {
        assertViolation("deal.contract-term-out-of-range", "pitchedTermMonths", () -> new ContractTerm(0));
    }

    @Test
    void rejectsMoreThanTenYears() {
        assertViolation("deal.contract-term-out-of-range", "pitchedTermMonths", () -> new ContractTerm(121));
    }

    @Test
    void rejectsNegativeMonths() {
        assertViolation("deal.contract-term-out-of-range", "pitchedTermMonths", () -> new ContractTerm(-12));
    }
}
