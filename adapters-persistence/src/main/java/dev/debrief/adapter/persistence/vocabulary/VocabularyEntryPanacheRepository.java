package dev.debrief.adapter.persistence.vocabulary;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class VocabularyEntryPanacheRepository implements PanacheRepositoryBase<VocabularyEntryJpaEntity, UUID> {
}
