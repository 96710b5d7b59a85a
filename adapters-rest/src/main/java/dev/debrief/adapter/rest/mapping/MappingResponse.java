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
        @Schema(examples = "stage") String kind,
        @Schema(examples = "salesforce") String source,
        @Schema(examples = "Closed Lost – Discovery") String partnerValue,
        UUID targetId,
        @Schema(examples = "2026-11-20T16:02:11Z") Instant createdAt,
        @Schema(examples = "2026-11-21T08:30:00Z") Instant updatedAt,
        @Schema(description = "Only in the answer to a set: how many waiting deals it re-classified", examples = "12") Integer reclassified) {

    static MappingResponse from(PartnerMapping m, Integer reclassified) {
        return new MappingResponse(m.id(), m.kind().slug(), m.source(), m.partnerValue(), m.targetId(), m.createdAt(),
                m.updatedAt(), reclassified);
    }

    @Schema(name = "MappingList")
    public record ListResponse(List<MappingResponse> items) {
    }

    @Schema(name = "UnmappedValue")
    public record UnmappedResponse(@Schema(examples = "salesforce") String source,
                                   @Schema(examples = "Price too high") String partnerValue,
                                   @Schema(description = "How many deals wait on it", examples = "14") long deals,
                                   @Schema(description = "A few of those deals") List<UUID> exampleDealIds) {
        static UnmappedResponse from(Unmapped u) {
            return new UnmappedResponse(u.source(), u.partnerValue(), u.deals(), u.exampleDealIds());
        }
    }

    @Schema(name = "UnmappedValueList")
    public record UnmappedList(List<UnmappedResponse> items) {
    }
}
