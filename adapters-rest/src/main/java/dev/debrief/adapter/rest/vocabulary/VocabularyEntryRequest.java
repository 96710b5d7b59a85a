package dev.debrief.adapter.rest.vocabulary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "VocabularyEntryRequest")
public record VocabularyEntryRequest(
        @Size(max = 64) @Schema(description = "Immutable UPPER_SNAKE code; derived from the name when omitted", examples = "MID_MARKET") String code,
        @NotBlank @Size(max = 100) @Schema(examples = "Mid-market") String name) {
}
