package dev.debrief.domain.lesson;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.Set;

/**
 * Whether a lesson applies to a deal: each of its non-empty scopes (segments, stages, personas)
 * contains the deal's value; a deal without a value in a scoped dimension is outside it. The action
 * plan and the brief before a call reuse this.
 */
public final class Applicability {

    private Applicability() {
    }

    public static boolean appliesTo(LessonScope scope, Deal deal) {
        return appliesTo(scope, deal.details().segmentId(), deal.details().stageId(), deal.details().personaId());
    }

    /** The same rule on a deal's segment, stage and persona (each may be null), for read models without the aggregate. */
    public static boolean appliesTo(LessonScope scope, VocabularyEntryId segmentId, VocabularyEntryId stageId,
                                    VocabularyEntryId personaId) {
        return within(scope.segmentIds(), segmentId)
                && within(scope.stageIds(), stageId)
                && within(scope.personaIds(), personaId);
    }

    private static boolean within(Set<VocabularyEntryId> scope, VocabularyEntryId value) {
        return scope.isEmpty() || value != null && scope.contains(value);
    }
}
