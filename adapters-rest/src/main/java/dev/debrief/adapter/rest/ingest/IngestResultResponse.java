package dev.debrief.adapter.rest.ingest;

import dev.debrief.adapter.rest.deal.DealResponse;
import dev.debrief.adapter.rest.shared.Problem;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.deal.TriageField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What a batch did, item by item in the request's order, with totals. */
@Schema(name = "DealOutcomeBatchResult")
public record IngestResultResponse(
        @Schema(maxItems = DealOutcomeBatchRequest.MAX_ITEMS, description = "One per item, in the request's order") List<Item> results,
        Totals totals) {

    @Schema(name = "DealOutcomeItemResult")
    public record Item(
            @Schema(description = "The item's position in the request, from 0", minimum = "0", maximum = DealOutcomeBatchRequest.MAX_INDEX) int index,
            @Schema(nullable = true, maxLength = 50, description = "The item's source; null when a rejected item had none", examples = "salesforce") String source,
            @Schema(nullable = true, maxLength = 200, description = "The item's externalId; null when a rejected item had none", examples = "0065e00000AbCdE") String externalId,
            @Schema(description = "created, updated, unchanged, stale or rejected", examples = "created",
                    enumeration = {"created", "updated", "unchanged", "stale", "rejected"}) String result,
            @Schema(nullable = true, description = "The deal; null when rejected") UUID dealId,
            @Schema(maxItems = DealResponse.TriageValue.MAX, description = "Fields whose partner value matched nothing and wait for triage "
                    + "(the deal holds them empty); empty when rejected", examples = "[\"OWNER\"]") List<TriageField> triage,
            @Schema(nullable = true, description = "Why it was rejected: status, code, detail and the field (items[i].…); null unless rejected") Problem problem,
            @Schema(description = "How many of the item's activities were recorded now; 0 when rejected", minimum = "0",
                    maximum = ACTIVITIES_MAX, examples = "3") int activitiesRecorded,
            @Schema(description = "How many of the item's activities were not recorded: the deal has them already (a retry), a person "
                    + "deleted them in Debrief, or the item repeats one; 0 when rejected", minimum = "0", maximum = ACTIVITIES_MAX,
                    examples = "0") int activitiesSkipped) {
    }

    static final String ACTIVITIES_MAX = "200";

    @Schema(name = "DealOutcomeTotals", description = "How many items had each result")
    public record Totals(@Schema(minimum = "0", maximum = DealOutcomeBatchRequest.MAX_ITEMS_TEXT) int created,
                         @Schema(minimum = "0", maximum = DealOutcomeBatchRequest.MAX_ITEMS_TEXT) int updated,
                         @Schema(minimum = "0", maximum = DealOutcomeBatchRequest.MAX_ITEMS_TEXT) int unchanged,
                         @Schema(minimum = "0", maximum = DealOutcomeBatchRequest.MAX_ITEMS_TEXT) int stale,
                         @Schema(minimum = "0", maximum = DealOutcomeBatchRequest.MAX_ITEMS_TEXT) int rejected) {

        static Totals of(List<Item> items) {
            int[] counts = new int[5];
            for (Item item : items) {
                counts[switch (item.result()) {
                    case "created" -> 0;
                    case "updated" -> 1;
                    case "unchanged" -> 2;
                    case "stale" -> 3;
                    default -> 4;
                }]++;
            }
            return new Totals(counts[0], counts[1], counts[2], counts[3], counts[4]);
        }
    }

    /** Triage fields in a stable order (the enum's); none when there are none. */
    static List<TriageField> sorted(java.util.Set<TriageField> triage) {
        return triage == null ? List.of() : triage.stream().sorted().toList();
    }

    static String name(SyncResult result) {
        return result == null ? "rejected" : result.name().toLowerCase(Locale.ROOT);
    }

    static IngestResultResponse of(List<Item> items) {
        return new IngestResultResponse(List.copyOf(items), Totals.of(items));
    }
}
