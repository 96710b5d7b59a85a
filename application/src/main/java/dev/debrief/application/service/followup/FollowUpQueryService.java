package dev.debrief.application.service.followup;

import dev.debrief.application.port.in.followup.FollowUpQueries;
import dev.debrief.application.port.in.shared.Cursors;
import dev.debrief.application.port.out.followup.FollowUpReadModel;
import dev.debrief.application.port.out.followup.FollowUpRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Reading follow-ups; "today" is the workspace's, from the injected clock. */
@ApplicationScoped
@Transactional
public class FollowUpQueryService implements FollowUpQueries {

    /** The longest period the win-back report covers at once. */
    public static final long MAX_REPORT_DAYS = 3660;
    private static final String CURSOR = "follow-ups";

    private final WorkspaceRepository workspaces;
    private final FollowUpRepository followUps;
    private final FollowUpReadModel readModel;
    private final Clock clock;

    @Inject
    public FollowUpQueryService(WorkspaceRepository workspaces, FollowUpRepository followUps,
                                FollowUpReadModel readModel, Clock clock) {
        this.workspaces = workspaces;
        this.followUps = followUps;
        this.readModel = readModel;
        this.clock = clock;
    }

    @Override
    public Listed get(WorkspaceId workspaceId, UUID followUpId) {
        Workspace workspace = Workspaces.require(workspaces, workspaceId);
        FollowUp followUp = followUps.findById(workspaceId, followUpId)
                .orElseThrow(() -> FollowUpService.notFound(followUpId));
        LocalDate today = today(workspace);
        return new Listed(followUp, followUp.dueState(today), today);
    }

    @Override
    public FollowUpPage list(Access access, FollowUpFilter filter, String cursor, int limit) {
        if (limit < 1 || limit > 100) {
            throw new InvalidInput("query.invalid", "limit must be between 1 and 100", "limit");
        }
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        LocalDate today = today(workspace);
        String fingerprint = Cursors.fingerprint(filter.assigneeId(), filter.teamId(), filter.dealId(), filter.status(),
                filter.kind(), filter.due());
        LocalDate afterDueOn = null;
        UUID afterId = null;
        if (cursor != null) {
            String[] fields = Cursors.decode(cursor, CURSOR, fingerprint, 2);
            try {
                afterDueOn = LocalDate.parse(fields[0]);
                afterId = UUID.fromString(fields[1]);
            } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
                throw Cursors.invalid();
            }
        }
        List<FollowUp> rows = readModel.page(workspace.id(), filter, today, afterDueOn, afterId, limit + 1);
        List<FollowUp> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            FollowUp last = page.get(page.size() - 1);
            next = Cursors.encode(CURSOR, fingerprint, last.dueOn().toString(), last.id().toString());
        }
        return new FollowUpPage(page.stream().map(f -> new Listed(f, f.dueState(today), today)).toList(), next);
    }

    @Override
    public WinBackReport winBacks(WorkspaceId workspaceId, LocalDate from, LocalDate to) {
        Workspace workspace = Workspaces.require(workspaces, workspaceId);
        LocalDate end = to == null ? today(workspace) : to;
        LocalDate start = from == null ? end.minusDays(89) : from;
        if (start.isAfter(end)) {
            throw new InvalidInput("query.invalid", "from " + start + " is after to " + end, "from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_REPORT_DAYS) {
            throw new InvalidInput("query.invalid", "The period covers at most " + MAX_REPORT_DAYS + " days", "from");
        }
        Instant fromInstant = start.atStartOfDay(workspace.timeZone()).toInstant();
        Instant toInstant = end.plusDays(1).atStartOfDay(workspace.timeZone()).toInstant();
        FollowUpReadModel.WinBackCounts counts = readModel.winBackCounts(workspaceId, fromInstant, toInstant);
        return new WinBackReport(start, end, counts.checkInsDone(), counts.reopened(), counts.reopenedThenWon());
    }

    private LocalDate today(Workspace workspace) {
        return workspace.today(clock.instant());
    }
}
