package dev.debrief.application.port.out.plan;

import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.plan.PlanItem;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A member's plan items; every lookup is within one workspace and one member. */
public interface PlanItemRepository {

    /** Inserts a new item or writes a changed one (its text and done time). */
    void save(PlanItem item);

    Optional<PlanItem> findById(WorkspaceId workspaceId, MemberId memberId, UUID id);

    /** Removes it; returns whether there was one. */
    boolean delete(WorkspaceId workspaceId, MemberId memberId, UUID id);

    /** The member's items for the day, in the order they were added (ties by id). */
    List<PlanItem> listFor(WorkspaceId workspaceId, MemberId memberId, LocalDate date);
}
