package dev.debrief.adapter.persistence.followup;

import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.CheckInOutcome;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.workspace.WorkspaceId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.UUID;

/** The follow_up row, read the same way by the repository and the read model. */
final class FollowUpRows {

    static final String COLUMNS = "f.id, f.workspace_id, f.kind, f.text, f.assignee_id, f.due_on, f.deal_id, "
            + "f.lesson_id, f.debrief_id, f.status, f.outcome, f.outcome_note, f.resolved_by, f.resolved_at, "
            + "f.win_back_deal_id, f.created_by, f.created_at, f.updated_at, f.version";

    private FollowUpRows() {
    }

    static FollowUp read(ResultSet rs) throws SQLException {
        UUID assignee = rs.getObject(5, UUID.class);
        UUID deal = rs.getObject(7, UUID.class);
        String outcome = rs.getString(11);
        Timestamp resolvedAt = rs.getTimestamp(14);
        UUID winBack = rs.getObject(15, UUID.class);
        return FollowUp.rehydrate(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class)),
                FollowUpKind.valueOf(rs.getString(3)), rs.getString(4), assignee == null ? null : new MemberId(assignee),
                rs.getObject(6, LocalDate.class), deal == null ? null : new DealId(deal), rs.getObject(8, UUID.class),
                rs.getObject(9, UUID.class), FollowUpStatus.valueOf(rs.getString(10)),
                outcome == null ? null : CheckInOutcome.valueOf(outcome), rs.getString(12), ActorRef.parse(rs.getString(13)),
                resolvedAt == null ? null : resolvedAt.toInstant(), winBack == null ? null : new DealId(winBack),
                ActorRef.parse(rs.getString(16)), rs.getTimestamp(17).toInstant(), rs.getTimestamp(18).toInstant(),
                rs.getLong(19));
    }
}
