package dev.debrief.application.port.in.vocabulary;

import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;

public interface VocabularyQueries {

    List<VocabularyEntry> list(WorkspaceId workspaceId, VocabularyKind kind, boolean includeArchived);
}
