package dev.debrief.domain.taxonomy;

import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.vocabulary.Codes;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Objects;

/** One reason of a workspace's loss-reason taxonomy. Its code never changes; archived reasons stay valid on old analyses. */
public final class LossReason {

    public static final int NAME_MAX = 200;
    /** Reasons a workspace's taxonomy holds at most, archived ones included: it is listed whole, never paged. */
    public static final int MAX_PER_WORKSPACE = 100;

    private final LossReasonId id;
    private final WorkspaceId workspaceId;
    private final String code;
    private String name;
    private ReasonCategory category;
    private Controllability defaultControllability;
    private boolean archived;

    private LossReason(LossReasonId id, WorkspaceId workspaceId, String code, String name, ReasonCategory category,
                       Controllability defaultControllability, boolean archived) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.code = Objects.requireNonNull(code);
        this.name = name;
        this.category = category;
        this.defaultControllability = defaultControllability;
        this.archived = archived;
    }

    public static LossReason create(WorkspaceId workspaceId, String code, String name, ReasonCategory category,
                                    Controllability defaultControllability) {
        String checkedName = Text.required(name, NAME_MAX, "name");
        return new LossReason(LossReasonId.newId(), workspaceId, Codes.codeOrDerived(code, checkedName, "code"),
                checkedName, required(category, "category"), required(defaultControllability, "defaultControllability"),
                false);
    }

    /**
     * Refuses a new reason when the taxonomy is full ({@code loss-reason.limit-reached}).
     *
     * @param reasons how many reasons the workspace has already, archived ones included
     */
    public static void requireRoom(int reasons) {
        if (reasons >= MAX_PER_WORKSPACE) {
            throw new StateConflict("loss-reason.limit-reached", "This workspace has " + reasons
                    + " loss reasons, archived ones included; a taxonomy holds at most " + MAX_PER_WORKSPACE
                    + ": rename, recategorise or restore one instead");
        }
    }

    public static LossReason rehydrate(LossReasonId id, WorkspaceId workspaceId, String code, String name,
                                       ReasonCategory category, Controllability defaultControllability,
                                       boolean archived) {
        return new LossReason(id, workspaceId, code, name, category, defaultControllability, archived);
    }

    public void revise(String newName, ReasonCategory newCategory, Controllability newDefault) {
        String checkedName = Text.required(newName, NAME_MAX, "name");
        ReasonCategory checkedCategory = required(newCategory, "category");
        Controllability checkedDefault = required(newDefault, "defaultControllability");
        this.name = checkedName;
        this.category = checkedCategory;
        this.defaultControllability = checkedDefault;
    }

    public void archive() {
        this.archived = true;
    }

    public void restore() {
        this.archived = false;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new RuleViolation("value.required", field + " is required", field);
        }
        return value;
    }

    public LossReasonId id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public String code() { return code; }
    public String name() { return name; }
    public ReasonCategory category() { return category; }
    public Controllability defaultControllability() { return defaultControllability; }
    public boolean archived() { return archived; }
}
