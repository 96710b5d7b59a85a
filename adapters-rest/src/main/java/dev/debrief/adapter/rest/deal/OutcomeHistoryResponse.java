package dev.debrief.adapter.rest.deal;

import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.OutcomeChange;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "OutcomeHistory", description = "A page of a deal's outcome history, oldest first")
public record OutcomeHistoryResponse(
        @Schema(maxItems = DealQueries.MAX_HISTORY_PAGE) List<Entry> items,
        @Schema(nullable = true, maxLength = MAX_CURSOR, description = "Pass as `cursor` for the next page; null on the last page")
        String nextCursor) {

    /** A history cursor is about 110 characters (base64 of a time and an id). */
    static final int MAX_CURSOR = 200;

    /** What an entry of the history records; the domain's {@link OutcomeChange.Kind}, named for the contract. */
    @Schema(name = "OutcomeChangeKind", description = "CLOSED (with the outcome and its date) or REOPENED")
    public enum Kind {
        CLOSED, REOPENED;

        static Kind of(OutcomeChange.Kind kind) {
            return valueOf(kind.name());
        }
    }

    @Schema(name = "OutcomeChange")
    public record Entry(
            UUID id,
            @Schema(examples = "CLOSED") Kind kind,
            @Schema(description = "The outcome the deal had after this change (OPEN after a reopen)", examples = "LOST") Outcome outcome,
            @Schema(nullable = true, description = "The closed date of a close; null for a reopen", examples = "2026-11-20") LocalDate closedOn,
            @Schema(examples = "2026-11-20T16:02:11Z") Instant occurredAt,
            @Schema(nullable = true, description = "For a LOST close: the analysis it carried, as it last stood; null otherwise")
            LossAnalysisResponse lossAnalysis) {
    }

    static OutcomeHistoryResponse from(DealQueries.HistoryPage page) {
        return new OutcomeHistoryResponse(page.items().stream().map(h -> new Entry(h.change().id(), Kind.of(h.change().kind()),
                h.change().outcome(), h.change().closedOn(), h.change().occurredAt(),
                LossAnalysisResponse.from(h.analysis()))).toList(), page.nextCursor());
    }
}
