package dev.debrief.domain.deal;

import dev.debrief.domain.vocabulary.VocabularyEntryId;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a member submits as the analysis of a loss, before the rules have looked at it. */
public record LossAnalysisDraft(
        ReasonInput primaryReason,
        List<ReasonInput> contributingReasons,
        VocabularyEntryId stageLostAtId,
        Fit fit,
        String competitor,
        String whatHappened,
        String whatWeWouldDoDifferently) {

    public LossAnalysisDraft {
        // Not List.copyOf: it throws on a null entry, and LossAnalysis reports that entry as value.required.
        contributingReasons = contributingReasons == null ? List.of()
                : Collections.unmodifiableList(new ArrayList<>(contributingReasons));
    }
}
