package dev.debrief.application.fake;

import dev.debrief.application.port.out.followup.FollowUpRepository;
import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Follow-ups in a map, for application-service tests. It keeps "one open check-in per deal" the way
 * the partial unique index does, and passes the same {@code FollowUpRepositoryContract} as the
 * PostgreSQL adapter.
 */
public class InMemoryFollowUpRepository implements FollowUpRepository {

    private final Map<UUID, FollowUp> rows = new LinkedHashMap<>();

    @Override
    public synchronized void add(FollowUp followUp) {
        if (followUp.kind() == FollowUpKind.CHECK_IN && followUp.status() == FollowUpStatus.OPEN
                && hasOpenCheckIn(followUp.dealId())) {
            throw new IllegalStateException("follow_up_one_open_check_in_uq");
        }
        rows.put(followUp.id(), copy(followUp, 0));
    }

    @Override
    public synchronized int addCheckIns(List<FollowUp> checkIns) {
        int added = 0;
        for (FollowUp checkIn : checkIns) {
            if (!hasOpenCheckIn(checkIn.dealId())) {
                rows.put(checkIn.id(), copy(checkIn, 0));
                added++;
            }
        }
        return added;
    }

    private boolean hasOpenCheckIn(DealId dealId) {
        return rows.values().stream().anyMatch(f -> f.kind() == FollowUpKind.CHECK_IN
                && f.status() == FollowUpStatus.OPEN && f.dealId().equals(dealId));
    }

    @Override
    public synchronized int cancelOpenCheckIns(WorkspaceId workspaceId, Collection<DealId> dealIds, String note,
                                               ActorRef by, Instant now) {
        int cancelled = 0;
        for (FollowUp f : List.copyOf(rows.values())) {
            if (f.workspaceId().equals(workspaceId) && f.kind() == FollowUpKind.CHECK_IN
                    && f.status() == FollowUpStatus.OPEN && dealIds.contains(f.dealId())) {
                FollowUp changed = copy(f, f.version() + 1);
                changed.cancel(note, by, now);
                rows.put(f.id(), changed);
                cancelled++;
            }
        }
        return cancelled;
    }

    @Override
    public synchronized void update(FollowUp followUp) {
        FollowUp stored = rows.get(followUp.id());
        if (stored != null && stored.workspaceId().equals(followUp.workspaceId())) {
            rows.put(followUp.id(), copy(followUp, stored.version() + 1));
        }
    }

    @Override
    public synchronized Optional<FollowUp> findById(WorkspaceId workspaceId, UUID id) {
        return Optional.ofNullable(rows.get(id)).filter(f -> f.workspaceId().equals(workspaceId))
                .map(f -> copy(f, f.version()));
    }

    @Override
    public Optional<FollowUp> lockById(WorkspaceId workspaceId, UUID id) {
        return findById(workspaceId, id);
    }

    /** Every follow-up of the workspace, for assertions. */
    public synchronized List<FollowUp> all(WorkspaceId workspaceId) {
        return rows.values().stream().filter(f -> f.workspaceId().equals(workspaceId)).map(f -> copy(f, f.version())).toList();
    }

    private static FollowUp copy(FollowUp f, long version) {
        return FollowUp.rehydrate(f.id(), f.workspaceId(), f.kind(), f.text(), f.assigneeId(), f.dueOn(), f.dealId(),
                f.lessonId(), f.debriefId(), f.status(), f.outcome(), f.outcomeNote(), f.resolvedBy(), f.resolvedAt(),
                f.winBackDealId(), f.createdBy(), f.createdAt(), f.updatedAt(), version);
    }
}
