package dev.debrief.adapter.persistence.mapping;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PartnerMappingPanacheRepository implements PanacheRepositoryBase<PartnerMappingJpaEntity, UUID> {
}
