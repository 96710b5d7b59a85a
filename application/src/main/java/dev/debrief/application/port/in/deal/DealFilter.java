package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.time.LocalDate;
import java.util.UUID;

/** Deal list filters; every one is optional and they combine with AND. {@code q} matches name or account, case-insensitively;
 * {@code triage} true keeps the deals waiting for triage, false the others. */
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
        String q,
        Boolean triage) {

    public static DealFilter none() {
        return new DealFilter(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether a deal waits for triage: a partner value that matched nothing, or a PENDING_TRIAGE analysis. */
    public static boolean pendingTriage(dev.debrief.domain.deal.Deal deal) {
        return deal.partnerSync() != null && !deal.partnerSync().unresolved().isEmpty()
                || deal.lossAnalysis() != null
                && deal.lossAnalysis().status() == dev.debrief.domain.deal.AnalysisStatus.PENDING_TRIAGE;
    }
}
