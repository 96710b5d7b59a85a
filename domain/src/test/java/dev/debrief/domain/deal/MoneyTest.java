package dev.debrief.domain.deal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    private static final Currency EUR = Currency.getInstance("EUR");

    private static Money money(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    @Test
    void normalisesTheScaleToTwo() {
        assertThat(money("5").amount()).isEqualTo(new BigDecimal("5.00"));
        assertThat(money("5.1").amount()).isEqualTo(new BigDecimal("5.10"));
        assertThat(money("5.100").amount()).isEqualTo(new BigDecimal("5.10"));
        assertThat(money("1E+3").amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(money("0").amount()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void makesEqualMoneyOfEqualAmountsWrittenDifferently() {
        assertThat(money("12.5")).isEqualTo(money("12.500"));
    }

    @Test
    void rejectsANegativeAmount() {
        assertViolation("deal.amount-negative", "amount.value", () -> money("-0.01"));
    }

    @Test
    void rejectsMoreThanTwoFractionDigits() {
        assertViolation("deal.amount-out-of-range", "amount.value", () -> money("1.001"));
    }

    @Test
    void acceptsThirteenIntegerDigitsButNotFourteen() {
        assertThat(money("9999999999999.99").amount()).isEqualTo(new BigDecimal("9999999999999.99"));
        assertViolation("deal.amount-out-of-range", "amount.value", () -> money("10000000000000"));
        assertViolation("deal.amount-out-of-range", "amount.value", () -> money("1E+13"));
    }

    @Test
    void rejectsAMissingAmount() {
        assertViolation("value.required", "amount.value", () -> new Money(null, EUR));
    }
}
