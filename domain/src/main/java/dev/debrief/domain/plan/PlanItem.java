package dev.debrief.domain.plan;

import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.lesson.PositivePhrasing;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * One of a member's own dos for a day in their action plan (seed 000: end each day with a plan of dos
 * for tomorrow). The text is a do ({@link PositivePhrasing}, {@code phrasing.prohibition}) of at most
 * {@value #TEXT_MAX} characters; a new item is for today or later in the workspace's time zone
 * ({@code plan-item.date-in-past}). It is checked off and may be unchecked again; its date stays.
 */
public final class PlanItem {

    public static final int TEXT_MAX = 500;
    /** Items one member plans for one day at most: a day's plan is answered whole. */
    public static final int MAX_PER_DAY = 50;

    private final UUID id;
    private final WorkspaceId workspaceId;
    private final MemberId memberId;
    private final LocalDate date;
    private String text;
    private Instant doneAt;
    private final Instant createdAt;

    private PlanItem(UUID id, WorkspaceId workspaceId, MemberId memberId, LocalDate date, String text, Instant doneAt,
                     Instant createdAt) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.memberId = Objects.requireNonNull(memberId);
        this.date = Objects.requireNonNull(date);
        this.text = text;
        this.doneAt = doneAt;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    /** A new, unchecked item of the member's plan for {@code date}; {@code today} is in the workspace's zone. */
    public static PlanItem add(WorkspaceId workspaceId, MemberId memberId, LocalDate date, String text,
                               LocalDate today, Instant now) {
        if (date == null) {
            throw new RuleViolation("value.required", "date is required", "date");
        }
        if (date.isBefore(today)) {
            throw new RuleViolation("plan-item.date-in-past",
                    "date " + date + " is before today (" + today + ") in the workspace's time zone: plan today or later",
                    "date");
        }
        return new PlanItem(Ids.newId(), workspaceId, memberId, date, phrased(text), null, now);
    }

    /**
     * Refuses a new item when the member's plan for the day is full ({@code plan-item.limit-reached}).
     *
     * @param itemsThatDay how many items the member has for that day already
     */
    public static void requireRoom(LocalDate date, int itemsThatDay) {
        if (itemsThatDay >= MAX_PER_DAY) {
            throw new StateConflict("plan-item.limit-reached", "The plan for " + date + " has " + itemsThatDay
                    + " items; a day holds at most " + MAX_PER_DAY + ": check some off and remove them, or plan another day");
        }
    }

    public static PlanItem rehydrate(UUID id, WorkspaceId workspaceId, MemberId memberId, LocalDate date, String text,
                                     Instant doneAt, Instant createdAt) {
        return new PlanItem(id, workspaceId, memberId, date, text, doneAt, createdAt);
    }

    private static String phrased(String text) {
        return PositivePhrasing.require(Text.required(text, TEXT_MAX, "text"), "text");
    }

    /** New wording, a do like the first. */
    public void rewrite(String newText) {
        this.text = phrased(newText);
    }

    /** Checks the item off ({@code done}) or unchecks it; checking off a done item keeps its first time. */
    public void markDone(boolean done, Instant now) {
        if (!done) {
            doneAt = null;
        } else if (doneAt == null) {
            doneAt = now;
        }
    }

    public boolean done() { return doneAt != null; }
    public UUID id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public MemberId memberId() { return memberId; }
    public LocalDate date() { return date; }
    public String text() { return text; }
    public Instant doneAt() { return doneAt; }
    public Instant createdAt() { return createdAt; }
}
