package dev.debrief.domain.deal;

import dev.debrief.domain.shared.RuleViolation;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A non-negative amount in one ISO 4217 currency, with at most 13 integer and 2 fraction digits. */
public record Money(BigDecimal amount, Currency currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (amount == null) {
            throw new RuleViolation("value.required", "amount.value is required", "amount.value");
        }
        if (amount.signum() < 0) {
            throw new RuleViolation("deal.amount-negative", "amount.value must be zero or more", "amount.value");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (Math.max(stripped.scale(), 0) > 2 || stripped.precision() - stripped.scale() > 13) {
            throw new RuleViolation("deal.amount-out-of-range",
                    "amount.value must have at most 13 integer and 2 fraction digits", "amount.value");
        }
        amount = amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }
}
