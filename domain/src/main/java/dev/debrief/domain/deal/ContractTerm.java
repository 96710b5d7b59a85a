package dev.debrief.domain.deal;

import dev.debrief.domain.shared.RuleViolation;

/** The contract length pitched to the buyer, in whole months (1 to 120). */
public record ContractTerm(int months) {

    public static final int MAX_MONTHS = 120;

    public ContractTerm {
        if (months < 1 || months > MAX_MONTHS) {
            throw new RuleViolation("deal.contract-term-out-of-range",
                    "pitchedTermMonths must be between 1 and " + MAX_MONTHS, "pitchedTermMonths");
        }
    }
}
