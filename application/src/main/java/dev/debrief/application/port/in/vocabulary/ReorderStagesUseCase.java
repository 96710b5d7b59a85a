package dev.debrief.application.port.in.vocabulary;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.List;

public interface ReorderStagesUseCase {

    /** Puts the pipeline stages in the given order; the list names every stage of the workspace exactly once. */
    List<VocabularyEntry> reorder(Access access, List<VocabularyEntryId> order);
}
