package dev.debrief.adapter.rest.vocabulary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VocabularyEntryChange", description = "Omitted fields stay as they are. The code never changes.")
public record VocabularyEntryChangeRequest(
        @Size(min = 1, max = 100) @Schema(examples = "Mid market") String name,
        @Schema(description = "true archives (no longer assignable to deals, still valid where used); false restores", examples = "true") Boolean archived) {
}
