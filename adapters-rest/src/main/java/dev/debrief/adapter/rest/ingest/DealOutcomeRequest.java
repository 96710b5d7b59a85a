package dev.debrief.adapter.rest.ingest;

import dev.debrief.adapter.rest.deal.DealRequest;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.workspace.Workspace;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A deal's whole state in a partner system at {@code occurredAt}. In a batch each item names its
 * deal with {@code source} and {@code externalId}; in a PUT the path does (the body may repeat them,
 * and must then agree).
 */
@Schema(name = "DealOutcome", description = "A deal's whole state in a partner system at occurredAt. Values Debrief can't resolve (an unknown owner email, stage name...) leave the field empty and are listed in triage.")
public record DealOutcomeRequest(
        @Size(max = 50) @Schema(description = "The partner system; required in a batch", examples = "salesforce") String source,
        @Size(max = 200) @Schema(description = "The deal's id in that system; required in a batch", examples = "0065e00000AbCdE") String externalId,
        @NotNull @Schema(description = "The source system's time of this state: an older (or as old but different) state than the one Debrief holds is stale", examples = "2026-11-20T16:02:11Z") Instant occurredAt,
        @NotBlank @Size(max = 200) @Schema(examples = "Acme Corp platform renewal") String name,
        @Size(max = 200) @Schema(examples = "Acme Corp") String account,
        @Size(max = 320) @Schema(description = "The owner: a member's email (case-insensitive)", examples = "jane@acme-sales.example") String ownerEmail,
        @Valid @Schema(description = "The deal's amount, as in the deal API") DealRequest.Amount amount,
        @Size(max = 100) @Schema(description = "A team, by code or name") String team,
        @Size(max = 100) @Schema(description = "A pipeline stage, by code or name", examples = "Proposal") String stage,
        @Size(max = 100) @Schema(description = "A segment, by code or name", examples = "mid-market") String segment,
        @Size(max = 100) @Schema(description = "A persona, by code or name") String persona,
        @Size(max = 100) @Schema(description = "A lead source, by code or name") String leadSource,
        @Schema(examples = "2026-03-02") LocalDate pitchedAt,
        @Min(1) @Max(120) @Schema(description = "Contract term pitched, in months", examples = "12") Integer pitchedTermMonths,
        @Size(max = 200) @Schema(examples = "Globex") String competitor,
        @NotNull @Schema(examples = "LOST") Outcome outcome,
        @Schema(description = "Required when the outcome is WON, LOST or NO_DECISION", examples = "2026-11-19") LocalDate closedOn,
        @Valid Analysis lossAnalysis,
        @Schema(description = "Calls, emails, meetings and notes on the deal, each with the partner's own id for it: a retry never records "
                + "one twice, and one a person deleted in Debrief is not brought back. At most " + Activity.MAX_PER_PUSH
                + " per item (more: the item is rejected, 422 activity.too-many, even when its state is stale); they are recorded "
                + "even when the state is stale.", maxItems = Activity.MAX_PER_PUSH)
        List<@Valid @NotNull PartnerActivity> activities) {

    @Schema(name = "DealOutcomeActivity", description = "An activity on the item's deal, as the partner has it")
    public record PartnerActivity(
            @NotBlank @Size(max = 200) @Schema(description = "The activity's id in the partner system (with the item's source: unique on the deal)",
                    examples = "00T5e00000XyZaB") String externalId,
            @NotNull @Schema(examples = "EMAIL") ActivityType type,
            @NotNull @Schema(description = "INBOUND: the buyer reached the team; OUTBOUND: the team reached the buyer; INTERNAL: neither",
                    examples = "INBOUND") ActivityDirection direction,
            @NotNull @Schema(description = "When it happened; at most five minutes ahead of Debrief's clock", examples = "2026-11-18T08:40:00Z") Instant occurredAt,
            @Size(max = 320) @Schema(description = "The member who took part, by email like the owner; an email that matches no member leaves the activity without one",
                    examples = "jane@acme-sales.example") String memberEmail,
            @Size(max = Activity.NOTE_MAX) @Schema(examples = "Asked for the revised quote") String note) {
    }

    @Schema(name = "DealOutcomeAnalysis", description = "A LOST deal's analysis. Without a reason code, or when the loss rules don't hold yet, it is accepted as PENDING_TRIAGE.")
    public record Analysis(
            @Size(max = 21) @Schema(description = "Taxonomy codes of the workspace; the first is the primary reason", examples = "[\"PRICE_TOO_HIGH\"]") List<@NotBlank @Size(max = 64) String> reasonCodes,
            @Size(max = 10000) @Schema(description = "The partner's own reason text, kept verbatim", examples = "Price too high") String reasonText,
            @Size(max = 100) @Schema(description = "The stage it was lost at, by code or name", examples = "Proposal") String stageLostAt,
            @Schema(examples = "GOOD_FIT") Fit fit,
            @Size(max = 200) String competitor,
            @Size(max = 10000) String whatHappened) {
    }

    /**
     * The item for the use case. The amount's currency is checked here, as the deal API does, so that its
     * problem names {@code amount.currency}.
     */
    IngestItem toItem(String itemSource, String itemExternalId) {
        if (amount != null) {
            Workspace.currency(amount.currency(), "amount.currency");
        }
        return new IngestItem(itemSource, itemExternalId, occurredAt, name, account, ownerEmail,
                amount == null ? null : amount.value(), amount == null ? null : amount.currency(), team,
                stage, segment, persona, leadSource, pitchedAt, pitchedTermMonths, competitor, outcome, closedOn,
                lossAnalysis == null ? null : new IngestItem.Analysis(lossAnalysis.reasonCodes(), lossAnalysis.reasonText(),
                        lossAnalysis.stageLostAt(), lossAnalysis.fit(), lossAnalysis.competitor(), lossAnalysis.whatHappened()),
                activities == null ? List.of() : activities.stream().map(a -> new IngestItem.PartnerActivity(a.externalId(),
                        a.type(), a.direction(), a.occurredAt(), a.memberEmail(), a.note())).toList());
    }
}
