package dev.debrief.application.port.out.taxonomy;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link LossReasonRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class LossReasonRepositoryContract extends RepositoryContract {

    protected abstract LossReasonRepository lossReasons();

    private WorkspaceId workspace;
    private WorkspaceId otherWorkspace;

    @BeforeEach
    void createWorkspaces() {
        workspace = newWorkspace();
        otherWorkspace = newWorkspace();
    }

    private LossReason save(LossReason reason) {
        return inTransaction(() -> lossReasons().save(reason));
    }

    private LossReason add(WorkspaceId ws, String code, String name, ReasonCategory category) {
        return save(LossReason.create(ws, code, name, category, Controllability.PARTLY));
    }

    private Optional<LossReason> find(WorkspaceId ws, LossReasonId id) {
        return inTransaction(() -> lossReasons().findById(ws, id));
    }

    private void assertConflict(String code, LossReason reason) {
        assertThatThrownBy(() -> save(reason)).isInstanceOfSatisfying(StateConflict.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void storesAReasonAndFindsItInItsWorkspace() {
        LossReason reason = LossReason.create(workspace, "SLOW_RESPONSE", "Slow response", ReasonCategory.RESPONSIVENESS,
                Controllability.YES);

        LossReason saved = save(reason);

        assertThat(saved).usingRecursiveComparison().isEqualTo(reason);
        assertThat(find(workspace, reason.id())).get().usingRecursiveComparison().isEqualTo(reason);
    }

    @Test
    void findsNothingInAnotherWorkspace() {
        LossReason reason = add(workspace, null, "Slow response", ReasonCategory.RESPONSIVENESS);

        assertThat(find(otherWorkspace, reason.id())).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(find(workspace, LossReasonId.newId())).isEmpty();
    }

    @Test
    void savesChangesToAStoredReason() {
        LossReason reason = add(workspace, null, "Slow response", ReasonCategory.RESPONSIVENESS);

        inTransaction(() -> {
            LossReason loaded = lossReasons().findById(workspace, reason.id()).orElseThrow();
            loaded.revise("Slow follow-up", ReasonCategory.PREPARATION, Controllability.NO);
            loaded.archive();
            return lossReasons().save(loaded);
        });

        LossReason found = find(workspace, reason.id()).orElseThrow();
        assertThat(found.code()).isEqualTo("SLOW_RESPONSE");
        assertThat(found.name()).isEqualTo("Slow follow-up");
        assertThat(found.category()).isEqualTo(ReasonCategory.PREPARATION);
        assertThat(found.defaultControllability()).isEqualTo(Controllability.NO);
        assertThat(found.archived()).isTrue();
    }

    @Test
    void rejectsACodeTakenInTheWorkspace() {
        add(workspace, "PRICE", "Price", ReasonCategory.VALUE_VS_COST);
        LossReason clash = LossReason.create(workspace, "PRICE", "Too expensive", ReasonCategory.BUDGET,
                Controllability.NO);

        assertConflict("loss-reason.code-taken", clash);
        assertThat(find(workspace, clash.id())).isEmpty();
    }

    @Test
    void rejectsANameTakenInTheWorkspaceIgnoringCase() {
        add(workspace, "PRICE", "Price only", ReasonCategory.VALUE_VS_COST);
        LossReason clash = LossReason.create(workspace, "PRICE_2", "PRICE ONLY", ReasonCategory.BUDGET,
                Controllability.NO);

        assertConflict("loss-reason.name-taken", clash);
        assertThat(find(workspace, clash.id())).isEmpty();
    }

    @Test
    void rejectsRenamingAReasonToATakenName() {
        add(workspace, null, "Price only", ReasonCategory.VALUE_VS_COST);
        LossReason other = add(workspace, null, "No budget", ReasonCategory.BUDGET);

        other.revise("price ONLY", ReasonCategory.BUDGET, Controllability.NO);

        assertConflict("loss-reason.name-taken", other);
        assertThat(find(workspace, other.id()).orElseThrow().name()).isEqualTo("No budget");
    }

    @Test
    void acceptsTheSameCodeAndNameInAnotherWorkspace() {
        add(workspace, "PRICE", "Price", ReasonCategory.VALUE_VS_COST);

        LossReason other = add(otherWorkspace, "PRICE", "Price", ReasonCategory.VALUE_VS_COST);

        assertThat(find(otherWorkspace, other.id())).isPresent();
    }

    @Test
    void savesAReasonAgainUnderItsOwnCodeAndName() {
        LossReason reason = add(workspace, null, "Price", ReasonCategory.VALUE_VS_COST);
        reason.archive();

        save(reason);

        assertThat(find(workspace, reason.id()).orElseThrow().archived()).isTrue();
    }

    @Test
    void listsTheWorkspacesReasonsByCategoryInTaxonomyOrderThenName() {
        // Category names sort BUDGET < COMPETITION < PREPARATION; the taxonomy order is PREPARATION, BUDGET, COMPETITION.
        LossReason budget = add(workspace, null, "Budget cut", ReasonCategory.BUDGET);
        LossReason wrongResearch = add(workspace, null, "Wrong research", ReasonCategory.PREPARATION);
        LossReason competitor = add(workspace, null, "Competitor was cheaper", ReasonCategory.COMPETITION);
        LossReason missedResearch = add(workspace, null, "Missed research", ReasonCategory.PREPARATION);
        LossReason archived = add(workspace, null, "Another budget reason", ReasonCategory.BUDGET);
        archived.archive();
        save(archived);
        add(otherWorkspace, null, "Aaa", ReasonCategory.PREPARATION);

        assertThat(inTransaction(() -> lossReasons().list(workspace))).extracting(LossReason::id).containsExactly(
                missedResearch.id(), wrongResearch.id(), archived.id(), budget.id(), competitor.id());
    }

    @Test
    void keepsTheStoredReasonWhenAReturnedOneChangesWithoutASave() {
        LossReason saved = add(workspace, null, "Price", ReasonCategory.VALUE_VS_COST);

        saved.revise("Changed", ReasonCategory.OTHER, Controllability.YES);

        assertThat(find(workspace, saved.id()).orElseThrow().name()).isEqualTo("Price");
    }
}
