package dev.debrief.adapter.persistence.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class AuditEventPanacheRepository implements PanacheRepositoryBase<AuditEventJpaEntity, UUID> {
}
