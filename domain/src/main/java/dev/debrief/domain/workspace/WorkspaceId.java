package dev.debrief.domain.workspace;

import dev.debrief.domain.shared.Ids;

import java.util.Objects;
import java.util.UUID;

public record WorkspaceId(UUID value) {

    public WorkspaceId {
        Objects.requireNonNull(value, "workspace id");
    }

    public static WorkspaceId newId() {
        return new WorkspaceId(Ids.newId());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
