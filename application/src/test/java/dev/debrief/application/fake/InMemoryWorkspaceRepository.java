package dev.debrief.application.fake;

import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Workspaces in a map. Stores and hands out copies; every save of a stored workspace adds one to its version. */
public class InMemoryWorkspaceRepository implements WorkspaceRepository {

    private final Map<WorkspaceId, Workspace> workspaces = new HashMap<>();

    @Override
    public synchronized Workspace save(Workspace workspace) {
        Workspace stored = workspaces.get(workspace.id());
        long version = stored == null ? workspace.version() : stored.version() + 1;
        Workspace copy = copy(workspace, version);
        workspaces.put(copy.id(), copy);
        return copy(copy, version);
    }

    @Override
    public synchronized Optional<Workspace> findById(WorkspaceId id) {
        return Optional.ofNullable(workspaces.get(id)).map(w -> copy(w, w.version()));
    }

    @Override
    public synchronized List<Workspace> findByName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return workspaces.values().stream().filter(w -> w.name().toLowerCase(Locale.ROOT).equals(lower))
                .sorted(Comparator.comparing(Workspace::createdAt).thenComparing(w -> w.id().value()))
                .map(w -> copy(w, w.version())).toList();
    }

    private static Workspace copy(Workspace w, long version) {
        return Workspace.rehydrate(w.id(), w.name(), w.timeZone(), w.defaultCurrency(), w.checkInPolicy(), w.createdAt(), w.updatedAt(),
                version);
    }

    /** Nothing to hold: the services under test run one at a time. */
    @Override
    public void lock(WorkspaceId id) {
    }

    @Override
    public synchronized boolean any() {
        return !workspaces.isEmpty();
    }
}
