package dev.debrief.application.service.vocabulary;

import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class VocabularyServiceTest {

    private final TestApplication app = new TestApplication();
    private final WorkspaceId workspace = app.createWorkspace("Europe/Berlin").id();

    private List<VocabularyEntry> stages() {
        return app.vocabulary.list(workspace, VocabularyKind.STAGE, true);
    }

    private List<VocabularyEntryId> stageIds() {
        return stages().stream().map(VocabularyEntry::id).toList();
    }

    @Test
    void addsAStageAtTheEndOfThePipeline() {
        VocabularyEntry added = app.vocabulary.add(app.admin(workspace), VocabularyKind.STAGE, null, "Legal review");

        assertThat(added.code()).isEqualTo("LEGAL_REVIEW");
        assertThat(added.position()).isEqualTo(8);
        assertThat(stages()).last().extracting(VocabularyEntry::id).isEqualTo(added.id());
    }

    @Test
    void addsTheFirstEntryOfAnEmptyVocabularyAtPositionOne() {
        VocabularyEntry hunters = app.vocabulary.add(app.admin(workspace), VocabularyKind.TEAM, "HUNT", "Hunters");
        VocabularyEntry farmers = app.vocabulary.add(app.admin(workspace), VocabularyKind.TEAM, null, "Farmers");

        assertThat(hunters.position()).isEqualTo(1);
        assertThat(hunters.code()).isEqualTo("HUNT");
        assertThat(farmers.position()).isEqualTo(2);
        assertThat(app.vocabulary.list(workspace, VocabularyKind.TEAM, false)).extracting(VocabularyEntry::name)
                .containsExactly("Hunters", "Farmers");
    }

    @Test
    void refusesTheEntryBeyondTwoHundredInOneVocabularyArchivedOnesIncluded() {
        for (int i = 1; i < VocabularyEntry.MAX_PER_VOCABULARY; i++) {
            app.vocabulary.add(app.admin(workspace), VocabularyKind.TEAM, null, "Team " + i);
        }
        VocabularyEntry last = app.vocabulary.add(app.admin(workspace), VocabularyKind.TEAM, null, "Team 200");
        app.vocabulary.change(app.admin(workspace), VocabularyKind.TEAM, last.id(), null, true);

        assertRejected(StateConflict.class, "vocabulary.limit-reached",
                () -> app.vocabulary.add(app.admin(workspace), VocabularyKind.TEAM, null, "Team 201"));
        assertThat(app.vocabulary.list(workspace, VocabularyKind.TEAM, true)).hasSize(VocabularyEntry.MAX_PER_VOCABULARY);
        assertThat(app.vocabulary.add(app.admin(workspace), VocabularyKind.SEGMENT, null, "Another vocabulary").position())
                .as("each vocabulary has its own cap").isPositive();
    }

    @Test
    void rejectsAddingANameTakenInTheVocabulary() {
        assertRejected(StateConflict.class, "vocabulary.name-taken",
                () -> app.vocabulary.add(app.admin(workspace), VocabularyKind.STAGE, "DISCO", "discovery"));
    }

    @Test
    void rejectsAddingACodeTakenInTheVocabulary() {
        assertRejected(StateConflict.class, "vocabulary.code-taken",
                () -> app.vocabulary.add(app.admin(workspace), VocabularyKind.STAGE, "DISCOVERY", "First call"));
    }

    @Test
    void rejectsAddingToAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found",
                () -> app.vocabulary.add(app.admin(WorkspaceId.newId()), VocabularyKind.TEAM, null, "Hunters"));
    }

    @Test
    void renamesAnEntryKeepingItsCode() {
        VocabularyEntry discovery = app.stage(workspace, "DISCOVERY");

        VocabularyEntry renamed = app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, discovery.id(), "First call",
                null);

        assertThat(renamed.name()).isEqualTo("First call");
        assertThat(renamed.code()).isEqualTo("DISCOVERY");
        assertThat(renamed.archived()).isFalse();
        assertThat(app.stage(workspace, "DISCOVERY").name()).isEqualTo("First call");
    }

    @Test
    void archivesAndRestoresAnEntry() {
        VocabularyEntry discovery = app.stage(workspace, "DISCOVERY");

        app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, discovery.id(), null, true);
        assertThat(app.vocabulary.list(workspace, VocabularyKind.STAGE, false)).extracting(VocabularyEntry::id)
                .doesNotContain(discovery.id());
        assertThat(app.vocabulary.list(workspace, VocabularyKind.STAGE, true)).extracting(VocabularyEntry::id)
                .contains(discovery.id());

        VocabularyEntry restored = app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, discovery.id(), null, false);
        assertThat(restored.archived()).isFalse();
        assertThat(restored.name()).isEqualTo("Discovery");
        assertThat(app.vocabulary.list(workspace, VocabularyKind.STAGE, false)).extracting(VocabularyEntry::id)
                .contains(discovery.id());
    }

    @Test
    void rejectsRenamingToATakenName() {
        VocabularyEntry discovery = app.stage(workspace, "DISCOVERY");

        assertRejected(StateConflict.class, "vocabulary.name-taken",
                () -> app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, discovery.id(), "PROPOSAL", null));
        assertThat(app.stage(workspace, "DISCOVERY").name()).isEqualTo("Discovery");
    }

    @Test
    void rejectsChangingAnEntryThroughTheWrongKind() {
        VocabularyEntry discovery = app.stage(workspace, "DISCOVERY");

        assertRejected(NotFound.class, "vocabulary.entry-not-found",
                () -> app.vocabulary.change(app.admin(workspace), VocabularyKind.SEGMENT, discovery.id(), "Renamed", null));
        assertThat(app.stage(workspace, "DISCOVERY").name()).isEqualTo("Discovery");
    }

    @Test
    void rejectsChangingAnotherWorkspacesEntry() {
        WorkspaceId other = app.createWorkspace("Europe/Berlin").id();
        VocabularyEntry theirs = app.stage(other, "DISCOVERY");

        assertRejected(NotFound.class, "vocabulary.entry-not-found",
                () -> app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, theirs.id(), "Renamed", null));
    }

    @Test
    void rejectsChangingAnUnknownEntry() {
        assertRejected(NotFound.class, "vocabulary.entry-not-found",
                () -> app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, VocabularyEntryId.newId(), "X", null));
    }

    @Test
    void reordersThePipeline() {
        List<VocabularyEntryId> reversed = new ArrayList<>(stageIds());
        Collections.reverse(reversed);

        List<VocabularyEntry> reordered = app.vocabulary.reorder(app.admin(workspace), reversed);

        assertThat(reordered).extracting(VocabularyEntry::id).containsExactlyElementsOf(reversed);
        assertThat(reordered).extracting(VocabularyEntry::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(stageIds()).containsExactlyElementsOf(reversed);
    }

    @Test
    void reordersArchivedStagesToo() {
        VocabularyEntry discovery = app.stage(workspace, "DISCOVERY");
        app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, discovery.id(), null, true);
        List<VocabularyEntryId> order = new ArrayList<>(stageIds());
        order.remove(discovery.id());
        order.add(discovery.id());

        app.vocabulary.reorder(app.admin(workspace), order);

        assertThat(stageIds()).containsExactlyElementsOf(order);
    }

    @Test
    void rejectsAnOrderMissingAStage() {
        List<VocabularyEntryId> before = stageIds();

        assertRejected(RuleViolation.class, "vocabulary.order-incomplete",
                () -> app.vocabulary.reorder(app.admin(workspace), before.subList(1, before.size())));
        assertThat(stageIds()).containsExactlyElementsOf(before);
    }

    @Test
    void rejectsAnOrderNamingAStageTwice() {
        List<VocabularyEntryId> twice = new ArrayList<>(stageIds());
        twice.set(6, twice.get(0));

        assertRejected(RuleViolation.class, "vocabulary.order-incomplete", () -> app.vocabulary.reorder(app.admin(workspace), twice));
    }

    @Test
    void rejectsAnOrderWithAStageTooMany() {
        List<VocabularyEntryId> extra = new ArrayList<>(stageIds());
        extra.add(extra.get(0));

        assertRejected(RuleViolation.class, "vocabulary.order-incomplete", () -> app.vocabulary.reorder(app.admin(workspace), extra));
    }

    @Test
    void rejectsAnOrderNamingSomethingOtherThanAStage() {
        VocabularyEntry team = app.vocabulary.add(app.admin(workspace), VocabularyKind.TEAM, null, "Hunters");
        List<VocabularyEntryId> withTeam = new ArrayList<>(stageIds());
        withTeam.set(0, team.id());

        assertRejected(RuleViolation.class, "vocabulary.order-incomplete",
                () -> app.vocabulary.reorder(app.admin(workspace), withTeam));
    }

    @Test
    void listsOnlyActiveEntriesUnlessAskedForArchivedOnes() {
        VocabularyEntry closing = app.stage(workspace, "CLOSING");
        app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, closing.id(), null, true);

        assertThat(app.vocabulary.list(workspace, VocabularyKind.STAGE, false)).hasSize(6);
        assertThat(app.vocabulary.list(workspace, VocabularyKind.STAGE, true)).hasSize(7);
    }

    @Test
    void rejectsListingAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found",
                () -> app.vocabulary.list(WorkspaceId.newId(), VocabularyKind.STAGE, true));
    }
}
