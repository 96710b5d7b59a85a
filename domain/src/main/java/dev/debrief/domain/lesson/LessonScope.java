package dev.debrief.domain.lesson;

import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.Set;

/** Where a lesson applies: segments, stages and personas; an empty set means everywhere for that dimension. */
public record LessonScope(Set<VocabularyEntryId> segmentIds, Set<VocabularyEntryId> stageIds,
                          Set<VocabularyEntryId> personaIds) {

    public static final LessonScope EVERYWHERE = new LessonScope(Set.of(), Set.of(), Set.of());

    public LessonScope {
        segmentIds = segmentIds == null ? Set.of() : Set.copyOf(segmentIds);
        stageIds = stageIds == null ? Set.of() : Set.copyOf(stageIds);
        personaIds = personaIds == null ? Set.of() : Set.copyOf(personaIds);
    }
}
