package dev.debrief.application.port.in.vocabulary;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyKind;

public interface AddVocabularyEntryUseCase {

    /** Adds an entry at the end of its vocabulary; {@code code} may be null (derived from the name). */
    VocabularyEntry add(Access access, VocabularyKind kind, String code, String name);
}
