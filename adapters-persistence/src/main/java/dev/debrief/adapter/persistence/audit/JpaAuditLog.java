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

    /** One statement for all of them (a bulk ingest writes hundreds): whole columns as arrays. */
    @Override
    public void recordAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        repository.getEntityManager().unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement s = c.prepareStatement("""
                    insert into audit_event (id, workspace_id, occurred_at, actor_kind, actor_id, resource, resource_id,
                                             action, changed_fields, request_id)
                    select v.id, v.workspace_id, v.occurred_at, v.actor_kind, v.actor_id, v.resource, v.resource_id,
                           v.action, string_to_array(v.changed_fields, ','), v.request_id
                    from unnest(?::uuid[], ?::uuid[], ?::timestamptz[], ?::text[], ?::uuid[], ?::text[], ?::uuid[],
                                ?::text[], ?::text[], ?::text[])
                         as v(id, workspace_id, occurred_at, actor_kind, actor_id, resource, resource_id, action,
                              changed_fields, request_id)""")) {
                s.setArray(1, c.createArrayOf("uuid", events.stream().map(AuditEvent::id).toArray()));
                s.setArray(2, c.createArrayOf("uuid", events.stream().map(e -> e.workspaceId().value()).toArray()));
                s.setArray(3, c.createArrayOf("text", events.stream().map(e -> e.occurredAt().toString()).toArray()));
                s.setArray(4, c.createArrayOf("text", events.stream().map(e -> e.actorKind().name()).toArray()));
                s.setArray(5, c.createArrayOf("uuid", events.stream().map(AuditEvent::actorId).toArray()));
                s.setArray(6, c.createArrayOf("text", events.stream().map(AuditEvent::resource).toArray()));
                s.setArray(7, c.createArrayOf("uuid", events.stream().map(AuditEvent::resourceId).toArray()));
                s.setArray(8, c.createArrayOf("text", events.stream().map(AuditEvent::action).toArray()));
                s.setArray(9, c.createArrayOf("text", events.stream().map(e -> String.join(",", e.changedFields())).toArray()));
                s.setArray(10, c.createArrayOf("text", events.stream().map(AuditEvent::requestId).toArray()));
                s.executeUpdate();
            }
        });
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
