package dev.debrief.adapter.persistence.workspace;

import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.followup.CheckInPolicy;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class JpaWorkspaceRepository implements WorkspaceRepository {

    private final WorkspacePanacheRepository repository;

    @Inject
    JpaWorkspaceRepository(WorkspacePanacheRepository repository) {
        this.repository = repository;
    }

    @Override
    public Workspace save(Workspace workspace) {
        WorkspaceJpaEntity entity = repository.findById(workspace.id().value());
        boolean isNew = entity == null;
        if (isNew) {
            entity = new WorkspaceJpaEntity();
            entity.id = workspace.id().value();
            entity.createdAt = workspace.createdAt();
            entity.version = workspace.version();
        } else {
            entity.version = workspace.version() + 1;
        }
        entity.name = workspace.name();
        entity.timeZone = workspace.timeZone().getId();
        entity.defaultCurrency = workspace.defaultCurrency().getCurrencyCode();
        entity.checkInRatio = workspace.checkInPolicy().ratio();
        entity.checkInAssumedTermMonths = workspace.checkInPolicy().assumedTerm().months();
        entity.updatedAt = workspace.updatedAt();
        if (isNew) {
            repository.persist(entity);
        }
        repository.flush();
        return toDomain(entity);
    }

    @Override
    public Optional<Workspace> findById(WorkspaceId id) {
        return repository.findByIdOptional(id.value()).map(JpaWorkspaceRepository::toDomain);
    }

    /** {@code for no key update}: lockers wait for each other, inserts that reference the workspace don't. */
    @Override
    public void lock(WorkspaceId id) {
        repository.getEntityManager().createNativeQuery("select 1 from workspace where id = :id for no key update")
                .setParameter("id", id.value()).getResultList();
    }

    @Override
    public List<Workspace> findByName(String name) {
        return repository.list("lower(name) = lower(?1) order by createdAt, id", name).stream()
                .map(JpaWorkspaceRepository::toDomain).toList();
    }

    @Override
    public boolean any() {
        return repository.find("1 = 1").firstResultOptional().isPresent();
    }

    private static Workspace toDomain(WorkspaceJpaEntity e) {
        return Workspace.rehydrate(new WorkspaceId(e.id), e.name, ZoneId.of(e.timeZone),
                Currency.getInstance(e.defaultCurrency),
                new CheckInPolicy(e.checkInRatio, new ContractTerm(e.checkInAssumedTermMonths)), e.createdAt, e.updatedAt, e.version);
    }
}
