package dev.debrief.domain.deal;

import dev.debrief.domain.taxonomy.LossReasonId;

import java.util.Objects;

/** One reason of an analysis, with the decided yes/no on whether it was in the seller's control. */
public record ReasonAssessment(LossReasonId reasonId, boolean controllable, String note) {

    public ReasonAssessment {
        Objects.requireNonNull(reasonId, "reason id");
    }
}
