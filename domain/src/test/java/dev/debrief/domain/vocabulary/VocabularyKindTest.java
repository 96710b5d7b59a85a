package dev.debrief.domain.vocabulary;

import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class VocabularyKindTest {

    @Test
    void findsEveryKindByItsPathName() {
        for (VocabularyKind kind : VocabularyKind.values()) {
            assertThat(VocabularyKind.fromPathName(kind.pathName())).isEqualTo(kind);
        }
        assertThat(VocabularyKind.fromPathName("lead-sources")).isEqualTo(VocabularyKind.LEAD_SOURCE);
        assertThat(VocabularyKind.fromPathName("stage")).isNull();
    }

    @Test
    void ordersOnlyPipelineStages() {
        assertThat(VocabularyKind.values()).filteredOn(VocabularyKind::ordered).containsExactly(VocabularyKind.STAGE);
    }

    @Test
    void seedsANewWorkspaceWithTheDefaultPipelineInOrder() {
        WorkspaceId workspace = WorkspaceId.newId();

        List<VocabularyEntry> stages = DefaultVocabulary.forNewWorkspace(workspace);

        assertThat(stages).extracting(VocabularyEntry::code).containsExactly("PROSPECTING", "DISCOVERY",
                "QUALIFICATION", "SOLUTION", "PROPOSAL", "NEGOTIATION", "CLOSING");
        assertThat(stages).extracting(VocabularyEntry::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(stages).allSatisfy(stage -> {
            assertThat(stage.kind()).isEqualTo(VocabularyKind.STAGE);
            assertThat(stage.workspaceId()).isEqualTo(workspace);
            assertThat(stage.archived()).isFalse();
        });
    }
}
