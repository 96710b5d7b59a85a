package dev.debrief.domain.deal;

import dev.debrief.domain.shared.Text;

import java.util.Objects;
import java.util.UUID;

/** Who owns a deal. Until members exist (security issue) it is an id and a display name. */
public record MemberRef(UUID id, String displayName) {

    public MemberRef {
        Objects.requireNonNull(id, "owner id");
        displayName = Text.required(displayName, 200, "owner.displayName");
    }
}
