package dev.debrief.application.port.in.demo;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.workspace.Workspace;

/**
 * A workspace of its own filled with 24 months of made-up but realistic history that ends today, so
 * a newcomer sees insights at once. Only ever started on purpose (the embedded default's
 * {@code DEBRIEF_DEMO=true}, or the {@code demo} command).
 */
public interface SeedDemoWorkspaceUseCase {

    /** @param deals how many deals were written (closed and open) */
    record DemoWorkspace(Workspace workspace, ApiKey.Issued adminKey, int deals) {
    }

    /** The workspace's name: there is at most one demo workspace per database. */
    String NAME = "Demo: Northwind Software";

    /**
     * Creates the demo workspace unless one exists (then nothing). The same seed on the same day writes
     * the same history (ids and timestamps aside).
     */
    java.util.Optional<DemoWorkspace> seedIfAbsent(long seed);
}
