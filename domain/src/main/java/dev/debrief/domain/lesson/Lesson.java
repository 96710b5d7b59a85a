package dev.debrief.domain.lesson;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.shared.VersionMismatch;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Something to do, learned from lost deals: a statement phrased as a do ({@link PositivePhrasing}),
 * an optional rationale, the deals it came from (at least one), the reason categories it addresses and
 * where it applies ({@link LessonScope}). Its lifecycle is {@link LessonStatus}; a change of statement
 * keeps the earlier one as history.
 */
public final class Lesson {

    public static final int STATEMENT_MAX = 500;
    public static final int RATIONALE_MAX = 5000;
    /** How many earlier statements a lesson keeps: its history is listed whole, never paged. */
    public static final int MAX_EARLIER_STATEMENTS = 100;
    public static final int MAX_SOURCE_DEALS = 50;

    private final UUID id;
    private final WorkspaceId workspaceId;
    private String statement;
    private String rationale;
    private Set<DealId> sourceDealIds;
    private Set<ReasonCategory> categories;
    private LessonScope scope;
    private LessonStatus status;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;
    private final long endorsements;
    private final List<StatementChange> newStatementChanges = new ArrayList<>();

    /** An earlier statement, as it was until {@code replacedAt}. */
    public record StatementChange(UUID id, String statement, Instant replacedAt) {
    }

    private Lesson(UUID id, WorkspaceId workspaceId, String statement, String rationale, Set<DealId> sourceDealIds,
                   Set<ReasonCategory> categories, LessonScope scope, LessonStatus status, Instant createdAt,
                   Instant updatedAt, long version, long endorsements) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.statement = statement;
        this.rationale = rationale;
        this.sourceDealIds = sourceDealIds;
        this.categories = categories;
        this.scope = scope;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
        this.endorsements = endorsements;
    }

    /** A new PROPOSED lesson. The source deals' existence in the workspace is the use case's check. */
    public static Lesson propose(WorkspaceId workspaceId, String statement, String rationale, Set<DealId> sourceDealIds,
                                 Set<ReasonCategory> categories, LessonScope scope, Instant now) {
        Lesson lesson = new Lesson(Ids.newId(), workspaceId, null, null, Set.of(), Set.of(), LessonScope.EVERYWHERE,
                LessonStatus.PROPOSED, now, now, 0, 0);
        lesson.apply(statement, rationale, sourceDealIds, categories, scope);
        return lesson;
    }

    public static Lesson rehydrate(UUID id, WorkspaceId workspaceId, String statement, String rationale,
                                   Set<DealId> sourceDealIds, Set<ReasonCategory> categories, LessonScope scope,
                                   LessonStatus status, Instant createdAt, Instant updatedAt, long version,
                                   long endorsements) {
        return new Lesson(id, workspaceId, statement, rationale, Set.copyOf(sourceDealIds), Set.copyOf(categories),
                scope, status, createdAt, updatedAt, version, endorsements);
    }

    public void requireVersion(long expected) {
        VersionMismatch.require(expected, version);
    }

    /**
     * Changes what the lesson says; an earlier statement is kept as history, at most
     * {@link #MAX_EARLIER_STATEMENTS} of them ({@code lesson.history-limit-reached}: the history is read whole).
     *
     * @param earlierStatements how many earlier statements the lesson keeps already
     */
    public void revise(String newStatement, String newRationale, Set<DealId> newSourceDealIds,
                       Set<ReasonCategory> newCategories, LessonScope newScope, Instant now, int earlierStatements) {
        String before = statement;
        String after = Text.required(newStatement, STATEMENT_MAX, "statement");
        if (!after.equals(before) && earlierStatements + newStatementChanges.size() >= MAX_EARLIER_STATEMENTS) {
            throw new StateConflict("lesson.history-limit-reached", "This lesson has been reworded " + MAX_EARLIER_STATEMENTS
                    + " times, as often as its history keeps: propose a new lesson instead, and retire this one");
        }
        apply(newStatement, newRationale, newSourceDealIds, newCategories, newScope);
        if (!statement.equals(before)) {
            newStatementChanges.add(new StatementChange(Ids.newId(), before, now));
        }
        updatedAt = now;
    }

    private void apply(String newStatement, String newRationale, Set<DealId> newSourceDealIds,
                       Set<ReasonCategory> newCategories, LessonScope newScope) {
        String text = Text.required(newStatement, STATEMENT_MAX, "statement");
        PositivePhrasing.require(text, "statement");
        if (newSourceDealIds == null || newSourceDealIds.isEmpty()) {
            throw new RuleViolation("lesson.source-deal-required",
                    "A lesson cites at least one deal it came from", "sourceDealIds");
        }
        if (newSourceDealIds.size() > MAX_SOURCE_DEALS) {
            throw new RuleViolation("lesson.too-many-source-deals",
                    "A lesson cites at most " + MAX_SOURCE_DEALS + " deals", "sourceDealIds");
        }
        this.statement = text;
        this.rationale = Text.optional(newRationale, RATIONALE_MAX, "rationale");
        this.sourceDealIds = Set.copyOf(newSourceDealIds);
        this.categories = newCategories == null ? Set.of() : Set.copyOf(newCategories);
        this.scope = newScope == null ? LessonScope.EVERYWHERE : newScope;
    }

    public void adopt(Instant now) {
        moveTo(LessonStatus.ADOPTED, now);
    }

    public void retire(Instant now) {
        moveTo(LessonStatus.RETIRED, now);
    }

    private void moveTo(LessonStatus next, Instant now) {
        if (!status.mayBecome(next)) {
            throw new StateConflict("lesson.invalid-transition",
                    "A " + status + " lesson can't become " + next + " (PROPOSED → ADOPTED → RETIRED, RETIRED → ADOPTED)");
        }
        status = next;
        updatedAt = now;
    }

    /** Statements replaced since this lesson was loaded, for the repository to append to the history. */
    public List<StatementChange> newStatementChanges() {
        return List.copyOf(newStatementChanges);
    }

    public UUID id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public String statement() { return statement; }
    public String rationale() { return rationale; }
    public Set<DealId> sourceDealIds() { return sourceDealIds; }
    public Set<ReasonCategory> categories() { return categories; }
    public LessonScope scope() { return scope; }
    public LessonStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
    /** How many members endorse it (read with the lesson; endorsements are rows of their own). */
    public long endorsements() { return endorsements; }
}
