package dev.debrief.adapter.persistence.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_event")
public class AuditEventJpaEntity {

    @Id
    public UUID id;

    @Column(name = "workspace_id", nullable = false)
    public UUID workspaceId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_kind", nullable = false, length = 10)
    public String actorKind;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(nullable = false, length = 40)
    public String resource;

    @Column(name = "resource_id")
    public UUID resourceId;

    @Column(nullable = false, length = 40)
    public String action;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "changed_fields", nullable = false)
    public String[] changedFields;

    @Column(name = "request_id", length = 100)
    public String requestId;
}
