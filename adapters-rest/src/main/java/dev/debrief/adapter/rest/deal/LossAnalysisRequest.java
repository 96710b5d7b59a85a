package dev.debrief.adapter.rest.deal;

import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.deal.ReasonInput;
import dev.debrief.domain.taxonomy.LossReasonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A loss analysis as a member writes it. Which parts are required is a business rule, answered
 * with 422 and a {@code loss-analysis.*} code; only shapes and lengths are checked here.
 */
@Schema(name = "LossAnalysisRequest")
public record LossAnalysisRequest(
        @Valid @Schema(description = "Required: the main reason the deal was lost") Reason primaryReason,
        @Size(max = 20) List<@Valid @NotNull Reason> contributingReasons,
        @Schema(description = "Required: the pipeline stage the deal was lost at") UUID stageLostAtId,
        @Schema(description = "Required: was the prospect a good fit? WRONG_PROSPECT is a valid finding", examples = "GOOD_FIT") Fit fit,
        @Size(max = 200) @Schema(description = "Required when a reason is in the COMPETITION category", examples = "Globex") String competitor,
        @Size(max = 10000) @Schema(examples = "The buyer's CFO joined late and reopened the price.") String whatHappened,
        @Size(max = 10000) @Schema(examples = "Reach the CFO in discovery and lead with the ROI case.") String whatWeWouldDoDifferently) {

    @Schema(name = "AnalysedReason")
    public record Reason(
            @NotNull @Schema(description = "A loss reason of the workspace's taxonomy") UUID reasonId,
            @Schema(description = "Was it in our control? Defaults from the reason (YES: true, NO: false); required when the reason's default is PARTLY", examples = "true")
            Boolean controllable,
            @Size(max = 2000) @Schema(examples = "Took three days to send the revised quote.") String note) {

        ReasonInput toInput() {
            return new ReasonInput(new LossReasonId(reasonId), controllable, note);
        }
    }

    LossAnalysisDraft toDraft() {
        return new LossAnalysisDraft(primaryReason == null ? null : primaryReason.toInput(),
                contributingReasons == null ? List.of() : contributingReasons.stream().map(Reason::toInput).toList(),
                DealRequest.entry(stageLostAtId), fit, competitor, whatHappened, whatWeWouldDoDifferently);
    }
}
