package dev.debrief.domain.deal;

import dev.debrief.domain.shared.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of a deal's outcome history: a close (with the outcome, the closed date and, for a
 * loss, the analysis it was closed with) or a reopen. Append-only.
 */
public record OutcomeChange(UUID id, Kind kind, Outcome outcome, LocalDate closedOn, LossAnalysisId analysisId,
                            Instant occurredAt) {

    public enum Kind { CLOSED, REOPENED }

    public OutcomeChange {
        Objects.requireNonNull(id);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(occurredAt);
    }

    static OutcomeChange closed(Outcome outcome, LocalDate closedOn, LossAnalysisId analysisId, Instant at) {
        return new OutcomeChange(Ids.newId(), Kind.CLOSED, outcome, closedOn, analysisId, at);
    }

    static OutcomeChange reopened(Instant at) {
        return new OutcomeChange(Ids.newId(), Kind.REOPENED, Outcome.OPEN, null, null, at);
    }
}
