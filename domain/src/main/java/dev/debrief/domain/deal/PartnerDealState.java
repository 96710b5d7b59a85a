package dev.debrief.domain.deal;

import dev.debrief.domain.shared.RuleViolation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The whole state of one deal as a partner's CRM had it at {@code occurredAt}, with its values
 * already resolved against the workspace: what matched nothing is null in {@code details} (or the
 * analysis) and its partner text is in {@code unresolved}.
 *
 * <p>Rules: a closed outcome has a closed date and an open one none ({@code value.required},
 * {@code outcome.closed-date-for-open}); only a LOST deal has an analysis
 * ({@code outcome.analysis-only-for-lost}); see {@link #requireTimely} for the clock rules.
 */
public record PartnerDealState(ExternalReference reference, Instant occurredAt, DealDetails details, Outcome outcome,
                               LocalDate closedOn, PartnerAnalysis analysis, Map<TriageField, String> unresolved) {

    /** How far ahead of Debrief's clock a source system's clock may be. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public PartnerDealState {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(details, "details");
        if (occurredAt == null) {
            throw new RuleViolation("value.required", "occurredAt is required: the source system's time of this state",
                    "occurredAt");
        }
        if (outcome == null) {
            throw new RuleViolation("value.required", "outcome is required: OPEN, WON, LOST or NO_DECISION", "outcome");
        }
        if (outcome.closed() && closedOn == null) {
            throw new RuleViolation("value.required", "closedOn is required for a " + outcome + " deal", "closedOn");
        }
        if (!outcome.closed() && closedOn != null) {
            throw new RuleViolation("outcome.closed-date-for-open", "An OPEN deal has no closedOn", "closedOn");
        }
        if (outcome != Outcome.LOST && analysis != null) {
            throw new RuleViolation("outcome.analysis-only-for-lost",
                    "Only a LOST deal has a loss analysis; a " + outcome + " deal has none", "lossAnalysis");
        }
        if (outcome == Outcome.LOST && analysis == null) {
            analysis = PartnerAnalysis.NONE;
        }
        unresolved = unresolved == null || unresolved.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(unresolved));
    }

    /**
     * A state from the future would make every later one stale: occurredAt may be at most
     * {@link #CLOCK_SKEW} ahead of now ({@code ingest.occurred-at-in-future}), and the closed date
     * is not after today in the workspace's time zone ({@code outcome.closed-date-in-future}).
     */
    public PartnerDealState requireTimely(LocalDate today, Instant now) {
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new RuleViolation("ingest.occurred-at-in-future", "occurredAt " + occurredAt
                    + " is more than " + CLOCK_SKEW.toMinutes() + " minutes after Debrief's clock (" + now + ")",
                    "occurredAt");
        }
        if (closedOn != null && closedOn.isAfter(today)) {
            throw new RuleViolation("outcome.closed-date-in-future",
                    "closedOn " + closedOn + " is after today (" + today + ") in the workspace's time zone", "closedOn");
        }
        return this;
    }
}
