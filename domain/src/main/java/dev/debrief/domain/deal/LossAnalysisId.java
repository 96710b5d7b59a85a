package dev.debrief.domain.deal;

import dev.debrief.domain.shared.Ids;

import java.util.Objects;
import java.util.UUID;

public record LossAnalysisId(UUID value) {

    public LossAnalysisId {
        Objects.requireNonNull(value, "loss analysis id");
    }

    public static LossAnalysisId newId() {
        return new LossAnalysisId(Ids.newId());
    }
}
