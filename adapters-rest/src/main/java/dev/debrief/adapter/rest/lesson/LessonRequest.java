package dev.debrief.adapter.rest.lesson;

import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a new lesson says. */
@Schema(name = "LessonRequest")
public record LessonRequest(
        @NotBlank @Size(max = 500) @Schema(description = "Something to do, phrased as a do: 'Don't…', 'Never…', 'Avoid…' and the like are refused (phrasing.prohibition)",
                examples = "Send the revised quote the same day") String statement,
        @Size(max = 5000) @Schema(examples = "Two deals went quiet while we took three days to re-quote") String rationale,
        @NotEmpty @Size(max = 50) @Schema(description = "The deals of this workspace it came from (at least one)", type = SchemaType.ARRAY,
                implementation = UUID.class, minItems = 1, maxItems = 50) List<@NotNull UUID> sourceDealIds,
        @Size(max = 11) @Schema(description = "The reason categories it addresses", examples = "[\"RESPONSIVENESS\"]") List<@NotNull ReasonCategory> categories,
        @Size(max = 50) @Schema(description = "Segments where it applies; empty: all", type = SchemaType.ARRAY, implementation = UUID.class,
                maxItems = 50) List<@NotNull UUID> segmentIds,
        @Size(max = 50) @Schema(description = "Pipeline stages where it applies; empty: all", type = SchemaType.ARRAY, implementation = UUID.class,
                maxItems = 50) List<@NotNull UUID> stageIds,
        @Size(max = 50) @Schema(description = "Personas where it applies; empty: all", type = SchemaType.ARRAY, implementation = UUID.class,
                maxItems = 50) List<@NotNull UUID> personaIds) {

    LessonDraft toDraft() {
        return new LessonDraft(statement, rationale,
                sourceDealIds == null ? List.of() : sourceDealIds.stream().map(DealId::new).toList(),
                categories == null ? Set.of() : Set.copyOf(categories),
                new LessonScope(entries(segmentIds), entries(stageIds), entries(personaIds)));
    }

    static LessonRequest from(LessonDraft d) {
        return new LessonRequest(d.statement(), d.rationale(), d.sourceDealIds().stream().map(DealId::value).toList(),
                d.categories().stream().sorted().toList(), ids(d.scope().segmentIds()), ids(d.scope().stageIds()),
                ids(d.scope().personaIds()));
    }

    static LessonRequest from(Lesson l) {
        return new LessonRequest(l.statement(), l.rationale(),
                l.sourceDealIds().stream().map(DealId::value).sorted().toList(),
                l.categories().stream().sorted().toList(), ids(l.scope().segmentIds()), ids(l.scope().stageIds()),
                ids(l.scope().personaIds()));
    }

    private static Set<VocabularyEntryId> entries(List<UUID> ids) {
        return ids == null ? Set.of() : ids.stream().map(VocabularyEntryId::new).collect(Collectors.toSet());
    }

    static List<UUID> ids(Collection<VocabularyEntryId> ids) {
        return ids.stream().map(VocabularyEntryId::value).sorted().toList();
    }
}
