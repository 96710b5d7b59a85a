package dev.debrief.domain.debrief;

import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A coaching conversation about a lost deal (seed 001): the two questions — what is the lesson
 * learned, and how will it serve you in winning the next deal — free notes, who took part, when.
 * A deal can have several. Rules: the deal is LOST ({@code debrief.deal-not-lost}); both answers are
 * given; it is not held in the future ({@code debrief.held-in-future}); at least one participant.
 */
public record Debrief(UUID id, WorkspaceId workspaceId, DealId dealId, Instant heldAt, String lessonLearned,
                      String howItServesNext, String notes, Set<MemberId> participants, List<UUID> lessonIds,
                      Instant createdAt, List<UUID> actionItemIds) {

    public static final int ANSWER_MAX = 5000;
    public static final int NOTES_MAX = 20_000;
    public static final int MAX_PARTICIPANTS = 20;
    /** The most debriefs one deal holds: its debriefs are listed in one answer. */
    public static final int MAX_PER_DEAL = 50;

    public Debrief {
        Objects.requireNonNull(id);
        Objects.requireNonNull(workspaceId);
        Objects.requireNonNull(dealId);
        participants = Set.copyOf(participants);
        lessonIds = List.copyOf(lessonIds);
        actionItemIds = actionItemIds == null ? List.of() : List.copyOf(actionItemIds);
    }

    public static Debrief hold(Deal deal, Instant heldAt, String lessonLearned, String howItServesNext, String notes,
                               Set<MemberId> participants, Instant now) {
        if (deal.outcome() != Outcome.LOST) {
            throw new StateConflict("debrief.deal-not-lost", "Debriefs coach lost deals; this one is " + deal.outcome());
        }
        Instant when = heldAt == null ? now : heldAt;
        if (when.isAfter(now.plusSeconds(300))) {
            throw new RuleViolation("debrief.held-in-future", "heldAt is in the future: record a debrief once held", "heldAt");
        }
        if (participants == null || participants.isEmpty()) {
            throw new RuleViolation("debrief.participant-required", "A debrief names who took part", "participantIds");
        }
        if (participants.size() > MAX_PARTICIPANTS) {
            throw new RuleViolation("debrief.too-many-participants", "At most " + MAX_PARTICIPANTS + " participants",
                    "participantIds");
        }
        return new Debrief(Ids.newId(), deal.workspaceId(), deal.id(), when,
                Text.required(lessonLearned, ANSWER_MAX, "lessonLearned"),
                Text.required(howItServesNext, ANSWER_MAX, "howItServesNext"),
                Text.optional(notes, NOTES_MAX, "notes"), participants, List.of(), now, List.of());
    }

    public Debrief withLessons(List<UUID> lessons) {
        return new Debrief(id, workspaceId, dealId, heldAt, lessonLearned, howItServesNext, notes, participants, lessons,
                createdAt, actionItemIds);
    }

    /** The action items it created (follow-ups that name this debrief). */
    public Debrief withActionItems(List<UUID> items) {
        return new Debrief(id, workspaceId, dealId, heldAt, lessonLearned, howItServesNext, notes, participants, lessonIds,
                createdAt, items);
    }
}
