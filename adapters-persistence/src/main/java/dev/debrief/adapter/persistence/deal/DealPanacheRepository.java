package dev.debrief.adapter.persistence.deal;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class DealPanacheRepository implements PanacheRepositoryBase<DealJpaEntity, UUID> {
}
