package dev.debrief.domain.deal;

import dev.debrief.domain.taxonomy.LossReasonId;

/** One reason as the person analysing gives it: controllable may be left to the reason's default. */
public record ReasonInput(LossReasonId reasonId, Boolean controllable, String note) {
}
