package dev.debrief.application.port.in.insight;

import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.RiskTag;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The period and filters every insight takes; all optional, combined with AND. {@code from}/{@code to} are
 * closed dates, both included (the service fills in defaults). {@code competitor} matches, ignoring case and
 * surrounding blanks, the current analysis's competitor, or the deal's when the analysis names none.
 * {@code outcome} is the loss the insight measures: LOST (null means LOST) or NO_DECISION.
 */
public record InsightFilter(
        LocalDate from,
        LocalDate to,
        VocabularyEntryId teamId,
        UUID ownerId,
        VocabularyEntryId segmentId,
        VocabularyEntryId personaId,
        VocabularyEntryId leadSourceId,
        VocabularyEntryId stageLostAtId,
        String competitor,
        RiskTag riskTag,
        Outcome outcome) {

    public static final int COMPETITOR_MAX = 200;

    public InsightFilter {
        if (outcome != null && outcome != Outcome.LOST && outcome != Outcome.NO_DECISION) {
            throw new InvalidInput("query.invalid", "outcome is the loss an insight measures: LOST or NO_DECISION", "outcome");
        }
        competitor = competitor == null || competitor.isBlank() ? null : competitor.strip();
        if (competitor != null && competitor.length() > COMPETITOR_MAX) {
            throw new InvalidInput("query.invalid", "competitor must be at most " + COMPETITOR_MAX + " characters", "competitor");
        }
    }

    public static InsightFilter none() {
        return new InsightFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The loss measured: the outcome filter's, LOST by default. */
    public Outcome lossOutcome() {
        return outcome == null ? Outcome.LOST : outcome;
    }

    public InsightFilter within(LocalDate newFrom, LocalDate newTo) {
        return new InsightFilter(newFrom, newTo, teamId, ownerId, segmentId, personaId, leadSourceId, stageLostAtId,
                competitor, riskTag, outcome);
    }
}
