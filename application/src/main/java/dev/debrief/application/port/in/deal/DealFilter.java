package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.time.LocalDate;
import java.util.UUID;

/** Deal list filters; every one is optional and they combine with AND. {@code q} matches name or account, case-insensitively. */
public record DealFilter(
        Outcome outcome,
        UUID ownerId,
        VocabularyEntryId teamId,
        VocabularyEntryId stageId,
        VocabularyEntryId segmentId,
        VocabularyEntryId personaId,
        VocabularyEntryId leadSourceId,
        LocalDate closedFrom,
        LocalDate closedTo,
        String q) {

    public static DealFilter none() {
        return new DealFilter(null, null, null, null, null, null, null, null, null, null);
    }
}
