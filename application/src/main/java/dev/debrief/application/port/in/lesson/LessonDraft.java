package dev.debrief.application.port.in.lesson;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.taxonomy.ReasonCategory;

import java.util.List;
import java.util.Set;

/** What a lesson says, as a client writes it; the source deals in the order given (for field names). */
public record LessonDraft(String statement, String rationale, List<DealId> sourceDealIds,
                         Set<ReasonCategory> categories, LessonScope scope) {

    public LessonDraft {
        sourceDealIds = sourceDealIds == null ? List.of() : List.copyOf(sourceDealIds);
        categories = categories == null ? Set.of() : Set.copyOf(categories);
        scope = scope == null ? LessonScope.EVERYWHERE : scope;
    }
}
