package dev.debrief.adapter.rest.shared;

/** Constants shared by the resources' contract annotations. */
public final class Api {

    public static final String ROOT = "/api/v1";
    public static final String WORKSPACE = ROOT + "/workspaces/{workspaceId}";
    public static final String MERGE_PATCH = "application/merge-patch+json";
    public static final String WORKSPACE_ID_DESCRIPTION = "The workspace's id";
    public static final String IF_MATCH_DESCRIPTION =
            "The ETag you last read. Missing: 428. Not the current one: 412 (someone else changed it; read it again).";

    private Api() {
    }
}
