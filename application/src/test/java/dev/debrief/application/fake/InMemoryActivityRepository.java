package dev.debrief.application.fake;

import dev.debrief.application.port.out.activity.ActivityRepository;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Activities in memory, with the tombstones of deleted partner activities. */
public class InMemoryActivityRepository implements ActivityRepository {

    /** PostgreSQL orders uuids by their bytes: unsigned, unlike {@link UUID#compareTo}. */
    private static final Comparator<UUID> BYTE_ORDER = Comparator
            .<UUID>comparingLong(u -> u.getMostSignificantBits() ^ Long.MIN_VALUE)
            .thenComparingLong(u -> u.getLeastSignificantBits() ^ Long.MIN_VALUE);
    private static final Comparator<Activity> NEWEST_FIRST =
            Comparator.comparing(Activity::occurredAt).thenComparing(Activity::id, BYTE_ORDER).reversed();

    private final Map<UUID, Activity> rows = new HashMap<>();
    private final Set<Key> tombstones = new HashSet<>();

    private record Key(WorkspaceId workspaceId, PartnerKey key) {
    }

    @Override
    public synchronized void add(Activity activity) {
        rows.put(activity.id(), activity);
    }

    @Override
    public synchronized int addPartnerActivities(List<Activity> activities) {
        int added = 0;
        for (Activity activity : activities) {
            PartnerKey key = new PartnerKey(activity.dealId(), activity.external());
            boolean held = rows.values().stream().anyMatch(a -> a.workspaceId().equals(activity.workspaceId())
                    && key.equals(new PartnerKey(a.dealId(), a.external())));
            if (!held) {
                rows.put(activity.id(), activity);
                added++;
            }
        }
        return added;
    }

    @Override
    public synchronized Optional<Activity> findById(WorkspaceId workspaceId, DealId dealId, UUID id) {
        return Optional.ofNullable(rows.get(id))
                .filter(a -> a.workspaceId().equals(workspaceId) && a.dealId().equals(dealId));
    }

    @Override
    public synchronized void delete(Activity activity, Instant now) {
        rows.remove(activity.id());
        if (activity.external() != null) {
            tombstones.add(new Key(activity.workspaceId(), new PartnerKey(activity.dealId(), activity.external())));
        }
    }

    @Override
    public synchronized Map<DealId, Integer> countByDeal(WorkspaceId workspaceId, Collection<DealId> dealIds) {
        Map<DealId, Integer> counts = new HashMap<>();
        rows.values().stream().filter(a -> a.workspaceId().equals(workspaceId) && dealIds.contains(a.dealId()))
                .forEach(a -> counts.merge(a.dealId(), 1, Integer::sum));
        return counts;
    }

    @Override
    public synchronized Set<PartnerKey> known(WorkspaceId workspaceId, Collection<PartnerKey> keys) {
        Set<PartnerKey> known = new HashSet<>();
        for (PartnerKey key : keys) {
            boolean held = rows.values().stream().anyMatch(a -> a.workspaceId().equals(workspaceId)
                    && key.equals(new PartnerKey(a.dealId(), a.external())));
            if (held || tombstones.contains(new Key(workspaceId, key))) {
                known.add(key);
            }
        }
        return known;
    }

    @Override
    public synchronized List<Activity> page(WorkspaceId workspaceId, DealId dealId, Instant beforeOccurredAt,
                                            UUID beforeId, int limit) {
        return rows.values().stream()
                .filter(a -> a.workspaceId().equals(workspaceId) && a.dealId().equals(dealId))
                .filter(a -> beforeOccurredAt == null || a.occurredAt().isBefore(beforeOccurredAt)
                        || a.occurredAt().equals(beforeOccurredAt) && BYTE_ORDER.compare(a.id(), beforeId) < 0)
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public synchronized List<Activity> ofDeal(WorkspaceId workspaceId, DealId dealId) {
        List<Activity> all = new ArrayList<>(rows.values().stream()
                .filter(a -> a.workspaceId().equals(workspaceId) && a.dealId().equals(dealId)).toList());
        all.sort(NEWEST_FIRST.reversed());
        return all;
    }
}
