package dev.debrief.adapter.rest.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.RiskTag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A deal as read: the request fields, plus what the server owns (id, outcome, analysis, timestamps, version). */
@Schema(name = "Deal")
public record DealResponse(
        @Schema(examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
        UUID workspaceId,
        @Schema(maxLength = 200, examples = "Acme Corp platform renewal") String name,
        @Schema(nullable = true, maxLength = 200, examples = "Acme Corp") String account,
        @Schema(nullable = true) DealRequest.Owner owner,
        @Schema(nullable = true) UUID teamId,
        @Schema(nullable = true) DealRequest.Amount amount,
        @Schema(nullable = true) UUID stageId,
        @Schema(nullable = true) UUID segmentId,
        @Schema(nullable = true) UUID personaId,
        @Schema(nullable = true) UUID leadSourceId,
        @Schema(nullable = true, examples = "2026-03-02") LocalDate pitchedAt,
        @Schema(nullable = true, minimum = "1", maximum = "120", examples = "12") Integer pitchedTermMonths,
        @Schema(maxItems = 3, description = "In declaration order; empty when none") List<RiskTag> riskTags,
        @Schema(examples = "Globex", nullable = true, maxLength = 200) String competitor,
        @Schema(nullable = true) DealRequest.ExternalRef externalReference,
        @Schema(examples = "LOST") Outcome outcome,
        @Schema(examples = "2026-11-20", nullable = true, description = "Null while the deal is OPEN") LocalDate closedOn,
        @Schema(nullable = true, description = "The current loss analysis; null unless the deal is LOST") LossAnalysisResponse lossAnalysis,
        @Schema(examples = "2026-11-02T10:00:00Z") Instant createdAt,
        @Schema(examples = "2026-11-20T16:02:11Z") Instant updatedAt,
        @Schema(description = "Also the ETag: send it back in If-Match to write", minimum = "0", maximum = "9223372036854775807",
                examples = "2") long version,
        @Schema(maxItems = TriageValue.MAX, description = "Partner values that matched nothing in Debrief, one per field at most: the field is empty "
                + "until a mapping or a person fills it. A PENDING_TRIAGE analysis waits for triage too (see lossAnalysis.status)")
        List<TriageValue> triage,
        @Schema(nullable = true, description = "The lost deal this one wins back: it was opened by a check-in completed as REOPENED")
        UUID winBackOf,
        @Schema(maxItems = DealResponse.MAX_WIN_BACKS, description = "The win-back deals opened from this lost deal, oldest first (the first "
                + DealResponse.MAX_WIN_BACKS + ")")
        List<UUID> winBacks) {

    /** The most win-backs a deal lists (each takes a LOST close, a check-in months later and a reopen). */
    public static final int MAX_WIN_BACKS = 20;

    @Schema(name = "TriageValue")
    public record TriageValue(@Schema(examples = "OWNER") dev.debrief.domain.deal.TriageField field,
                              @Schema(description = "What the partner sent, verbatim (its first 320 characters)", maxLength = 320,
                                      examples = "jdoe@crm.example") String partnerValue) {

        /** One per triage field at most. */
        public static final int MAX = 7;
    }

    public static DealResponse from(Deal deal) {
        return from(deal, List.of());
    }

    public static DealResponse from(Deal deal, List<dev.debrief.domain.deal.DealId> winBacks) {
        DealRequest r = DealRequest.from(deal.details());
        DealRequest.Owner owner = deal.details().owner() == null ? null
                : new DealRequest.Owner(deal.details().owner().id(), deal.details().owner().displayName());
        return new DealResponse(deal.id().value(), deal.workspaceId().value(), r.name(), r.account(), owner,
                r.teamId(), r.amount(), r.stageId(), r.segmentId(), r.personaId(), r.leadSourceId(), r.pitchedAt(),
                r.pitchedTermMonths(), r.riskTags(), r.competitor(), r.externalReference(), deal.outcome(),
                deal.closedOn(), LossAnalysisResponse.from(deal.lossAnalysis()), deal.createdAt(), deal.updatedAt(),
                deal.version(), deal.partnerSync() == null ? List.of() : deal.partnerSync().unresolved().entrySet().stream()
                        .sorted(java.util.Map.Entry.comparingByKey())
                        .map(e -> new TriageValue(e.getKey(), e.getValue())).toList(),
                deal.winBackOf() == null ? null : deal.winBackOf().value(),
                winBacks.stream().limit(MAX_WIN_BACKS).map(dev.debrief.domain.deal.DealId::value).toList());
    }

    @Schema(name = "DealPage")
    public record Page(@Schema(maxItems = DealResource.MAX_LIMIT) List<DealResponse> items,
                       @Schema(nullable = true, maxLength = DealResource.MAX_CURSOR,
                               description = "Pass as `cursor` with the same filters and sort for the next page; null on the last page")
                       String nextCursor) {
    }
}
