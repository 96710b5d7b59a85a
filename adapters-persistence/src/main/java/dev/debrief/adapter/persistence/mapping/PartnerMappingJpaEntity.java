package dev.debrief.adapter.persistence.mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "partner_mapping")
public class PartnerMappingJpaEntity {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(nullable = false, length = 16)
    public String kind;

    @Column(nullable = false, length = 50)
    public String source;

    @Column(name = "partner_value", nullable = false, length = 320)
    public String partnerValue;

    @Column(name = "target_id", nullable = false)
    public UUID targetId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
