package dev.debrief.adapter.rest.shared;

import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.UUID;

/** Ids in paths: a malformed one names nothing, so it is a 404 like an unknown one. */
public final class PathIds {

    private PathIds() {
    }

    public static UUID uuid(String text, String code, String what) {
        try {
            if (text != null && text.length() == 36) {
                return UUID.fromString(text);
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the 404
        }
        throw new NotFound(code, "There is no " + what + " " + text);
    }

    public static WorkspaceId workspace(String text) {
        return new WorkspaceId(uuid(text, "workspace.not-found", "workspace"));
    }
}
