package dev.debrief.domain.vocabulary;

import dev.debrief.domain.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.List;

/** What a new workspace starts with: the default pipeline of PRODUCT.md. */
public final class DefaultVocabulary {

    private DefaultVocabulary() {
    }

    public static List<VocabularyEntry> forNewWorkspace(WorkspaceId workspaceId) {
        String[][] stages = {
                {"PROSPECTING", "Prospecting"},
                {"DISCOVERY", "Discovery"},
                {"QUALIFICATION", "Qualification"},
                {"SOLUTION", "Solution (demo)"},
                {"PROPOSAL", "Proposal"},
                {"NEGOTIATION", "Negotiation"},
                {"CLOSING", "Closing"},
        };
        List<VocabularyEntry> entries = new ArrayList<>();
        for (int i = 0; i < stages.length; i++) {
            entries.add(VocabularyEntry.create(workspaceId, VocabularyKind.STAGE, stages[i][0], stages[i][1], i + 1));
        }
        return entries;
    }
}
