package dev.debrief.application.port.in.followup;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.DueState;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reading follow-ups: one, a filtered keyset page (mine, a team's, a deal's), and the win-back report. */
public interface FollowUpQueries {

    Listed get(WorkspaceId workspaceId, UUID followUpId);

    /** Sorted by due date, then id; {@code assignee} may be the caller's own id ("mine"). */
    FollowUpPage list(Access access, FollowUpFilter filter, String cursor, int limit);

    WinBackReport winBacks(WorkspaceId workspaceId, LocalDate from, LocalDate to);

    /**
     * All optional, combined with AND. {@code teamId}: follow-ups assigned to members of that team;
     * {@code due}: where an OPEN one's due date stands today in the workspace's time zone.
     */
    record FollowUpFilter(MemberId assigneeId, VocabularyEntryId teamId, DealId dealId, FollowUpStatus status,
                          FollowUpKind kind, DueState due) {
    }

    /** A follow-up with where its due date stands today (null once it is no longer OPEN). */
    record Listed(FollowUp followUp, DueState dueState, LocalDate today) {
    }

    record FollowUpPage(List<Listed> items, String nextCursor) {
    }

    /**
     * Check-ins completed in the period (by the workspace's calendar), how many of them found the buyer
     * ready again (REOPENED: a win-back deal), and how many of those win-back deals are WON by now.
     */
    record WinBackReport(LocalDate from, LocalDate to, long checkInsDone, long reopened, long reopenedThenWon) {
    }
}
