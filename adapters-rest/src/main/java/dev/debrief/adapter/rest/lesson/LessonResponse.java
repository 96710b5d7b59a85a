package dev.debrief.adapter.rest.lesson;

import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonStatus;
import dev.debrief.domain.taxonomy.ReasonCategory;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Lesson")
public record LessonResponse(
        UUID id,
        @Schema(examples = "Send the revised quote the same day", maxLength = Lesson.STATEMENT_MAX) String statement,
        @Schema(maxLength = Lesson.RATIONALE_MAX, nullable = true) String rationale,
        @Schema(type = SchemaType.ARRAY, implementation = UUID.class, minItems = 1, maxItems = 50) List<UUID> sourceDealIds,
        @Schema(maxItems = 11) List<ReasonCategory> categories,
        @Schema(description = "Empty: all", type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 50) List<UUID> segmentIds,
        @Schema(description = "Empty: all", type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 50) List<UUID> stageIds,
        @Schema(description = "Empty: all", type = SchemaType.ARRAY, implementation = UUID.class, maxItems = 50) List<UUID> personaIds,
        @Schema(examples = "ADOPTED") LessonStatus status,
        @Schema(description = "How many members endorse it", examples = "4", minimum = "0", maximum = "9223372036854775807") long endorsements,
        @Schema(examples = "2026-11-20T16:02:11Z") Instant createdAt,
        @Schema(examples = "2026-11-21T08:30:00Z") Instant updatedAt,
        @Schema(description = "Also the ETag: send it back in If-Match to write", examples = "1", minimum = "0", maximum = "9223372036854775807") long version) {

    static LessonResponse from(Lesson l) {
        LessonRequest r = LessonRequest.from(l);
        return new LessonResponse(l.id(), l.statement(), l.rationale(), r.sourceDealIds(), r.categories(),
                r.segmentIds(), r.stageIds(), r.personaIds(), l.status(), l.endorsements(), l.createdAt(),
                l.updatedAt(), l.version());
    }

    @Schema(name = "LessonPage")
    public record Page(@Schema(maxItems = 100) List<LessonResponse> items,
                       @Schema(description = "Pass as `cursor` with the same filters and sort for the next page; null on the last page",
                               maxLength = LessonResource.CURSOR_MAX_LENGTH, nullable = true)
                       String nextCursor) {
    }

    @Schema(name = "LessonStatementChange")
    public record Change(UUID id, @Schema(description = "The statement as it was until replacedAt", maxLength = Lesson.STATEMENT_MAX) String statement,
                         Instant replacedAt) {
        static Change from(Lesson.StatementChange c) {
            return new Change(c.id(), c.statement(), c.replacedAt());
        }
    }

    @Schema(name = "LessonHistory")
    public record History(@Schema(description = "Earlier statements, oldest first; a lesson keeps at most 100 (lesson.history-limit-reached)",
            maxItems = Lesson.MAX_EARLIER_STATEMENTS) List<Change> items) {
    }
}
