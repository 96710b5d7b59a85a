package dev.debrief.application.port.out.vocabulary;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link VocabularyRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class VocabularyRepositoryContract extends RepositoryContract {

    protected abstract VocabularyRepository vocabulary();

    private WorkspaceId workspace;
    private WorkspaceId otherWorkspace;

    @BeforeEach
    void createWorkspaces() {
        workspace = newWorkspace();
        otherWorkspace = newWorkspace();
    }

    private VocabularyEntry save(VocabularyEntry entry) {
        return inTransaction(() -> vocabulary().save(entry));
    }

    private VocabularyEntry add(WorkspaceId ws, VocabularyKind kind, String code, String name, int position) {
        return save(VocabularyEntry.create(ws, kind, code, name, position));
    }

    private Optional<VocabularyEntry> find(WorkspaceId ws, VocabularyEntryId id) {
        return inTransaction(() -> vocabulary().findById(ws, id));
    }

    private void assertConflict(String code, VocabularyEntry entry) {
        assertThatThrownBy(() -> save(entry)).isInstanceOfSatisfying(StateConflict.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void storesAnEntryAndFindsItInItsWorkspace() {
        VocabularyEntry entry = VocabularyEntry.create(workspace, VocabularyKind.LEAD_SOURCE, "INBOUND_WEB",
                "Inbound (web)", 3);

        VocabularyEntry saved = save(entry);

        assertThat(saved).usingRecursiveComparison().isEqualTo(entry);
        assertThat(find(workspace, entry.id())).get().usingRecursiveComparison().isEqualTo(entry);
    }

    @Test
    void findsNothingInAnotherWorkspace() {
        VocabularyEntry entry = add(workspace, VocabularyKind.TEAM, null, "Hunters", 1);

        assertThat(find(otherWorkspace, entry.id())).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(find(workspace, VocabularyEntryId.newId())).isEmpty();
    }

    @Test
    void savesChangesToAStoredEntry() {
        VocabularyEntry entry = add(workspace, VocabularyKind.STAGE, null, "Discovery", 2);

        inTransaction(() -> {
            VocabularyEntry loaded = vocabulary().findById(workspace, entry.id()).orElseThrow();
            loaded.rename("Discovery call");
            loaded.moveTo(5);
            loaded.archive();
            return vocabulary().save(loaded);
        });

        VocabularyEntry found = find(workspace, entry.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("Discovery call");
        assertThat(found.code()).isEqualTo("DISCOVERY");
        assertThat(found.position()).isEqualTo(5);
        assertThat(found.archived()).isTrue();
    }

    @Test
    void rejectsACodeTakenInTheSameKind() {
        add(workspace, VocabularyKind.SEGMENT, "ENTERPRISE", "Enterprise", 1);
        VocabularyEntry clash = VocabularyEntry.create(workspace, VocabularyKind.SEGMENT, "ENTERPRISE", "Large", 2);

        assertConflict("vocabulary.code-taken", clash);
        assertThat(find(workspace, clash.id())).isEmpty();
    }

    @Test
    void rejectsANameTakenInTheSameKindIgnoringCase() {
        add(workspace, VocabularyKind.SEGMENT, "ENT", "Enterprise", 1);
        VocabularyEntry clash = VocabularyEntry.create(workspace, VocabularyKind.SEGMENT, "LARGE", "ENTERPRISE", 2);

        assertConflict("vocabulary.name-taken", clash);
        assertThat(find(workspace, clash.id())).isEmpty();
    }

    @Test
    void rejectsRenamingAnEntryToATakenName() {
        add(workspace, VocabularyKind.TEAM, null, "Hunters", 1);
        VocabularyEntry farmers = add(workspace, VocabularyKind.TEAM, null, "Farmers", 2);

        farmers.rename("hunters");

        assertConflict("vocabulary.name-taken", farmers);
        assertThat(find(workspace, farmers.id()).orElseThrow().name()).isEqualTo("Farmers");
    }

    @Test
    void acceptsTheSameCodeAndNameInAnotherKind() {
        add(workspace, VocabularyKind.TEAM, "EMEA", "EMEA", 1);

        VocabularyEntry segment = add(workspace, VocabularyKind.SEGMENT, "EMEA", "EMEA", 1);

        assertThat(find(workspace, segment.id())).isPresent();
    }

    @Test
    void acceptsTheSameCodeAndNameInAnotherWorkspace() {
        add(workspace, VocabularyKind.TEAM, "EMEA", "EMEA", 1);

        VocabularyEntry other = add(otherWorkspace, VocabularyKind.TEAM, "EMEA", "EMEA", 1);

        assertThat(find(otherWorkspace, other.id())).isPresent();
    }

    @Test
    void savesAnEntryAgainUnderItsOwnCodeAndName() {
        VocabularyEntry entry = add(workspace, VocabularyKind.TEAM, null, "Hunters", 1);
        entry.archive();

        save(entry);

        assertThat(find(workspace, entry.id()).orElseThrow().archived()).isTrue();
    }

    @Test
    void listsOneKindOfOneWorkspaceByPositionThenName() {
        VocabularyEntry beta = add(workspace, VocabularyKind.STAGE, null, "Beta", 2);
        VocabularyEntry zeta = add(workspace, VocabularyKind.STAGE, null, "Zeta", 1);
        VocabularyEntry alpha = add(workspace, VocabularyKind.STAGE, null, "Alpha", 2);
        VocabularyEntry archived = add(workspace, VocabularyKind.STAGE, null, "Omega", 3);
        archived.archive();
        save(archived);
        add(workspace, VocabularyKind.TEAM, null, "Aardvarks", 0);
        add(otherWorkspace, VocabularyKind.STAGE, null, "Aaa", 0);

        assertThat(inTransaction(() -> vocabulary().list(workspace, VocabularyKind.STAGE)))
                .extracting(VocabularyEntry::id)
                .containsExactly(zeta.id(), alpha.id(), beta.id(), archived.id());
    }

    @Test
    void listsNothingForAKindWithoutEntries() {
        add(workspace, VocabularyKind.TEAM, null, "Hunters", 1);

        assertThat(inTransaction(() -> vocabulary().list(workspace, VocabularyKind.PERSONA))).isEmpty();
    }

    @Test
    void keepsTheStoredEntryWhenAReturnedOneChangesWithoutASave() {
        VocabularyEntry saved = add(workspace, VocabularyKind.TEAM, null, "Hunters", 1);

        saved.rename("Changed");
        saved.archive();

        VocabularyEntry found = find(workspace, saved.id()).orElseThrow();
        assertThat(found.name()).isEqualTo("Hunters");
        assertThat(found.archived()).isFalse();
    }
}
