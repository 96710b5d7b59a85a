package dev.debrief.domain.access;

import dev.debrief.domain.shared.Ids;

import java.util.Objects;
import java.util.UUID;

public record ApiKeyId(UUID value) {

    public ApiKeyId {
        Objects.requireNonNull(value, "id");
    }

    public static ApiKeyId newId() {
        return new ApiKeyId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
