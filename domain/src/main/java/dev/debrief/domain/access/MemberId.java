package dev.debrief.domain.access;

import dev.debrief.domain.shared.Ids;

import java.util.Objects;
import java.util.UUID;

public record MemberId(UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "id");
    }

    public static MemberId newId() {
        return new MemberId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
