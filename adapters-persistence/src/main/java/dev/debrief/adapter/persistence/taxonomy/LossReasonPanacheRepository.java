package dev.debrief.adapter.persistence.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class LossReasonPanacheRepository implements PanacheRepositoryBase<LossReasonJpaEntity, UUID> {
}
