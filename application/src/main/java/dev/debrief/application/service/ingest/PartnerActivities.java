package dev.debrief.application.service.ingest;

import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.out.activity.ActivityRepository.PartnerKey;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The activities a partner item carries, read and checked before any SQL, like the item's state: at most
 * {@link Activity#MAX_PER_PUSH} (more is {@code activity.too-many}, whether or not the state is stale), each
 * with an external id of its own (the source is the item's), the member by email like the owner (an email
 * that matches no member leaves the activity without one).
 */
final class PartnerActivities {

    /** The deal an activity is read for until its item's deal is known. */
    private static final DealId UNKNOWN_DEAL = new DealId(new UUID(0, 0));

    private PartnerActivities() {
    }

    static List<Activity> read(WorkspaceId workspaceId, IngestItem item, PartnerValues values, Instant now) {
        List<IngestItem.PartnerActivity> pushed = item.activities();
        if (pushed.isEmpty()) {
            return List.of();
        }
        if (pushed.size() > Activity.MAX_PER_PUSH) {
            throw new RuleViolation("activity.too-many", "An item carries at most " + Activity.MAX_PER_PUSH
                    + " activities; this one has " + pushed.size() + ": push the others in further items", "activities");
        }
        String source = PartnerValues.reference(item).source();
        List<Activity> read = new ArrayList<>(pushed.size());
        for (int k = 0; k < pushed.size(); k++) {
            IngestItem.PartnerActivity a = pushed.get(k);
            String field = "activities[" + k + "].";
            if (a == null) {
                throw new RuleViolation("value.required", field.substring(0, field.length() - 1) + " is an activity",
                        field.substring(0, field.length() - 1));
            }
            if (a.externalId() == null || a.externalId().isBlank() || a.externalId().length() > 200) {
                throw new RuleViolation("activity.external-id-invalid", field + "externalId must be 1-200 characters",
                        field + "externalId");
            }
            Member member = a.memberEmail() == null || a.memberEmail().isBlank() ? null
                    : values.member(source, a.memberEmail().strip());
            read.add(Activity.record(workspaceId, UNKNOWN_DEAL, a.type(), a.direction(), a.occurredAt(),
                    member == null ? null : member.id(), a.note(), new ExternalReference(source, a.externalId()), now, field));
        }
        return read;
    }

    /** The keys of these activities on that deal. */
    static List<PartnerKey> keys(DealId deal, List<Activity> activities) {
        return activities.stream().map(a -> new PartnerKey(deal, a.external())).toList();
    }

    /**
     * Which of an item's activities are new for its deal: not {@code known} to it (recorded, or deleted by a
     * person), and not already {@code taken} by an earlier item of the same push (which it then joins).
     */
    static List<Activity> fresh(DealId deal, List<Activity> activities, Set<PartnerKey> known, Set<PartnerKey> taken) {
        List<Activity> fresh = new ArrayList<>();
        for (Activity a : activities) {
            PartnerKey key = new PartnerKey(deal, a.external());
            if (!known.contains(key) && taken.add(key)) {
                fresh.add(a.onDeal(deal));
            }
        }
        return fresh;
    }
}
