package dev.debrief.application.port.out;

import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What every port contract needs from the implementation under test. A PostgreSQL run wraps each
 * {@link #inTransaction} in a transaction of its own (requiring a new one), so every step commits
 * before the next begins, exactly as in two requests. Contracts never assume an empty database:
 * each test makes its own workspaces with fresh ids and only looks inside them.
 *
 * <p>Instants in contracts are whole seconds, so a store with microsecond precision round-trips them.
 */
public abstract class RepositoryContract {

    protected static final Instant EPOCH = Instant.parse("2025-01-06T09:00:00Z");

    protected abstract WorkspaceRepository workspaces();

    /** Runs {@code work} in a transaction of its own and returns its result. */
    protected abstract <T> T inTransaction(Supplier<T> work);

    protected void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** A new, stored workspace with a unique name. */
    protected WorkspaceId newWorkspace() {
        Workspace workspace = Workspace.create("Contract " + UUID.randomUUID(), "Europe/Berlin", "EUR", EPOCH);
        inTransaction(() -> workspaces().save(workspace));
        return workspace.id();
    }
}
