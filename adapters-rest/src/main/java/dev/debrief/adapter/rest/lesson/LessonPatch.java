package dev.debrief.adapter.rest.lesson;

import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A JSON merge patch (RFC 7396) of a lesson: what is left out stays as it is; {@code null} clears the rationale
 * and the lists that may be empty, and is 400 body.not-clearable for the statement and the source deals. It is
 * also the shape the patch is applied to.
 */
@Schema(name = "LessonPatch", description = "Send only what changes; null clears the rationale, the categories and the scope lists (empty: everywhere).")
public record LessonPatch(
        @Size(max = 500) @Pattern(regexp = MergePatch.NOT_BLANK, message = "must not be blank")
        @Schema(description = "Something to do, phrased as a do (phrasing.prohibition); the one it replaces stays in the history",
                pattern = MergePatch.CONTAINS_NON_BLANK, examples = "Send the revised quote the same day") String statement,
        @Size(max = 5000) @Schema(nullable = true, examples = "Two deals went quiet while we took three days to re-quote") String rationale,
        @Size(min = 1, max = 50) @Schema(description = "The deals of this workspace it came from (at least one)", type = SchemaType.ARRAY,
                implementation = UUID.class, minItems = 1, maxItems = 50) List<@NotNull UUID> sourceDealIds,
        @Size(max = 11) @Schema(description = "The reason categories it addresses", nullable = true, examples = "[\"RESPONSIVENESS\"]")
        List<@NotNull ReasonCategory> categories,
        @Size(max = 50) @Schema(description = "Segments where it applies; empty or null: all", nullable = true, type = SchemaType.ARRAY,
                implementation = UUID.class, maxItems = 50) List<@NotNull UUID> segmentIds,
        @Size(max = 50) @Schema(description = "Pipeline stages where it applies; empty or null: all", nullable = true, type = SchemaType.ARRAY,
                implementation = UUID.class, maxItems = 50) List<@NotNull UUID> stageIds,
        @Size(max = 50) @Schema(description = "Personas where it applies; empty or null: all", nullable = true, type = SchemaType.ARRAY,
                implementation = UUID.class, maxItems = 50) List<@NotNull UUID> personaIds) {

    static LessonPatch from(LessonDraft d) {
        LessonRequest r = LessonRequest.from(d);
        return new LessonPatch(r.statement(), r.rationale(), r.sourceDealIds(), r.categories(), r.segmentIds(), r.stageIds(),
                r.personaIds());
    }

    LessonDraft toDraft() {
        return new LessonDraft(statement, rationale,
                sourceDealIds == null ? List.of() : sourceDealIds.stream().map(DealId::new).toList(),
                categories == null ? Set.of() : Set.copyOf(categories),
                new LessonScope(entries(segmentIds), entries(stageIds), entries(personaIds)));
    }

    private static Set<VocabularyEntryId> entries(List<UUID> ids) {
        return ids == null ? Set.of() : ids.stream().map(VocabularyEntryId::new).collect(Collectors.toSet());
    }
}
