package dev.debrief.adapter.rest.vocabulary;

import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A JSON merge patch (RFC 7396) of a vocabulary entry: what is left out stays as it is; nothing can be cleared. */
@Schema(name = "VocabularyEntryPatch", description = "Send only what changes; nothing can be cleared with null. The code never changes.")
public record VocabularyEntryPatch(
        @Size(max = VocabularyEntry.NAME_MAX) @Pattern(regexp = MergePatch.NOT_BLANK, message = "must not be blank")
        @Schema(pattern = MergePatch.CONTAINS_NON_BLANK, examples = "Mid market") String name,
        @Schema(description = "true archives (no longer assignable to deals, still valid where used); false restores", examples = "true") Boolean archived) {
}
