package dev.debrief.adapter.rest.vocabulary;

import dev.debrief.domain.vocabulary.Codes;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "VocabularyEntry")
public record VocabularyEntryResponse(
        @Schema(examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
        @Schema(examples = "DISCOVERY", maxLength = Codes.MAX) String code,
        @Schema(examples = "Discovery", maxLength = VocabularyEntry.NAME_MAX) String name,
        @Schema(description = "1-based position; meaningful for pipeline stages", examples = "2", minimum = "1",
                maximum = "200") int position,
        @Schema(examples = "false") boolean archived) {

    static VocabularyEntryResponse from(VocabularyEntry e) {
        return new VocabularyEntryResponse(e.id().value(), e.code(), e.name(), e.position(), e.archived());
    }

    @Schema(name = "VocabularyEntryList")
    public record ListResponse(@Schema(maxItems = VocabularyEntry.MAX_PER_VOCABULARY) List<VocabularyEntryResponse> items) {
    }
}
