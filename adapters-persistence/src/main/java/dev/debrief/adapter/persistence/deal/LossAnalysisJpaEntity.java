package dev.debrief.adapter.persistence.deal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Entity
@Table(name = "loss_analysis")
public class LossAnalysisJpaEntity {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Column(nullable = false)
    public boolean current;

    @Column(nullable = false, length = 16)
    public String status;

    /** The primary reason first (position 0), then the contributing ones in the order given. */
    @ElementCollection
    @CollectionTable(name = "loss_analysis_reason", joinColumns = @JoinColumn(name = "analysis_id"))
    @OrderColumn(name = "position")
    public List<AnalysisReasonEmbeddable> reasons = new ArrayList<>();

    @Column(nullable = false, length = 8)
    public String source;

    @Column(name = "stage_lost_at_id")
    public UUID stageLostAtId;

    @Column(length = 16)
    public String fit;

    @Column(length = 200)
    public String competitor;

    @Column(name = "what_happened", columnDefinition = "text")
    public String whatHappened;

    @Column(name = "what_we_would_do_differently", columnDefinition = "text")
    public String whatWeWouldDoDifferently;

    @Column(name = "partner_reason_text", columnDefinition = "text")
    public String partnerReasonText;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
