package dev.debrief.application.service.plan;

import dev.debrief.application.port.in.plan.PlanItemsUseCase;
import dev.debrief.application.port.out.plan.PlanItemRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.plan.PlanAccess;
import dev.debrief.domain.plan.PlanItem;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A member's own plan items: only the member themself writes them; every write is audited. */
@ApplicationScoped
@Transactional
public class PlanItemService implements PlanItemsUseCase {

    static final String PLAN_ITEM = "plan-item";

    private final WorkspaceRepository workspaces;
    private final PlanItemRepository items;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public PlanItemService(WorkspaceRepository workspaces, PlanItemRepository items, Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.items = items;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public PlanItem add(Access access, MemberId memberId, LocalDate date, String text) {
        Workspace workspace = Workspaces.require(workspaces, access.workspaceId());
        PlanAccess.requireOwnPlan(access, memberId);
        LocalDate today = workspace.today(clock.instant());
        PlanItem item = PlanItem.add(workspace.id(), memberId, date, text, today, clock.instant());
        workspaces.lock(workspace.id());
        PlanItem.requireRoom(date, items.listFor(workspace.id(), memberId, date).size());
        items.save(item);
        audit.record(access, PLAN_ITEM, item.id(), "create", List.of("date", "text"));
        return item;
    }

    @Override
    public PlanItem change(Access access, MemberId memberId, UUID itemId, UnaryOperator<PlanItemChange> change) {
        PlanItem item = owned(access, memberId, itemId);
        PlanItemChange next = change.apply(new PlanItemChange(item.text(), item.done()));
        List<String> changed = new ArrayList<>();
        if (!item.text().equals(next.text())) {
            item.rewrite(next.text());
            changed.add("text");
        }
        if (item.done() != next.done()) {
            item.markDone(next.done(), clock.instant());
            changed.add("done");
        }
        if (!changed.isEmpty()) {
            items.save(item);
            audit.record(access, PLAN_ITEM, item.id(), "change", changed);
        }
        return item;
    }

    @Override
    public void remove(Access access, MemberId memberId, UUID itemId) {
        owned(access, memberId, itemId);
        items.delete(access.workspaceId(), memberId, itemId);
        audit.record(access, PLAN_ITEM, itemId, "delete", List.of());
    }

    private PlanItem owned(Access access, MemberId memberId, UUID itemId) {
        Workspaces.require(workspaces, access.workspaceId());
        PlanAccess.requireOwnPlan(access, memberId);
        return items.findById(access.workspaceId(), memberId, itemId).orElseThrow(() -> notFound(itemId));
    }

    static NotFound notFound(UUID id) {
        return new NotFound("plan-item.not-found", "There is no plan item " + id + " in this member's plan");
    }
}
