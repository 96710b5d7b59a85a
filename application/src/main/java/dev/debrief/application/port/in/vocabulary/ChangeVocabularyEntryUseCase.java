package dev.debrief.application.port.in.vocabulary;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;

public interface ChangeVocabularyEntryUseCase {

    /** Renames and/or archives (true) or restores (false) an entry; null leaves that part as it is. */
    VocabularyEntry change(Access access, VocabularyKind kind, VocabularyEntryId id, String name,
                           Boolean archived);
}
