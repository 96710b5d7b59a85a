package dev.debrief.domain.deal;

import dev.debrief.domain.taxonomy.LossReasonId;

import java.util.Objects;

/**
 * One reason of an analysis, with the decided yes/no on whether it was in the seller's control.
 * {@code controllable} is null only in a PENDING_TRIAGE analysis a partner pushed, for a reason that is
 * partly controllable by default and that nobody has decided on yet.
 */
public record ReasonAssessment(LossReasonId reasonId, Boolean controllable, String note) {

    public ReasonAssessment {
        Objects.requireNonNull(reasonId, "reason id");
    }
}
