package dev.debrief.adapter.persistence.workspace;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
class WorkspacePanacheRepository implements PanacheRepositoryBase<WorkspaceJpaEntity, UUID> {
}
