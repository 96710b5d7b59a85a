package dev.debrief.application.port.in.vocabulary;

import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;

public interface ChangeVocabularyEntryUseCase {

    /** Renames and/or archives (true) or restores (false) an entry; null leaves that part as it is. */
    VocabularyEntry change(WorkspaceId workspaceId, VocabularyKind kind, VocabularyEntryId id, String name,
                           Boolean archived);
}
