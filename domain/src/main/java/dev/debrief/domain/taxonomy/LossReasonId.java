package dev.debrief.domain.taxonomy;

import dev.debrief.domain.shared.Ids;

import java.util.Objects;
import java.util.UUID;

public record LossReasonId(UUID value) {

    public LossReasonId {
        Objects.requireNonNull(value, "loss reason id");
    }

    public static LossReasonId newId() {
        return new LossReasonId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
