package dev.debrief.application.port.in.lesson;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonStatus;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.List;
import java.util.UUID;

public interface LessonQueries {

    Lesson get(WorkspaceId workspaceId, UUID lessonId);

    /** Keyset pages: sorted by endorsements (most first) or by recency (newest first), ties by id. */
    LessonPage list(WorkspaceId workspaceId, LessonFilter filter, boolean byEndorsements, String cursor, int limit);

    List<Lesson.StatementChange> history(WorkspaceId workspaceId, UUID lessonId);

    /**
     * All optional, combined with AND. Segment, stage and persona select the lessons that apply there
     * (their scope of that kind is empty or holds it); {@code q} is a case-insensitive substring of the
     * statement or the rationale.
     */
    record LessonFilter(LessonStatus status, ReasonCategory category, VocabularyEntryId segmentId,
                        VocabularyEntryId stageId, VocabularyEntryId personaId, DealId dealId, String q) {
    }

    record LessonPage(List<Lesson> items, String nextCursor) {
    }
}
