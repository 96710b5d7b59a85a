package dev.debrief.domain.deal;

import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.List;

/**
 * A loss analysis as a partner pushes it: reasons from the workspace's taxonomy (the first is the
 * primary one), the partner's own reason text, and what else the CRM knows. Debrief turns it into a
 * COMPLETE analysis when the loss rules hold, or a PENDING_TRIAGE one when they don't.
 */
public record PartnerAnalysis(List<LossReasonId> reasonIds, String reasonText, VocabularyEntryId stageLostAtId,
                              Fit fit, String competitor, String whatHappened) {

    public static final PartnerAnalysis NONE = new PartnerAnalysis(List.of(), null, null, null, null, null);

    public PartnerAnalysis {
        reasonIds = reasonIds == null ? List.of() : List.copyOf(reasonIds);
    }
}
