package dev.debrief.domain.deal;

import dev.debrief.domain.shared.Text;

import java.util.Objects;
import java.util.UUID;

/**
 * Who owns a deal: a member of the workspace. Writers give the id; the display name is the
 * member's, filled in when the deal is written (so lists need no join).
 */
public record MemberRef(UUID id, String displayName) {

    public MemberRef {
        Objects.requireNonNull(id, "owner id");
        displayName = Text.optional(displayName, 200, "owner.displayName");
    }
}
