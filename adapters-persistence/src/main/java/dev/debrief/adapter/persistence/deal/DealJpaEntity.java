package dev.debrief.adapter.persistence.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "deal")
public class DealJpaEntity {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 200)
    public String account;

    @Column(name = "owner_id")
    public UUID ownerId;

    @Column(name = "owner_name", length = 200)
    public String ownerName;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(precision = 15, scale = 2)
    public BigDecimal amount;

    @Column(length = 3)
    public String currency;

    @Column(name = "stage_id")
    public UUID stageId;

    @Column(name = "segment_id")
    public UUID segmentId;

    @Column(name = "persona_id")
    public UUID personaId;

    @Column(name = "lead_source_id")
    public UUID leadSourceId;

    @Column(name = "pitched_at")
    public LocalDate pitchedAt;

    @Column(name = "pitched_term_months")
    public Integer pitchedTermMonths;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "risk_tags", nullable = false)
    public String[] riskTags;

    @Column(length = 200)
    public String competitor;

    @Column(name = "external_source", length = 50)
    public String externalSource;

    @Column(name = "external_id", length = 200)
    public String externalId;

    @Column(nullable = false, length = 12)
    public String outcome;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "win_back_of")
    public UUID winBackOf;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The source system's time of the newest partner state applied (null: never pushed); written by ingest only. */
    @Column(name = "source_occurred_at", insertable = false, updatable = false)
    public Instant sourceOccurredAt;

    @Column(nullable = false)
    public long version;
}
