package dev.debrief.adapter.persistence.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "deal_outcome_change")
public class DealOutcomeChangeJpaEntity {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(name = "deal_id", nullable = false)
    public UUID dealId;

    @Column(nullable = false, length = 10)
    public String kind;

    @Column(nullable = false, length = 12)
    public String outcome;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "analysis_id")
    public UUID analysisId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
