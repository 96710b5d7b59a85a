package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.IssueAdminKeyUseCase;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** The {@code admin-key} command's use case: like the first run's key, audited as a write of nobody's (no caller). */
@ApplicationScoped
@Transactional
public class IssueAdminKeyService implements IssueAdminKeyUseCase {

    static final String KEY_NAME = "admin key from the admin-key command";

    private final WorkspaceRepository workspaces;
    private final AdminKeys adminKeys;

    @Inject
    public IssueAdminKeyService(WorkspaceRepository workspaces, AdminKeys adminKeys) {
        this.workspaces = workspaces;
        this.adminKeys = adminKeys;
    }

    @Override
    public IssuedAdminKey issue(String workspaceIdOrName) {
        Workspace workspace = find(workspaceIdOrName.strip());
        return new IssuedAdminKey(workspace, adminKeys.issue(workspace.id(), KEY_NAME));
    }

    private Workspace find(String idOrName) {
        Optional<Workspace> byId = uuid(idOrName).flatMap(id -> workspaces.findById(new WorkspaceId(id)));
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Workspace> named = idOrName.isEmpty() ? List.of() : workspaces.findByName(idOrName);
        if (named.isEmpty()) {
            throw new NotFound("workspace.not-found", "No workspace has the id or the name '" + idOrName + "'");
        }
        if (named.size() > 1) {
            throw new StateConflict("workspace.name-ambiguous", named.size() + " workspaces are named '" + idOrName
                    + "': give the id of one (" + named.stream().map(w -> w.id().toString()).collect(Collectors.joining(", ")) + ")");
        }
        return named.get(0);
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
