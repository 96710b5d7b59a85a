package dev.debrief.adapter.rest.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.debrief.adapter.rest.shared.Problem;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.deal.TriageField;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** What a batch did, item by item in the request's order, with totals. */
@Schema(name = "DealOutcomeBatchResult")
public record IngestResultResponse(List<Item> results, Totals totals) {

    @Schema(name = "DealOutcomeItemResult")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            @Schema(description = "The item's position in the request, from 0") int index,
            @Schema(examples = "salesforce") String source,
            @Schema(examples = "0065e00000AbCdE") String externalId,
            @Schema(description = "created, updated, unchanged, stale or rejected", examples = "created",
                    enumeration = {"created", "updated", "unchanged", "stale", "rejected"}) String result,
            @Schema(description = "The deal, unless rejected") UUID dealId,
            @Schema(description = "Fields whose partner value matched nothing and wait for triage (the deal holds them empty)",
                    examples = "[\"OWNER\"]") List<TriageField> triage,
            @Schema(description = "Why it was rejected: status, code, detail and the field (items[i].…)") Problem problem) {
    }

    @Schema(name = "DealOutcomeTotals")
    public record Totals(int created, int updated, int unchanged, int stale, int rejected) {

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

    /** Triage fields in a stable order (the enum's). */
    static List<TriageField> sorted(java.util.Set<TriageField> triage) {
        return triage == null ? null : triage.stream().sorted().toList();
    }

    static String name(SyncResult result) {
        return result == null ? "rejected" : result.name().toLowerCase(Locale.ROOT);
    }

    static IngestResultResponse of(List<Item> items) {
        return new IngestResultResponse(List.copyOf(items), Totals.of(items));
    }
}
