package dev.debrief.application.port.out.workspace;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link WorkspaceRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class WorkspaceRepositoryContract extends RepositoryContract {

    private Workspace load(WorkspaceId id) {
        return inTransaction(() -> workspaces().findById(id)).orElseThrow();
    }

    @Test
    void storesANewWorkspaceAtVersionZero() {
        Workspace workspace = Workspace.create("Acme Sales", "America/New_York", "USD", EPOCH);

        Workspace saved = inTransaction(() -> workspaces().save(workspace));

        assertThat(saved.version()).isZero();
        assertThat(saved).usingRecursiveComparison().isEqualTo(workspace);
        assertThat(load(workspace.id())).usingRecursiveComparison().isEqualTo(workspace);
    }

    @Test
    void keepsEveryField() {
        Workspace workspace = Workspace.create("Zürich Vertrieb", "Europe/Zurich", "CHF", EPOCH);
        inTransaction(() -> workspaces().save(workspace));

        Workspace found = load(workspace.id());

        assertThat(found.name()).isEqualTo("Zürich Vertrieb");
        assertThat(found.timeZone()).isEqualTo(ZoneId.of("Europe/Zurich"));
        assertThat(found.defaultCurrency()).isEqualTo(Currency.getInstance("CHF"));
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.updatedAt()).isEqualTo(EPOCH);
    }

    @Test
    void addsOneToTheVersionOnEverySave() {
        WorkspaceId id = newWorkspace();

        Workspace first = inTransaction(() -> {
            Workspace w = workspaces().findById(id).orElseThrow();
            w.update("Renamed", "Asia/Tokyo", "JPY", EPOCH.plus(Duration.ofDays(1)));
            return workspaces().save(w);
        });
        Workspace second = inTransaction(() -> {
            Workspace w = workspaces().findById(id).orElseThrow();
            w.update("Renamed again", "Asia/Tokyo", "JPY", EPOCH.plus(Duration.ofDays(2)));
            return workspaces().save(w);
        });

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        Workspace found = load(id);
        assertThat(found.version()).isEqualTo(2);
        assertThat(found.name()).isEqualTo("Renamed again");
        assertThat(found.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(found.defaultCurrency()).isEqualTo(Currency.getInstance("JPY"));
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.updatedAt()).isEqualTo(EPOCH.plus(Duration.ofDays(2)));
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(inTransaction(() -> workspaces().findById(WorkspaceId.newId()))).isEmpty();
    }

    @Test
    void keepsTheStoredWorkspaceWhenAReturnedOneChangesWithoutASave() {
        WorkspaceId id = newWorkspace();
        Workspace loaded = load(id);

        loaded.update("Changed but not saved", "UTC", "GBP", EPOCH.plusSeconds(60));

        assertThat(load(id).name()).startsWith("Contract ");
        assertThat(load(id).version()).isZero();
    }

    @Test
    void findsTheWorkspacesOfANameIgnoringCaseOldestFirst() {
        String name = "Named " + java.util.UUID.randomUUID();
        Workspace older = Workspace.create(name, "UTC", "EUR", EPOCH);
        Workspace newer = Workspace.create(name.toUpperCase(java.util.Locale.ROOT), "UTC", "EUR", EPOCH.plusSeconds(1));
        inTransaction(() -> workspaces().save(newer));
        inTransaction(() -> workspaces().save(older));
        inTransaction(() -> workspaces().save(Workspace.create(name + " and more", "UTC", "EUR", EPOCH)));

        assertThat(inTransaction(() -> workspaces().findByName(name.toLowerCase(java.util.Locale.ROOT))))
                .extracting(Workspace::id).containsExactly(older.id(), newer.id());
        assertThat(inTransaction(() -> workspaces().findByName("Nobody names a workspace " + java.util.UUID.randomUUID()))).isEmpty();
    }

    @Test
    void knowsThereIsAWorkspaceOnceOneIsStored() {
        newWorkspace();

        // Only the true case: the database under a PostgreSQL run is shared and never assumed empty.
        assertThat(inTransaction(() -> workspaces().any())).isTrue();
    }
}
