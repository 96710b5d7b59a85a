package dev.debrief.application.port.in.plan;

import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.followup.FollowUpKind;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a rep reads right before a call on an OPEN deal: the adopted lessons that apply to it, as dos,
 * and its next open follow-up. Never the failure records (seed 000: don't re-read failures right
 * before a call), so there is no field that could carry them.
 */
public record Brief(ActionPlan.DealRef deal, List<Do> dos, NextFollowUp nextFollowUp) {

    public Brief {
        dos = List.copyOf(dos);
    }

    /** An adopted lesson's statement; its rationale stays with the lesson. */
    public record Do(UUID lessonId, String statement) {
    }

    /** The deal's open follow-up due first (ties by id). */
    public record NextFollowUp(UUID id, FollowUpKind kind, String text, LocalDate dueOn, MemberId assigneeId) {
    }
}
