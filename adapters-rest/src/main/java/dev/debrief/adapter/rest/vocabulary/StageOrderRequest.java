package dev.debrief.adapter.rest.vocabulary;

import dev.debrief.domain.vocabulary.VocabularyEntry;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "StageOrder")
public record StageOrderRequest(
        @NotNull @Size(min = 1, max = VocabularyEntry.MAX_PER_VOCABULARY)
        @Schema(description = "Every pipeline stage id of the workspace, exactly once, in the new order", type = SchemaType.ARRAY,
                implementation = UUID.class, minItems = 1, maxItems = VocabularyEntry.MAX_PER_VOCABULARY)
        List<@NotNull UUID> order) {
}
