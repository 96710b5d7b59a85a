package dev.debrief.adapter.rest.deal;

import dev.debrief.domain.deal.AnalysisSource;
import dev.debrief.domain.deal.AnalysisStatus;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.ReasonAssessment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "LossAnalysis")
public record LossAnalysisResponse(
        UUID id,
        @Schema(description = "COMPLETE, or PENDING_TRIAGE for partner-pushed losses without a usable reason", examples = "COMPLETE") AnalysisStatus status,
        @Schema(nullable = true, description = "Null only while PENDING_TRIAGE") Reason primaryReason,
        @Schema(maxItems = LossAnalysis.MAX_CONTRIBUTING) List<Reason> contributingReasons,
        @Schema(nullable = true, description = "Null only while PENDING_TRIAGE") UUID stageLostAtId,
        @Schema(nullable = true, description = "Null only while PENDING_TRIAGE", examples = "GOOD_FIT") Fit fit,
        @Schema(nullable = true, maxLength = 200, examples = "Globex") String competitor,
        @Schema(nullable = true, maxLength = LossAnalysis.TEXT_MAX) String whatHappened,
        @Schema(nullable = true, maxLength = LossAnalysis.TEXT_MAX) String whatWeWouldDoDifferently,
        @Schema(nullable = true, maxLength = LossAnalysis.TEXT_MAX, description = "The reason text a partner sent, kept verbatim") String partnerReasonText,
        @Schema(description = "Who wrote it last: DEBRIEF (this API, by a member or a key) or PARTNER (ingest). Ingest never overwrites a DEBRIEF analysis", examples = "DEBRIEF") AnalysisSource source,
        @Schema(examples = "2026-11-20T16:02:11Z") Instant createdAt,
        @Schema(examples = "2026-11-21T08:30:00Z") Instant updatedAt) {

    @Schema(name = "AssessedReason")
    public record Reason(UUID reasonId,
                         @Schema(nullable = true, description = "Decided: was it in our control? Null only while the analysis is PENDING_TRIAGE and nobody has decided for a reason that is partly controllable by default") Boolean controllable,
                         @Schema(nullable = true, maxLength = LossAnalysis.NOTE_MAX) String note) {
        static Reason from(ReasonAssessment r) {
            return new Reason(r.reasonId().value(), r.controllable(), r.note());
        }
    }

    static LossAnalysisResponse from(LossAnalysis a) {
        if (a == null) {
            return null;
        }
        return new LossAnalysisResponse(a.id().value(), a.status(),
                a.primaryReason() == null ? null : Reason.from(a.primaryReason()),
                a.contributingReasons().stream().map(Reason::from).toList(),
                DealRequest.uuid(a.stageLostAtId()), a.fit(), a.competitor(), a.whatHappened(),
                a.whatWeWouldDoDifferently(), a.partnerReasonText(), a.source(), a.createdAt(), a.updatedAt());
    }
}
