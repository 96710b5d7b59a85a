package dev.debrief.adapter.persistence.audit;

import dev.debrief.application.port.in.audit.AuditFilter;
import dev.debrief.application.port.out.audit.AuditLog;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class JpaAuditLog implements AuditLog {

    private final AuditEventPanacheRepository repository;

    @Inject
    JpaAuditLog(AuditEventPanacheRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(AuditEvent event) {
        AuditEventJpaEntity e = new AuditEventJpaEntity();
        e.id = event.id();
        e.workspaceId = event.workspaceId().value();
        e.occurredAt = event.occurredAt();
        e.actorKind = event.actorKind().name();
        e.actorId = event.actorId();
        e.resource = event.resource();
        e.resourceId = event.resourceId();
        e.action = event.action();
        e.changedFields = event.changedFields().toArray(String[]::new);
        e.requestId = event.requestId();
        repository.persist(e);
    }

    @Override
    public List<AuditEvent> page(WorkspaceId workspaceId, AuditFilter filter, Instant afterOccurredAt, UUID afterId,
                                 int limit) {
        StringBuilder query = new StringBuilder("workspaceId = :ws");
        Parameters params = Parameters.with("ws", workspaceId.value());
        if (filter.actorId() != null) {
            query.append(" and actorId = :actor");
            params.and("actor", filter.actorId());
        }
        if (filter.resource() != null) {
            query.append(" and resource = :resource");
            params.and("resource", filter.resource());
        }
        if (filter.from() != null) {
            query.append(" and occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and occurredAt < :to");
            params.and("to", filter.to());
        }
        if (afterOccurredAt != null) {
            query.append(" and (occurredAt < :afterAt or (occurredAt = :afterAt and id < :afterId))");
            params.and("afterAt", afterOccurredAt).and("afterId", afterId);
        }
        query.append(" order by occurredAt desc, id desc");
        return repository.find(query.toString(), params).page(0, limit).stream().map(JpaAuditLog::toDomain).toList();
    }

    private static AuditEvent toDomain(AuditEventJpaEntity e) {
        return new AuditEvent(e.id, new WorkspaceId(e.workspaceId), e.occurredAt, AuditEvent.ActorKind.valueOf(e.actorKind),
                e.actorId, e.resource, e.resourceId, e.action, List.of(e.changedFields), e.requestId);
    }
}
