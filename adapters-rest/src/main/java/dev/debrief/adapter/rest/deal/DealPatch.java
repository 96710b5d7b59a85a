package dev.debrief.adapter.rest.deal;

import dev.debrief.domain.deal.RiskTag;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The body of {@code PATCH …/deals/{dealId}}, for the contract only: a JSON merge patch (RFC 7396) of the
 * deal's {@link DealRequest} fields. Nothing is required; a field left out is left alone; {@code null}
 * clears every field but {@code name} ({@code name: null} is a 400 naming it). The resource applies the
 * patch to the deal's current fields and validates the result as a {@link DealRequest}, so the limits
 * here are that record's.
 */
@Schema(name = "DealPatch", description = "A JSON merge patch (RFC 7396) of a deal: send only what changes; null clears a field "
        + "(every one but name). A nested object (amount, externalReference) is merged into the current one: send it whole to replace it. "
        + "Outcome changes go through close and reopen.")
public record DealPatch(
        @Schema(maxLength = 200, examples = "Acme Corp platform renewal", description = "Can't be cleared") String name,
        @Schema(nullable = true, maxLength = 200, examples = "Acme Corp") String account,
        @Schema(nullable = true, description = "The member who owns the deal; a REP can't name someone else") UUID ownerId,
        @Schema(nullable = true) UUID teamId,
        @Schema(nullable = true) DealRequest.Amount amount,
        @Schema(nullable = true) UUID stageId,
        @Schema(nullable = true) UUID segmentId,
        @Schema(nullable = true) UUID personaId,
        @Schema(nullable = true) UUID leadSourceId,
        @Schema(nullable = true, examples = "2026-03-02") LocalDate pitchedAt,
        @Schema(nullable = true, minimum = "1", maximum = "120", description = "Contract term pitched, in months", examples = "12") Integer pitchedTermMonths,
        @Schema(nullable = true, maxItems = 3, description = "The whole list: it replaces the current one; null or [] clears it",
                examples = "[\"NEW_MARKET\"]") List<RiskTag> riskTags,
        @Schema(nullable = true, maxLength = 200, examples = "Globex") String competitor,
        @Schema(nullable = true, description = "The deal's id in a partner system; unique per workspace") DealRequest.ExternalRef externalReference) {
}
