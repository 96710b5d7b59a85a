package dev.debrief.adapter.rest.shared;

/** Constants shared by the resources' contract annotations. */
public final class Api {

    public static final String ROOT = "/api/v1";
    public static final String WORKSPACE = ROOT + "/workspaces/{workspaceId}";
    public static final String MERGE_PATCH = "application/merge-patch+json";

    private Api() {
    }
}
