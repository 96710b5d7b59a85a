package dev.debrief.application.fake;

import dev.debrief.application.port.out.plan.PlanItemRepository;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.plan.PlanItem;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Plan items in a map, copied in and out so a caller's changes reach it only through save. */
public class InMemoryPlanItemRepository implements PlanItemRepository {

    private final Map<UUID, PlanItem> items = new ConcurrentHashMap<>();

    @Override
    public void save(PlanItem item) {
        items.put(item.id(), copy(item));
    }

    @Override
    public Optional<PlanItem> findById(WorkspaceId workspaceId, MemberId memberId, UUID id) {
        return Optional.ofNullable(items.get(id)).filter(i -> i.workspaceId().equals(workspaceId)
                && i.memberId().equals(memberId)).map(InMemoryPlanItemRepository::copy);
    }

    @Override
    public boolean delete(WorkspaceId workspaceId, MemberId memberId, UUID id) {
        return findById(workspaceId, memberId, id).map(i -> items.remove(id) != null).orElse(false);
    }

    @Override
    public List<PlanItem> listFor(WorkspaceId workspaceId, MemberId memberId, LocalDate date) {
        return items.values().stream()
                .filter(i -> i.workspaceId().equals(workspaceId) && i.memberId().equals(memberId) && i.date().equals(date))
                .sorted(Comparator.comparing(PlanItem::createdAt).thenComparing(PlanItem::id))
                .map(InMemoryPlanItemRepository::copy).toList();
    }

    private static PlanItem copy(PlanItem i) {
        return PlanItem.rehydrate(i.id(), i.workspaceId(), i.memberId(), i.date(), i.text(), i.doneAt(), i.createdAt());
    }
}
