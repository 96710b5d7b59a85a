package dev.debrief.application.port.out.plan;

import dev.debrief.application.port.in.plan.ActionPlan;
import dev.debrief.application.port.in.plan.Brief;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The rows the action plan and the brief are made of, read straight from storage. It reads no
 * failure record: no loss analysis, reason note, partner text, debrief or lesson rationale has a
 * column in these rows.
 */
public interface PlanReader {

    /** The member's first {@code limit} OPEN follow-ups due on the day, in the order they were created (ties by id). */
    List<ActionPlan.DueFollowUp> openFollowUpsDue(WorkspaceId workspaceId, MemberId memberId, LocalDate day, int limit);

    /** The member's OPEN deals, oldest first (ties by id). */
    List<DealFacts> openDealsOwnedBy(WorkspaceId workspaceId, MemberId memberId);

    Optional<DealFacts> deal(WorkspaceId workspaceId, DealId dealId);

    /** Every ADOPTED lesson of the workspace, most endorsed first, then newest, then by id. */
    List<AdoptedLesson> adoptedLessons(WorkspaceId workspaceId);

    /** The deal's OPEN follow-up due first (ties by id). */
    Optional<Brief.NextFollowUp> nextOpenFollowUp(WorkspaceId workspaceId, DealId dealId);

    /** What the plan needs of a deal: how to name it, whether it is open, and where lessons apply. */
    record DealFacts(DealId id, String name, String account, Outcome outcome, VocabularyEntryId segmentId,
                     VocabularyEntryId stageId, VocabularyEntryId personaId) {

        public ActionPlan.DealRef ref() {
            return new ActionPlan.DealRef(id, name, account);
        }
    }

    /** An adopted lesson without its rationale. */
    record AdoptedLesson(UUID id, String statement, long endorsements, Instant createdAt, LessonScope scope) {
    }
}
