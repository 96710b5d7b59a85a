package dev.debrief.application.port.out.vocabulary;

import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.Optional;

public interface VocabularyRepository {

    /**
     * Inserts or updates an entry. Codes and names (case-insensitive) are unique per workspace and
     * kind: a clash throws {@link dev.debrief.domain.shared.StateConflict} with code
     * {@code vocabulary.code-taken} or {@code vocabulary.name-taken}.
     */
    VocabularyEntry save(VocabularyEntry entry);

    Optional<VocabularyEntry> findById(WorkspaceId workspaceId, VocabularyEntryId id);

    /** Entries of one kind, by position then name. */
    List<VocabularyEntry> list(WorkspaceId workspaceId, VocabularyKind kind);
}
