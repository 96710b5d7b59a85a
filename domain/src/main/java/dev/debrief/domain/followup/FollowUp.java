package dev.debrief.domain.followup;

import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.lesson.PositivePhrasing;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Something to do by a date: a CHECK_IN the service schedules on a lost good-fit deal, or an
 * ACTION_ITEM people write (from a debrief, a lesson, or on its own). Both go {@code OPEN → DONE |
 * CANCELLED} once, with who, when and an outcome note. The text is a do ({@link PositivePhrasing}).
 *
 * <p>Rules: a new or moved due date is not before today in the workspace's time zone
 * ({@code follow-up.due-in-past}); only an OPEN follow-up changes ({@code follow-up.not-open}); a
 * check-in is completed with an outcome ({@code follow-up.outcome-required}), an action item without
 * one ({@code follow-up.outcome-only-for-check-ins}).
 */
public final class FollowUp {

    public static final int TEXT_MAX = 500;
    public static final int NOTE_MAX = 2000;
    /** The note of a check-in cancelled because its deal stopped qualifying ({@link CheckInChange#CANCEL}). */
    public static final String NO_LONGER_QUALIFIES = "Cancelled: the deal is no longer a lost good-fit deal (reopened, or its fit amended)";

    private final UUID id;
    private final WorkspaceId workspaceId;
    private final FollowUpKind kind;
    private String text;
    private MemberId assigneeId;
    private LocalDate dueOn;
    private final DealId dealId;
    private final UUID lessonId;
    private final UUID debriefId;
    private FollowUpStatus status;
    private CheckInOutcome outcome;
    private String outcomeNote;
    private ActorRef resolvedBy;
    private Instant resolvedAt;
    private DealId winBackDealId;
    private final ActorRef createdBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    private FollowUp(UUID id, WorkspaceId workspaceId, FollowUpKind kind, String text, MemberId assigneeId,
                     LocalDate dueOn, DealId dealId, UUID lessonId, UUID debriefId, FollowUpStatus status,
                     CheckInOutcome outcome, String outcomeNote, ActorRef resolvedBy, Instant resolvedAt,
                     DealId winBackDealId, ActorRef createdBy, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.kind = Objects.requireNonNull(kind);
        this.text = text;
        this.assigneeId = assigneeId;
        this.dueOn = Objects.requireNonNull(dueOn);
        this.dealId = dealId;
        this.lessonId = lessonId;
        this.debriefId = debriefId;
        this.status = Objects.requireNonNull(status);
        this.outcome = outcome;
        this.outcomeNote = outcomeNote;
        this.resolvedBy = resolvedBy;
        this.resolvedAt = resolvedAt;
        this.winBackDealId = winBackDealId;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /**
     * The check-in for a deal that was just closed (or pushed) as lost: for its owner (unassigned when
     * the owner is unknown), due as the policy says. None when the policy gives none (not LOST, not
     * GOOD_FIT) or when that date has already passed: a historic loss gets no overdue reminder.
     */
    public static Optional<FollowUp> checkInFor(Deal deal, CheckInPolicy policy, LocalDate today, Instant now) {
        if (deal.outcome() != Outcome.LOST || deal.lossAnalysis() == null) {
            return Optional.empty();
        }
        return policy.dueDate(deal.outcome(), deal.lossAnalysis().fit(), deal.details().pitchedAt(),
                        deal.details().pitchedTerm(), deal.closedOn())
                .filter(due -> !due.isBefore(today))
                .map(due -> {
                    MemberRef owner = deal.details().owner();
                    return new FollowUp(Ids.newId(), deal.workspaceId(), FollowUpKind.CHECK_IN, checkInText(deal),
                            owner == null ? null : new MemberId(owner.id()), due, deal.id(), null, null,
                            FollowUpStatus.OPEN, null, null, null, null, null, ActorRef.SYSTEM, now, now, 0);
                });
    }

    /** A check-in's do: whom to call and what to ask; nothing about why the deal was lost. */
    static String checkInText(Deal deal) {
        String who = deal.details().account() != null ? deal.details().account() : deal.details().name();
        String text = "Check in with " + who + " and ask what has changed since the pitch";
        return text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX);
    }

    public static FollowUp actionItem(WorkspaceId workspaceId, String text, MemberId assigneeId, LocalDate dueOn,
                                      DealId dealId, UUID lessonId, UUID debriefId, ActorRef createdBy,
                                      LocalDate today, Instant now) {
        if (assigneeId == null) {
            throw new RuleViolation("value.required", "assigneeId is required", "assigneeId");
        }
        return new FollowUp(Ids.newId(), workspaceId, FollowUpKind.ACTION_ITEM, phrased(text),
                assigneeId, notPast(dueOn, today), dealId, lessonId, debriefId, FollowUpStatus.OPEN, null, null,
                null, null, null, createdBy, now, now, 0);
    }

    public static FollowUp rehydrate(UUID id, WorkspaceId workspaceId, FollowUpKind kind, String text,
                                     MemberId assigneeId, LocalDate dueOn, DealId dealId, UUID lessonId,
                                     UUID debriefId, FollowUpStatus status, CheckInOutcome outcome, String outcomeNote,
                                     ActorRef resolvedBy, Instant resolvedAt, DealId winBackDealId, ActorRef createdBy,
                                     Instant createdAt, Instant updatedAt, long version) {
        return new FollowUp(id, workspaceId, kind, text, assigneeId, dueOn, dealId, lessonId, debriefId, status,
                outcome, outcomeNote, resolvedBy, resolvedAt, winBackDealId, createdBy, createdAt, updatedAt, version);
    }

    private static String phrased(String text) {
        return PositivePhrasing.require(Text.required(text, TEXT_MAX, "text"), "text");
    }

    private static LocalDate notPast(LocalDate dueOn, LocalDate today) {
        if (dueOn == null) {
            throw new RuleViolation("value.required", "dueOn is required", "dueOn");
        }
        if (dueOn.isBefore(today)) {
            throw new RuleViolation("follow-up.due-in-past",
                    "dueOn " + dueOn + " is before today (" + today + ") in the workspace's time zone", "dueOn");
        }
        return dueOn;
    }

    /** New text, assignee or due date (an unchanged due date may already have passed). */
    public void revise(String newText, MemberId newAssignee, LocalDate newDueOn, LocalDate today, Instant now) {
        requireOpen();
        String checkedText = phrased(newText);
        if (newAssignee == null && (kind == FollowUpKind.ACTION_ITEM || assigneeId != null)) {
            throw new RuleViolation("value.required", "assigneeId is required", "assigneeId");
        }
        LocalDate checkedDue = Objects.equals(newDueOn, dueOn) ? dueOn : notPast(newDueOn, today);
        this.text = checkedText;
        this.assigneeId = newAssignee;
        this.dueOn = checkedDue;
        this.updatedAt = now;
    }

    public void complete(CheckInOutcome checkInOutcome, String note, ActorRef by, Instant now) {
        requireOpen();
        if (kind == FollowUpKind.CHECK_IN && checkInOutcome == null) {
            throw new RuleViolation("follow-up.outcome-required",
                    "A check-in is completed with its outcome: REOPENED or NO_OPPORTUNITY", "outcome");
        }
        if (kind == FollowUpKind.ACTION_ITEM && checkInOutcome != null) {
            throw new RuleViolation("follow-up.outcome-only-for-check-ins",
                    "Only a check-in has an outcome; complete an action item with a note", "outcome");
        }
        resolve(FollowUpStatus.DONE, checkInOutcome, note, by, now);
    }

    public void cancel(String note, ActorRef by, Instant now) {
        requireOpen();
        resolve(FollowUpStatus.CANCELLED, null, note, by, now);
    }

    /** Links the win-back deal a REOPENED check-in opened. */
    public void linkWinBack(DealId winBack) {
        if (outcome != CheckInOutcome.REOPENED) {
            throw new IllegalStateException("Only a REOPENED check-in has a win-back deal");
        }
        this.winBackDealId = Objects.requireNonNull(winBack);
    }

    private void resolve(FollowUpStatus newStatus, CheckInOutcome checkInOutcome, String note, ActorRef by, Instant now) {
        this.outcomeNote = Text.optional(note, NOTE_MAX, "note");
        this.status = newStatus;
        this.outcome = checkInOutcome;
        this.resolvedBy = Objects.requireNonNull(by);
        this.resolvedAt = now;
        this.updatedAt = now;
    }

    private void requireOpen() {
        if (status != FollowUpStatus.OPEN) {
            throw new StateConflict("follow-up.not-open", "The follow-up is already " + status);
        }
    }

    public void requireVersion(long expected) {
        dev.debrief.domain.shared.VersionMismatch.require(expected, version);
    }

    /** Where the due date stands today; null once the follow-up is DONE or CANCELLED. */
    public DueState dueState(LocalDate today) {
        return status == FollowUpStatus.OPEN ? DueState.of(dueOn, today) : null;
    }

    public UUID id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public FollowUpKind kind() { return kind; }
    public String text() { return text; }
    public MemberId assigneeId() { return assigneeId; }
    public LocalDate dueOn() { return dueOn; }
    public DealId dealId() { return dealId; }
    public UUID lessonId() { return lessonId; }
    public UUID debriefId() { return debriefId; }
    public FollowUpStatus status() { return status; }
    public CheckInOutcome outcome() { return outcome; }
    public String outcomeNote() { return outcomeNote; }
    public ActorRef resolvedBy() { return resolvedBy; }
    public Instant resolvedAt() { return resolvedAt; }
    public DealId winBackDealId() { return winBackDealId; }
    public ActorRef createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
