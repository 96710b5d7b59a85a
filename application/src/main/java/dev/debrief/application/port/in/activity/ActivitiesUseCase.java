package dev.debrief.application.port.in.activity;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import dev.debrief.domain.deal.DealId;

import java.time.Instant;
import java.util.UUID;

/** People add and delete the activities of a deal (the WRITE_DEALS right on that deal, as for the deal's other writes). */
public interface ActivitiesUseCase {

    /** What a person records; {@code memberId} (optional) is a member of the workspace. */
    record ActivityDraft(ActivityType type, ActivityDirection direction, Instant occurredAt, MemberId memberId,
                         String note) {
    }

    Activity add(Access access, DealId dealId, ActivityDraft draft);

    /** Deletes the activity; a partner's one leaves a tombstone, so the partner's next push doesn't bring it back. */
    void delete(Access access, DealId dealId, UUID activityId);
}
