package dev.debrief.adapter.persistence.taxonomy;

import dev.debrief.adapter.persistence.shared.Constraints;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class JpaLossReasonRepository implements LossReasonRepository {

    private final LossReasonPanacheRepository repository;

    @Inject
    JpaLossReasonRepository(LossReasonPanacheRepository repository) {
        this.repository = repository;
    }

    @Override
    public LossReason save(LossReason reason) {
        LossReasonJpaEntity entity = repository.findById(reason.id().value());
        boolean isNew = entity == null;
        if (isNew) {
            entity = new LossReasonJpaEntity();
            entity.id = reason.id().value();
            entity.workspaceId = reason.workspaceId().value();
            entity.code = reason.code();
            entity.version = 0;
        } else {
            entity.version++;
        }
        entity.name = reason.name();
        entity.category = reason.category().name();
        entity.defaultControllability = reason.defaultControllability().name();
        entity.archived = reason.archived();
        if (isNew) {
            repository.persist(entity);
        }
        Constraints.flush(repository.getEntityManager(), Map.of(
                "loss_reason_code_uq", () -> new StateConflict("loss-reason.code-taken",
                        "The code " + reason.code() + " is already used by another loss reason"),
                "loss_reason_name_uq", () -> new StateConflict("loss-reason.name-taken",
                        "The name '" + reason.name() + "' is already used by another loss reason")));
        return toDomain(entity);
    }

    @Override
    public Optional<LossReason> findById(WorkspaceId workspaceId, LossReasonId id) {
        return repository.find("id = :id and workspaceId = :ws",
                        Parameters.with("id", id.value()).and("ws", workspaceId.value()))
                .firstResultOptional().map(JpaLossReasonRepository::toDomain);
    }

    @Override
    public List<LossReason> list(WorkspaceId workspaceId) {
        return repository.find("workspaceId", workspaceId.value()).stream()
                .map(JpaLossReasonRepository::toDomain)
                .sorted(Comparator.comparing(LossReason::category).thenComparing(LossReason::name))
                .toList();
    }

    private static LossReason toDomain(LossReasonJpaEntity e) {
        return LossReason.rehydrate(new LossReasonId(e.id), new WorkspaceId(e.workspaceId), e.code, e.name,
                ReasonCategory.valueOf(e.category), Controllability.valueOf(e.defaultControllability), e.archived);
    }
}
