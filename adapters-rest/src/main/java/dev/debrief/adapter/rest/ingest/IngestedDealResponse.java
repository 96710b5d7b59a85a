package dev.debrief.adapter.rest.ingest;

import dev.debrief.adapter.rest.deal.DealResponse;
import dev.debrief.domain.deal.TriageField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;


/** A single upsert's answer: what it did, and the deal as it now stands. */
@Schema(name = "IngestedDeal")
public record IngestedDealResponse(
        @Schema(description = "created, updated, unchanged or stale", examples = "updated",
                enumeration = {"created", "updated", "unchanged", "stale"}) String result,
        @Schema(description = "Fields whose partner value matched nothing and wait for triage", maxItems = DealResponse.TriageValue.MAX,
                examples = "[]") java.util.List<TriageField> triage,
        DealResponse deal,
        @Schema(description = "How many of the item's activities were recorded now", minimum = "0",
                maximum = IngestResultResponse.ACTIVITIES_MAX, examples = "3") int activitiesRecorded,
        @Schema(description = "How many of the item's activities were not recorded: the deal has them already (a retry), a person "
                + "deleted them in Debrief, or the item repeats one", minimum = "0", maximum = IngestResultResponse.ACTIVITIES_MAX,
                examples = "0") int activitiesSkipped) {
}
