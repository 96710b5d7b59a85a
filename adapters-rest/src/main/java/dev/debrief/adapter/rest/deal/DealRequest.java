package dev.debrief.adapter.rest.deal;

import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.Money;
import dev.debrief.domain.deal.RiskTag;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.Workspace;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * The fields of a deal a client writes. It is also the shape a JSON merge patch applies to: the
 * deal's current values in this shape, patched, must again be a valid request.
 */
@Schema(name = "DealRequest")
public record DealRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Acme Corp platform renewal", maxLength = 200) String name,
        @Size(max = 200) @Schema(examples = "Acme Corp", maxLength = 200) String account,
        @Schema(description = "The member who owns the deal. A REP who gives none owns it; a REP can't name someone else") UUID ownerId,
        @Schema(description = "A team of the workspace") UUID teamId,
        @Valid Amount amount,
        @Schema(description = "The pipeline stage the deal is at (or reached)") UUID stageId,
        UUID segmentId,
        UUID personaId,
        UUID leadSourceId,
        @Schema(description = "When the offer was pitched", examples = "2026-03-02") LocalDate pitchedAt,
        @Min(1) @Max(120) @Schema(description = "Contract term pitched, in months", examples = "12") Integer pitchedTermMonths,
        @Size(max = 3) @Schema(examples = "[\"NEW_MARKET\"]") List<@NotNull RiskTag> riskTags,
        @Size(max = 200) @Schema(examples = "Globex") String competitor,
        @Valid @Schema(description = "The deal's id in a partner system; unique per workspace") ExternalRef externalReference) {

    @Schema(name = "Owner")
    public record Owner(
            @Schema(description = "A member of the workspace", examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
            @Schema(description = "The member's display name when the deal was last given to them", maxLength = 200, examples = "Jane Doe") String displayName) {
    }

    /** Money, in the deal API and the partner API alike. */
    @Schema(name = "Amount", description = "An amount of money: both parts, always")
    public record Amount(
            @NotNull @DecimalMin("0") @Digits(integer = 13, fraction = 2)
            @Schema(description = "At most 13 integer and 2 fraction digits", maximum = "9999999999999.99", examples = "48000.00") BigDecimal value,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR")
            @Schema(description = "ISO 4217", maxLength = 3, examples = "EUR") String currency) {
    }

    @Schema(name = "ExternalReference")
    public record ExternalRef(
            @NotBlank @Size(max = 50) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "must be lower-case letters, digits, '.', '_' or '-'")
            @Schema(examples = "salesforce") String source,
            @NotBlank @Size(max = 200) @Schema(examples = "0065e00000AbCdE") String externalId) {
    }

    DealDetails toDetails() {
        return new DealDetails(name, account,
                ownerId == null ? null : new MemberRef(ownerId, null),
                entry(teamId),
                amount == null ? null : new Money(amount.value(), Workspace.currency(amount.currency(), "amount.currency")),
                entry(stageId), entry(segmentId), entry(personaId), entry(leadSourceId),
                pitchedAt,
                pitchedTermMonths == null ? null : new ContractTerm(pitchedTermMonths),
                riskTags == null ? null : new HashSet<>(riskTags),
                competitor,
                externalReference == null ? null : new ExternalReference(externalReference.source(), externalReference.externalId()));
    }

    static DealRequest from(DealDetails d) {
        return new DealRequest(d.name(), d.account(),
                d.owner() == null ? null : d.owner().id(),
                uuid(d.teamId()),
                d.amount() == null ? null : new Amount(d.amount().amount(), d.amount().currency().getCurrencyCode()),
                uuid(d.stageId()), uuid(d.segmentId()), uuid(d.personaId()), uuid(d.leadSourceId()),
                d.pitchedAt(), d.pitchedTerm() == null ? null : d.pitchedTerm().months(),
                d.riskTags().stream().sorted().toList(),
                d.competitor(),
                d.externalReference() == null ? null
                        : new ExternalRef(d.externalReference().source(), d.externalReference().externalId()));
    }

    static VocabularyEntryId entry(UUID id) {
        return id == null ? null : new VocabularyEntryId(id);
    }

    static UUID uuid(VocabularyEntryId id) {
        return id == null ? null : id.value();
    }
}
