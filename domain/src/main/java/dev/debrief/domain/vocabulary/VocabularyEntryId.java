package dev.debrief.domain.vocabulary;

import dev.debrief.domain.shared.Ids;

import java.util.Objects;
import java.util.UUID;

public record VocabularyEntryId(UUID value) {

    public VocabularyEntryId {
        Objects.requireNonNull(value, "vocabulary entry id");
    }

    public static VocabularyEntryId newId() {
        return new VocabularyEntryId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
