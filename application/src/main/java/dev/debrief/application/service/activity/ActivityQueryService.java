package dev.debrief.application.service.activity;

import dev.debrief.application.port.in.activity.ActivityQueries;
import dev.debrief.application.port.in.shared.Cursors;
import dev.debrief.application.port.out.activity.ActivityRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.deal.DealQueryService;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ResponseTime;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** Reading activities: a deal's keyset pages, newest first, and its response time. */
@ApplicationScoped
@Transactional
public class ActivityQueryService implements ActivityQueries {

    private static final String CURSOR = "activities";

    private final WorkspaceRepository workspaces;
    private final DealRepository deals;
    private final ActivityRepository activities;

    @Inject
    public ActivityQueryService(WorkspaceRepository workspaces, DealRepository deals, ActivityRepository activities) {
        this.workspaces = workspaces;
        this.deals = deals;
        this.activities = activities;
    }

    @Override
    public ActivityPage list(WorkspaceId workspaceId, DealId dealId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("page.limit-out-of-range", "limit must be between 1 and " + MAX_PAGE_SIZE, "limit");
        }
        requireDeal(workspaceId, dealId);
        String fingerprint = Cursors.fingerprint(dealId);
        Instant beforeOccurredAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            String[] fields = Cursors.decode(cursor, CURSOR, fingerprint, 2);
            try {
                beforeOccurredAt = Instant.parse(fields[0]);
                beforeId = UUID.fromString(fields[1]);
            } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
                throw Cursors.invalid();
            }
        }
        List<Activity> rows = activities.page(workspaceId, dealId, beforeOccurredAt, beforeId, limit + 1);
        List<Activity> page = rows.size() > limit ? rows.subList(0, limit) : rows;
        String next = null;
        if (rows.size() > limit) {
            Activity last = page.get(page.size() - 1);
            next = Cursors.encode(CURSOR, fingerprint, last.occurredAt().toString(), last.id().toString());
        }
        return new ActivityPage(List.copyOf(page), next);
    }

    @Override
    public DealResponseTime responseTime(WorkspaceId workspaceId, DealId dealId) {
        requireDeal(workspaceId, dealId);
        List<Activity> all = activities.ofDeal(workspaceId, dealId);
        return new DealResponseTime(ResponseTime.of(all), all.size());
    }

    private void requireDeal(WorkspaceId workspaceId, DealId dealId) {
        Workspaces.require(workspaces, workspaceId);
        if (deals.findById(workspaceId, dealId).isEmpty()) {
            throw DealQueryService.notFound(dealId);
        }
    }
}
