package dev.debrief.adapter.rest.taxonomy;

import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.Codes;
import dev.debrief.domain.taxonomy.ReasonCategory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "LossReason")
public record LossReasonResponse(
        @Schema(examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID id,
        @Schema(examples = "SLOW_RESPONSE", maxLength = Codes.MAX) String code,
        @Schema(examples = "Slow response, missed call or email", maxLength = LossReason.NAME_MAX) String name,
        @Schema(examples = "RESPONSIVENESS") ReasonCategory category,
        @Schema(examples = "YES") Controllability defaultControllability,
        @Schema(examples = "false") boolean archived) {

    static LossReasonResponse from(LossReason r) {
        return new LossReasonResponse(r.id().value(), r.code(), r.name(), r.category(), r.defaultControllability(),
                r.archived());
    }

    @Schema(name = "LossReasonList")
    public record ListResponse(@Schema(maxItems = LossReason.MAX_PER_WORKSPACE) List<LossReasonResponse> items) {
    }
}
