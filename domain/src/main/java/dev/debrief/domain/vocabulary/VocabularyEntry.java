package dev.debrief.domain.vocabulary;

import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Objects;

/**
 * One value of a workspace vocabulary: a pipeline stage, segment, persona, lead source or team.
 * The code never changes (integrations key on it); the name may. Archived entries can't be given
 * to a deal anew but stay valid where they are already used.
 */
public final class VocabularyEntry {

    public static final int NAME_MAX = 100;
    /** Entries one vocabulary holds at most, archived ones included: a vocabulary is listed whole, never paged. */
    public static final int MAX_PER_VOCABULARY = 200;

    private final VocabularyEntryId id;
    private final WorkspaceId workspaceId;
    private final VocabularyKind kind;
    private final String code;
    private String name;
    private int position;
    private boolean archived;

    private VocabularyEntry(VocabularyEntryId id, WorkspaceId workspaceId, VocabularyKind kind, String code,
                            String name, int position, boolean archived) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.kind = Objects.requireNonNull(kind);
        this.code = Objects.requireNonNull(code);
        this.name = name;
        this.position = position;
        this.archived = archived;
    }

    public static VocabularyEntry create(WorkspaceId workspaceId, VocabularyKind kind, String code, String name,
                                         int position) {
        String checkedName = Text.required(name, NAME_MAX, "name");
        return new VocabularyEntry(VocabularyEntryId.newId(), workspaceId, kind,
                Codes.codeOrDerived(code, checkedName, "code"), checkedName, position, false);
    }

    /**
     * Refuses a new entry when the vocabulary is full ({@code vocabulary.limit-reached}).
     *
     * @param entries how many entries the vocabulary holds already, archived ones included
     */
    public static void requireRoom(VocabularyKind kind, int entries) {
        if (entries >= MAX_PER_VOCABULARY) {
            throw new StateConflict("vocabulary.limit-reached", "This workspace has " + entries + " " + kind.label()
                    + " entries, archived ones included; a vocabulary holds at most " + MAX_PER_VOCABULARY
                    + ": rename or restore one instead");
        }
    }

    public static VocabularyEntry rehydrate(VocabularyEntryId id, WorkspaceId workspaceId, VocabularyKind kind,
                                            String code, String name, int position, boolean archived) {
        return new VocabularyEntry(id, workspaceId, kind, code, name, position, archived);
    }

    public void rename(String newName) {
        this.name = Text.required(newName, NAME_MAX, "name");
    }

    public void archive() {
        this.archived = true;
    }

    public void restore() {
        this.archived = false;
    }

    public void moveTo(int newPosition) {
        this.position = newPosition;
    }

    /**
     * Checks that this entry may be newly given to a deal field that takes {@code expected}.
     * {@code alreadyHeld} is true when the field already holds this entry (archived values stay valid).
     */
    public void requireAssignable(VocabularyKind expected, boolean alreadyHeld, String field) {
        if (kind != expected) {
            throw new RuleViolation("vocabulary.wrong-kind",
                    field + " must be a " + expected.label() + ", but " + id + " is a " + kind.label(), field);
        }
        if (archived && !alreadyHeld) {
            throw new RuleViolation("vocabulary.archived",
                    field + " refers to the archived " + kind.label() + " '" + name + "'", field);
        }
    }

    public VocabularyEntryId id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public VocabularyKind kind() { return kind; }
    public String code() { return code; }
    public String name() { return name; }
    public int position() { return position; }
    public boolean archived() { return archived; }
}
