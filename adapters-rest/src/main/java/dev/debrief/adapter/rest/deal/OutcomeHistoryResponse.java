package dev.debrief.adapter.rest.deal;

import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.OutcomeChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "OutcomeHistory")
public record OutcomeHistoryResponse(List<Entry> items) {

    @Schema(name = "OutcomeChange")
    public record Entry(
            UUID id,
            @Schema(examples = "CLOSED") OutcomeChange.Kind kind,
            @Schema(description = "The outcome the deal had after this change", examples = "LOST") Outcome outcome,
            @Schema(examples = "2026-11-20") LocalDate closedOn,
            @Schema(examples = "2026-11-20T16:02:11Z") Instant occurredAt,
            @Schema(description = "For a LOST close: the analysis it carried, as it last stood") LossAnalysisResponse lossAnalysis) {
    }

    static OutcomeHistoryResponse from(List<DealQueries.HistoryEntry> history) {
        return new OutcomeHistoryResponse(history.stream().map(h -> new Entry(h.change().id(), h.change().kind(),
                h.change().outcome(), h.change().closedOn(), h.change().occurredAt(),
                LossAnalysisResponse.from(h.analysis()))).toList());
    }
}
