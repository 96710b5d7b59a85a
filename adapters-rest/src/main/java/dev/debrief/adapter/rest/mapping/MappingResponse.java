package dev.debrief.adapter.rest.mapping;

import dev.debrief.application.port.out.mapping.TriageRepository.Unmapped;
import dev.debrief.domain.mapping.PartnerMapping;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Mapping")
public record MappingResponse(
        UUID id,
        @Schema(ref = "MappingKind") String kind,
        @Schema(maxLength = 50, examples = "salesforce") String source,
        @Schema(maxLength = 320, examples = "Closed Lost – Discovery") String partnerValue,
        UUID targetId,
        @Schema(examples = "2026-11-20T16:02:11Z") Instant createdAt,
        @Schema(examples = "2026-11-21T08:30:00Z") Instant updatedAt) {

    static MappingResponse from(PartnerMapping m) {
        return new MappingResponse(m.id(), m.kind().slug(), m.source(), m.partnerValue(), m.targetId(), m.createdAt(),
                m.updatedAt());
    }

    /** The answer to setting a mapping: the mapping, and how many waiting deals it re-classified. */
    @Schema(name = "AppliedMapping")
    public record Applied(
            UUID id,
            @Schema(ref = "MappingKind") String kind,
            @Schema(maxLength = 50, examples = "salesforce") String source,
            @Schema(maxLength = 320, examples = "Closed Lost – Discovery") String partnerValue,
            UUID targetId,
            @Schema(examples = "2026-11-20T16:02:11Z") Instant createdAt,
            @Schema(examples = "2026-11-21T08:30:00Z") Instant updatedAt,
            @Schema(description = "How many waiting deals it re-classified", minimum = "0", maximum = "2147483647", examples = "12")
            int reclassified) {

        static Applied from(PartnerMapping m, int reclassified) {
            return new Applied(m.id(), m.kind().slug(), m.source(), m.partnerValue(), m.targetId(), m.createdAt(),
                    m.updatedAt(), reclassified);
        }
    }

    @Schema(name = "MappingList")
    public record ListResponse(
            @Schema(maxItems = MappingResource.MAX_MAPPINGS, description = "By source and partner value") List<MappingResponse> items) {
    }

    @Schema(name = "UnmappedValue")
    public record UnmappedResponse(@Schema(maxLength = 50, examples = "salesforce") String source,
                                   @Schema(maxLength = 10_000, description = "What the partner sent: a value left empty on deals "
                                           + "(its first 320 characters), or for reason the partner's reason text",
                                           examples = "Price too high") String partnerValue,
                                   @Schema(description = "How many deals wait on it", minimum = "1", maximum = "9223372036854775807",
                                           examples = "14") long deals,
                                   @Schema(description = "A few of those deals (up to 3)", maxItems = 3) List<UUID> exampleDealIds) {
        static UnmappedResponse from(Unmapped u) {
            return new UnmappedResponse(u.source(), u.partnerValue(), u.deals(), u.exampleDealIds());
        }
    }

    @Schema(name = "UnmappedValueList")
    public record UnmappedList(@Schema(maxItems = MappingResource.MAX_LIMIT, description = "Most deals first") List<UnmappedResponse> items) {
    }
}
