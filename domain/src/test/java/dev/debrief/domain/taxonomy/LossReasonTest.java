package dev.debrief.domain.taxonomy;

import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class LossReasonTest {

    private final WorkspaceId workspace = WorkspaceId.newId();

    @Test
    void createsAnActiveReasonWithADerivedCode() {
        LossReason reason = LossReason.create(workspace, null, " Slow follow-up ", ReasonCategory.RESPONSIVENESS,
                Controllability.YES);

        assertThat(reason.code()).isEqualTo("SLOW_FOLLOW_UP");
        assertThat(reason.name()).isEqualTo("Slow follow-up");
        assertThat(reason.category()).isEqualTo(ReasonCategory.RESPONSIVENESS);
        assertThat(reason.defaultControllability()).isEqualTo(Controllability.YES);
        assertThat(reason.archived()).isFalse();
        assertThat(reason.workspaceId()).isEqualTo(workspace);
    }

    @Test
    void rejectsMissingCategory() {
        assertViolation("value.required", "category",
                () -> LossReason.create(workspace, null, "Slow", null, Controllability.YES));
    }

    @Test
    void rejectsMissingDefaultControllability() {
        assertViolation("value.required", "defaultControllability",
                () -> LossReason.create(workspace, null, "Slow", ReasonCategory.RESPONSIVENESS, null));
    }

    @Test
    void rejectsBlankName() {
        assertViolation("value.required", "name",
                () -> LossReason.create(workspace, null, " ", ReasonCategory.RESPONSIVENESS, Controllability.YES));
    }

    @Test
    void revisesEverythingButTheCode() {
        LossReason reason = LossReason.create(workspace, "SLOW", "Slow", ReasonCategory.RESPONSIVENESS,
                Controllability.YES);

        reason.revise("Too slow", ReasonCategory.PREPARATION, Controllability.PARTLY);

        assertThat(reason.code()).isEqualTo("SLOW");
        assertThat(reason.name()).isEqualTo("Too slow");
        assertThat(reason.category()).isEqualTo(ReasonCategory.PREPARATION);
        assertThat(reason.defaultControllability()).isEqualTo(Controllability.PARTLY);
    }

    @Test
    void leavesReasonUnchangedWhenARevisionIsRejected() {
        LossReason reason = LossReason.create(workspace, "SLOW", "Slow", ReasonCategory.RESPONSIVENESS,
                Controllability.YES);

        assertViolation("value.required", "defaultControllability",
                () -> reason.revise("Too slow", ReasonCategory.PREPARATION, null));

        assertThat(reason.name()).isEqualTo("Slow");
        assertThat(reason.category()).isEqualTo(ReasonCategory.RESPONSIVENESS);
    }

    @Test
    void archivesAndRestores() {
        LossReason reason = LossReason.create(workspace, null, "Slow", ReasonCategory.RESPONSIVENESS,
                Controllability.YES);

        reason.archive();
        assertThat(reason.archived()).isTrue();
        reason.restore();
        assertThat(reason.archived()).isFalse();
    }

    @Test
    void seedsANewWorkspaceWithOneReasonPerCategory() {
        List<LossReason> reasons = DefaultTaxonomy.forNewWorkspace(workspace);

        assertThat(reasons).hasSize(11);
        assertThat(reasons).extracting(LossReason::category).containsExactly(ReasonCategory.values());
        assertThat(reasons).extracting(LossReason::code).doesNotHaveDuplicates();
        assertThat(reasons).allSatisfy(r -> assertThat(r.workspaceId()).isEqualTo(workspace));
        assertThat(reasons).filteredOn(r -> r.category() == ReasonCategory.COMPETITION)
                .extracting(LossReason::defaultControllability).containsExactly(Controllability.PARTLY);
    }
}
