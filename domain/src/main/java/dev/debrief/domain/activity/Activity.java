package dev.debrief.domain.activity;

import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An incidental on a deal (seed 004): a call, an email, a meeting or a note, inbound, outbound or
 * internal, when it happened, optionally who of the team took part, and a short note. Activities are
 * facts: they are added and deleted, never changed. A partner's activity carries the partner's
 * reference ({@code external}: the partner system and the activity's id there), unique per deal.
 */
public record Activity(UUID id, WorkspaceId workspaceId, DealId dealId, ActivityType type, ActivityDirection direction,
                       Instant occurredAt, MemberId memberId, String note, ExternalReference external, Instant createdAt) {

    public static final int NOTE_MAX = 500;
    /** The most activities one deal holds (people's and partners' together). */
    public static final int MAX_PER_DEAL = 10_000;
    /** The most activities one partner item carries. */
    public static final int MAX_PER_PUSH = 200;
    /** How far ahead of Debrief's clock {@code occurredAt} may be (clock skew), as for partner states. */
    public static final long FUTURE_TOLERANCE_SECONDS = 300;

    public Activity {
        Objects.requireNonNull(id);
        Objects.requireNonNull(workspaceId);
        Objects.requireNonNull(dealId);
        Objects.requireNonNull(type);
        Objects.requireNonNull(direction);
        Objects.requireNonNull(occurredAt);
        Objects.requireNonNull(createdAt);
    }

    /**
     * A new activity, checked: type, direction and occurredAt required, occurredAt at most five minutes
     * ahead of {@code now}, the note at most {@value #NOTE_MAX} characters (blank: none). {@code field}
     * prefixes the fields named in a problem (e.g. {@code activities[3].}).
     */
    public static Activity record(WorkspaceId workspaceId, DealId dealId, ActivityType type, ActivityDirection direction,
                                  Instant occurredAt, MemberId memberId, String note, ExternalReference external,
                                  Instant now, String field) {
        if (type == null) {
            throw new RuleViolation("value.required", field + "type is required", field + "type");
        }
        if (direction == null) {
            throw new RuleViolation("value.required", field + "direction is required", field + "direction");
        }
        if (occurredAt == null) {
            throw new RuleViolation("value.required", field + "occurredAt is required", field + "occurredAt");
        }
        if (occurredAt.isAfter(now.plusSeconds(FUTURE_TOLERANCE_SECONDS))) {
            throw new RuleViolation("activity.occurred-in-future",
                    field + "occurredAt is in the future: record an activity once it happened", field + "occurredAt");
        }
        return new Activity(Ids.newId(), workspaceId, dealId, type, direction, occurredAt, memberId,
                Text.optional(note, NOTE_MAX, field + "note"), external, now);
    }

    /** The same activity on another deal (a partner's activities are read before their deal is known). */
    public Activity onDeal(DealId deal) {
        return new Activity(id, workspaceId, deal, type, direction, occurredAt, memberId, note, external, createdAt);
    }

    /** A touch of the buyer's that waits for an answer. */
    boolean isInboundTouch() {
        return type != ActivityType.NOTE && direction == ActivityDirection.INBOUND;
    }

    /** A touch of the team's that answers the inbound touches before it. */
    boolean isOutboundTouch() {
        return type != ActivityType.NOTE && direction == ActivityDirection.OUTBOUND;
    }
}
