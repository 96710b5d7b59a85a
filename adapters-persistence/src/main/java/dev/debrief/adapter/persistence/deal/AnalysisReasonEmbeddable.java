package dev.debrief.adapter.persistence.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

@Embeddable
public class AnalysisReasonEmbeddable {

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(name = "reason_id", nullable = false)
    public UUID reasonId;

    @Column(nullable = false, length = 12)
    public String role;

    /** Null only in a PENDING_TRIAGE analysis, for a reason nobody decided on yet. */
    public Boolean controllable;

    @Column(length = 2000)
    public String note;
}
