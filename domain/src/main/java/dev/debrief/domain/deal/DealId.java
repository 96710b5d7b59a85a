package dev.debrief.domain.deal;

import dev.debrief.domain.shared.Ids;

import java.util.Objects;
import java.util.UUID;

public record DealId(UUID value) {

    public DealId {
        Objects.requireNonNull(value, "deal id");
    }

    public static DealId newId() {
        return new DealId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
