package dev.debrief.application.port.in.followup;

import dev.debrief.application.port.in.followup.FollowUpQueries.Listed;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.CheckInOutcome;
import dev.debrief.domain.followup.FollowUp;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Writing follow-ups: action items, and completing, cancelling or changing any follow-up. Each answers
 * the follow-up as stored, with where its due date stands today.
 */
public interface FollowUpsUseCase {

    /** An action item: a do, for a member, by a date, optionally for a deal and from a lesson. */
    record ActionItemDraft(String text, MemberId assigneeId, LocalDate dueOn, DealId dealId, UUID lessonId) {
    }

    /** The fields of a follow-up people change. */
    record Revision(String text, MemberId assigneeId, LocalDate dueOn) {
    }

    /** @param debriefId the debrief it comes from (null: none) */
    Listed createActionItem(Access access, ActionItemDraft draft, UUID debriefId);

    Listed revise(Access access, UUID followUpId, long expectedVersion, UnaryOperator<Revision> change);

    /** DONE; a check-in REOPENED opens a win-back deal in the same transaction ({@link FollowUp#winBackDealId()}). */
    Listed complete(Access access, UUID followUpId, long expectedVersion, CheckInOutcome outcome, String note);

    Listed cancel(Access access, UUID followUpId, long expectedVersion, String note);
}
