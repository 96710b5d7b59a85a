package dev.debrief.adapter.persistence.mapping;

import dev.debrief.application.port.out.mapping.PartnerMappingRepository;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class JpaPartnerMappingRepository implements PartnerMappingRepository {

    private final PartnerMappingPanacheRepository repository;

    @Inject
    JpaPartnerMappingRepository(PartnerMappingPanacheRepository repository) {
        this.repository = repository;
    }

    /** An upsert on the (kind, source, trimmed lower value) index: concurrent sets of one value end in one row. */
    @Override
    public PartnerMapping save(PartnerMapping m) {
        Object[] row = (Object[]) repository.getEntityManager().createNativeQuery("""
                        insert into partner_mapping (id, workspace_id, kind, source, partner_value, target_id, created_at, updated_at)
                        values (:id, :ws, :kind, :source, :value, :target, :now, :now)
                        on conflict (workspace_id, kind, source, lower(btrim(partner_value)))
                        do update set target_id = excluded.target_id, partner_value = excluded.partner_value,
                                      updated_at = excluded.updated_at
                        returning id, created_at, updated_at""")
                .setParameter("id", m.id())
                .setParameter("ws", m.workspaceId().value())
                .setParameter("kind", m.kind().name())
                .setParameter("source", m.source())
                .setParameter("value", m.partnerValue())
                .setParameter("target", m.targetId())
                .setParameter("now", m.updatedAt())
                .getSingleResult();
        return PartnerMapping.rehydrate((UUID) row[0], m.workspaceId(), m.kind(), m.source(), m.partnerValue(),
                m.targetId(), instant(row[1]), instant(row[2]));
    }

    /** A transaction-scoped advisory lock on the workspace's kind: no row stands for "the mappings of a kind". */
    @Override
    public void lockKind(WorkspaceId workspaceId, MappingKind kind) {
        repository.getEntityManager().createNativeQuery(
                        "select 1 from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) as locked")
                .setParameter("key", "partner_mapping:" + workspaceId.value() + ":" + kind.name())
                .getSingleResult();
    }

    /** As stored: PostgreSQL keeps microseconds. */
    private static java.time.Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant()
                : value instanceof java.time.OffsetDateTime o ? o.toInstant() : (java.time.Instant) value;
    }

    @Override
    public Optional<PartnerMapping> findById(WorkspaceId workspaceId, UUID id) {
        return repository.find("id = ?1 and workspaceId = ?2", id, workspaceId.value()).firstResultOptional()
                .map(JpaPartnerMappingRepository::toDomain);
    }

    @Override
    public void delete(PartnerMapping mapping) {
        repository.delete("id = ?1 and workspaceId = ?2", mapping.id(), mapping.workspaceId().value());
    }

    @Override
    public List<PartnerMapping> list(WorkspaceId workspaceId, MappingKind kind) {
        return repository.find("workspaceId = ?1 and kind = ?2 order by source, lower(partnerValue), id",
                workspaceId.value(), kind.name()).stream().map(JpaPartnerMappingRepository::toDomain).toList();
    }

    @Override
    public List<PartnerMapping> all(WorkspaceId workspaceId) {
        return repository.find("workspaceId = ?1", workspaceId.value()).stream()
                .map(JpaPartnerMappingRepository::toDomain).toList();
    }

    private static PartnerMapping toDomain(PartnerMappingJpaEntity e) {
        return PartnerMapping.rehydrate(e.id, new WorkspaceId(e.workspaceId), MappingKind.valueOf(e.kind), e.source,
                e.partnerValue, e.targetId, e.createdAt, e.updatedAt);
    }
}
