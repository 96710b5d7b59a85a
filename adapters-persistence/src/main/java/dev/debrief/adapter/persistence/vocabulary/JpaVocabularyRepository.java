package dev.debrief.adapter.persistence.vocabulary;

import dev.debrief.adapter.persistence.shared.Constraints;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaVocabularyRepository implements VocabularyRepository {

    private final VocabularyEntryPanacheRepository repository;

    @Inject
    JpaVocabularyRepository(VocabularyEntryPanacheRepository repository) {
        this.repository = repository;
    }

    @Override
    public VocabularyEntry save(VocabularyEntry entry) {
        VocabularyEntryJpaEntity entity = repository.findById(entry.id().value());
        boolean isNew = entity == null;
        if (isNew) {
            entity = new VocabularyEntryJpaEntity();
            entity.id = entry.id().value();
            entity.workspaceId = entry.workspaceId().value();
            entity.kind = entry.kind().name();
            entity.code = entry.code();
            entity.version = 0;
        } else {
            entity.version++;
        }
        entity.name = entry.name();
        entity.position = entry.position();
        entity.archived = entry.archived();
        if (isNew) {
            repository.persist(entity);
        }
        Constraints.flush(repository.getEntityManager(), Map.of(
                "vocabulary_entry_code_uq", () -> new StateConflict("vocabulary.code-taken",
                        "The code " + entry.code() + " is already used by another " + entry.kind().label()),
                "vocabulary_entry_name_uq", () -> new StateConflict("vocabulary.name-taken",
                        "The name '" + entry.name() + "' is already used by another " + entry.kind().label())));
        return toDomain(entity);
    }

    @Override
    public Optional<VocabularyEntry> findById(WorkspaceId workspaceId, VocabularyEntryId id) {
        return repository.find("id = :id and workspaceId = :ws",
                        Parameters.with("id", id.value()).and("ws", workspaceId.value()))
                .firstResultOptional().map(JpaVocabularyRepository::toDomain);
    }

    @Override
    public List<VocabularyEntry> list(WorkspaceId workspaceId, VocabularyKind kind) {
        return repository.find("workspaceId = :ws and kind = :kind order by position, name",
                        Parameters.with("ws", workspaceId.value()).and("kind", kind.name()))
                .stream().map(JpaVocabularyRepository::toDomain).toList();
    }

    private static VocabularyEntry toDomain(VocabularyEntryJpaEntity e) {
        return VocabularyEntry.rehydrate(new VocabularyEntryId(e.id), new WorkspaceId(e.workspaceId),
                VocabularyKind.valueOf(e.kind), e.code, e.name, e.position, e.archived);
    }
}
