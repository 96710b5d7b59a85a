package dev.debrief.application.service.taxonomy;

import dev.debrief.application.port.in.taxonomy.AddLossReasonUseCase.AddLossReasonCommand;
import dev.debrief.application.port.in.taxonomy.ChangeLossReasonUseCase.ChangeLossReasonCommand;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class LossReasonServiceTest {

    private final TestApplication app = new TestApplication();
    private final WorkspaceId workspace = app.createWorkspace("Europe/Berlin").id();

    private LossReason add(String code, String name, ReasonCategory category) {
        return app.lossReasons.add(new AddLossReasonCommand(app.admin(workspace), code, name, category, Controllability.YES));
    }

    private LossReason change(LossReasonId id, String name, ReasonCategory category, Controllability controllability,
                              Boolean archived) {
        return app.lossReasons.change(new ChangeLossReasonCommand(app.admin(workspace), id, name, category, controllability,
                archived));
    }

    @Test
    void addsAReasonToTheTaxonomy() {
        LossReason added = add(null, "Demo went badly", ReasonCategory.PREPARATION);

        assertThat(added.code()).isEqualTo("DEMO_WENT_BADLY");
        assertThat(app.lossReasons.list(workspace, false)).extracting(LossReason::id).contains(added.id());
        assertThat(app.lossReasons.list(workspace, false)).hasSize(12);
    }

    @Test
    void refusesTheReasonBeyondAHundredArchivedOnesIncluded() {
        int defaults = app.lossReasons.list(workspace, true).size();
        for (int i = defaults; i < LossReason.MAX_PER_WORKSPACE; i++) {
            add(null, "Reason " + i, ReasonCategory.PRODUCT_GAP);
        }
        change(app.lossReasons.list(workspace, false).get(0).id(), null, null, null, true);

        assertRejected(StateConflict.class, "loss-reason.limit-reached", () -> add(null, "One too many", ReasonCategory.OTHER));
        assertThat(app.lossReasons.list(workspace, true)).hasSize(LossReason.MAX_PER_WORKSPACE);
    }

    @Test
    void rejectsAReasonWithoutCategory() {
        assertRejected(RuleViolation.class, "value.required", () -> add(null, "Demo went badly", null));
    }

    @Test
    void rejectsACodeTakenInTheWorkspace() {
        assertRejected(StateConflict.class, "loss-reason.code-taken", () -> add("PRICE_ONLY", "Too pricey",
                ReasonCategory.VALUE_VS_COST));
    }

    @Test
    void rejectsANameTakenInTheWorkspace() {
        assertRejected(StateConflict.class, "loss-reason.name-taken", () -> add("LATE", "lost to a COMPETITOR",
                ReasonCategory.COMPETITION));
    }

    @Test
    void rejectsAddingToAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found", () -> app.lossReasons.add(new AddLossReasonCommand(app.admin(WorkspaceId.newId()), null, "Whatever", ReasonCategory.OTHER, Controllability.NO)));
    }

    @Test
    void changesOnlyTheGivenParts() {
        LossReason reason = add(null, "Demo went badly", ReasonCategory.PREPARATION);

        LossReason renamed = change(reason.id(), "Demo flopped", null, null, null);
        assertThat(renamed.name()).isEqualTo("Demo flopped");
        assertThat(renamed.category()).isEqualTo(ReasonCategory.PREPARATION);
        assertThat(renamed.defaultControllability()).isEqualTo(Controllability.YES);
        assertThat(renamed.code()).isEqualTo("DEMO_WENT_BADLY");

        LossReason recategorised = change(reason.id(), null, ReasonCategory.PRODUCT_GAP, Controllability.PARTLY, null);
        assertThat(recategorised.name()).isEqualTo("Demo flopped");
        assertThat(recategorised.category()).isEqualTo(ReasonCategory.PRODUCT_GAP);
        assertThat(recategorised.defaultControllability()).isEqualTo(Controllability.PARTLY);
        assertThat(app.lossReasonRepository.findById(workspace, reason.id()).orElseThrow().category())
                .isEqualTo(ReasonCategory.PRODUCT_GAP);
    }

    @Test
    void archivesAndRestoresAReason() {
        LossReason noBudget = app.reason(workspace, "NO_BUDGET");

        change(noBudget.id(), null, null, null, true);
        assertThat(app.lossReasons.list(workspace, false)).extracting(LossReason::id).doesNotContain(noBudget.id());
        assertThat(app.lossReasons.list(workspace, true)).extracting(LossReason::id).contains(noBudget.id());

        change(noBudget.id(), null, null, null, false);
        assertThat(app.lossReasons.list(workspace, false)).extracting(LossReason::id).contains(noBudget.id());
    }

    @Test
    void rejectsRenamingToATakenName() {
        LossReason noBudget = app.reason(workspace, "NO_BUDGET");

        assertRejected(StateConflict.class, "loss-reason.name-taken",
                () -> change(noBudget.id(), "Lost to a competitor", null, null, null));
        assertThat(app.reason(workspace, "NO_BUDGET").name()).isEqualTo("Customer budget constraints");
    }

    @Test
    void rejectsChangingAnUnknownReason() {
        assertRejected(NotFound.class, "loss-reason.not-found",
                () -> change(LossReasonId.newId(), "Whatever", null, null, null));
    }

    @Test
    void rejectsChangingAnotherWorkspacesReason() {
        WorkspaceId other = app.createWorkspace("Europe/Berlin").id();
        LossReason theirs = app.reason(other, "NO_BUDGET");

        assertRejected(NotFound.class, "loss-reason.not-found", () -> change(theirs.id(), "Mine now", null, null, null));
    }

    @Test
    void listsByCategoryThenName() {
        LossReason second = add(null, "Zero follow-up plan", ReasonCategory.PREPARATION);
        LossReason first = add(null, "A weak opening", ReasonCategory.PREPARATION);

        assertThat(app.lossReasons.list(workspace, false)).extracting(LossReason::code).startsWith(
                first.code(), "WRONG_RESEARCH", second.code(), "FEATURES_NOT_PAIN");
    }

    @Test
    void rejectsListingAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found", () -> app.lossReasons.list(WorkspaceId.newId(), true));
    }
}
