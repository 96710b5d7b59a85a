package dev.debrief.adapter.persistence.access;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class ApiKeyPanacheRepository implements PanacheRepositoryBase<ApiKeyJpaEntity, UUID> {
}
