package dev.debrief.domain.vocabulary;

import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class VocabularyEntryTest {

    private final WorkspaceId workspace = WorkspaceId.newId();

    @Test
    void createsAnActiveEntryWithADerivedCode() {
        VocabularyEntry entry = VocabularyEntry.create(workspace, VocabularyKind.SEGMENT, null, " Mid market ", 3);

        assertThat(entry.workspaceId()).isEqualTo(workspace);
        assertThat(entry.kind()).isEqualTo(VocabularyKind.SEGMENT);
        assertThat(entry.code()).isEqualTo("MID_MARKET");
        assertThat(entry.name()).isEqualTo("Mid market");
        assertThat(entry.position()).isEqualTo(3);
        assertThat(entry.archived()).isFalse();
    }

    @Test
    void rejectsBlankOrTooLongName() {
        assertViolation("value.required", "name",
                () -> VocabularyEntry.create(workspace, VocabularyKind.TEAM, null, "  ", 1));
        assertViolation("value.too-long", "name", () -> VocabularyEntry.create(workspace, VocabularyKind.TEAM, null,
                "x".repeat(VocabularyEntry.NAME_MAX + 1), 1));
    }

    @Test
    void rejectsAnInvalidGivenCode() {
        assertViolation("code.invalid", "code",
                () -> VocabularyEntry.create(workspace, VocabularyKind.TEAM, "team a", "Team A", 1));
    }

    @Test
    void renamesButKeepsItsCode() {
        VocabularyEntry entry = VocabularyEntry.create(workspace, VocabularyKind.TEAM, null, "Hunters", 1);

        entry.rename(" Farmers ");

        assertThat(entry.name()).isEqualTo("Farmers");
        assertThat(entry.code()).isEqualTo("HUNTERS");
        assertViolation("value.required", "name", () -> entry.rename(""));
    }

    @Test
    void archivesAndRestores() {
        VocabularyEntry entry = VocabularyEntry.create(workspace, VocabularyKind.TEAM, null, "Hunters", 1);

        entry.archive();
        assertThat(entry.archived()).isTrue();
        entry.restore();
        assertThat(entry.archived()).isFalse();
    }

    @Test
    void isAssignableToAFieldOfItsKind() {
        VocabularyEntry stage = VocabularyEntry.create(workspace, VocabularyKind.STAGE, null, "Discovery", 1);

        assertThatCode(() -> stage.requireAssignable(VocabularyKind.STAGE, false, "stageId")).doesNotThrowAnyException();
    }

    @Test
    void rejectsAssignmentToAFieldOfAnotherKind() {
        VocabularyEntry team = VocabularyEntry.create(workspace, VocabularyKind.TEAM, null, "Hunters", 1);

        assertViolation("vocabulary.wrong-kind", "stageId",
                () -> team.requireAssignable(VocabularyKind.STAGE, false, "stageId"));
        assertViolation("vocabulary.wrong-kind", "stageId",
                () -> team.requireAssignable(VocabularyKind.STAGE, true, "stageId"));
    }

    @Test
    void rejectsNewAssignmentOfAnArchivedEntry() {
        VocabularyEntry stage = VocabularyEntry.create(workspace, VocabularyKind.STAGE, null, "Discovery", 1);
        stage.archive();

        assertViolation("vocabulary.archived", "stageId",
                () -> stage.requireAssignable(VocabularyKind.STAGE, false, "stageId"));
    }

    @Test
    void keepsAnArchivedEntryValidWhereItIsAlreadyHeld() {
        VocabularyEntry stage = VocabularyEntry.create(workspace, VocabularyKind.STAGE, null, "Discovery", 1);
        stage.archive();

        assertThatCode(() -> stage.requireAssignable(VocabularyKind.STAGE, true, "stageId")).doesNotThrowAnyException();
    }

    @Test
    void movesToANewPosition() {
        VocabularyEntry stage = VocabularyEntry.create(workspace, VocabularyKind.STAGE, null, "Discovery", 1);

        stage.moveTo(4);

        assertThat(stage.position()).isEqualTo(4);
    }
}
