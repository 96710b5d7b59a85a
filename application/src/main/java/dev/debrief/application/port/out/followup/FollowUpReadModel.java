package dev.debrief.application.port.out.followup;

import dev.debrief.application.port.in.followup.FollowUpQueries.FollowUpFilter;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The read side of follow-ups, in SQL: pages and the win-back report. */
public interface FollowUpReadModel {

    /** Up to {@code limit} follow-ups after {@code (afterDueOn, afterId)} (both null: from the start), by due date and id. */
    List<FollowUp> page(WorkspaceId workspaceId, FollowUpFilter filter, LocalDate today, LocalDate afterDueOn,
                        UUID afterId, int limit);

    /**
     * Of the check-ins DONE in {@code [from, to)}: how many, how many REOPENED, and how many of those
     * opened a win-back deal that is WON by now.
     */
    WinBackCounts winBackCounts(WorkspaceId workspaceId, Instant from, Instant to);

    record WinBackCounts(long checkInsDone, long reopened, long reopenedThenWon) {
    }
}
