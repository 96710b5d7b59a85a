package dev.debrief.domain.mapping;

import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.vocabulary.VocabularyKind;

import java.util.Set;

/** What a partner's text is mapped to: a loss reason, a vocabulary entry of one kind, or a member. */
public enum MappingKind {
    REASON("reason", null, Set.of()),
    STAGE("stage", VocabularyKind.STAGE, Set.of(TriageField.STAGE, TriageField.STAGE_LOST_AT)),
    SEGMENT("segment", VocabularyKind.SEGMENT, Set.of(TriageField.SEGMENT)),
    PERSONA("persona", VocabularyKind.PERSONA, Set.of(TriageField.PERSONA)),
    LEAD_SOURCE("lead-source", VocabularyKind.LEAD_SOURCE, Set.of(TriageField.LEAD_SOURCE)),
    TEAM("team", VocabularyKind.TEAM, Set.of(TriageField.TEAM)),
    OWNER("owner", null, Set.of(TriageField.OWNER));

    private final String slug;
    private final VocabularyKind vocabularyKind;
    private final Set<TriageField> fields;

    MappingKind(String slug, VocabularyKind vocabularyKind, Set<TriageField> fields) {
        this.slug = slug;
        this.vocabularyKind = vocabularyKind;
        this.fields = fields;
    }

    /** How the API names it: {@code …/reason-mappings}, {@code …/lead-source-mappings}. */
    public String slug() {
        return slug;
    }

    /** The vocabulary its targets belong to; null for REASON and OWNER. */
    public VocabularyKind vocabularyKind() {
        return vocabularyKind;
    }

    /** The deal fields whose pending partner values it resolves. */
    public Set<TriageField> triageFields() {
        return fields;
    }

    public static MappingKind ofSlug(String slug) {
        for (MappingKind kind : values()) {
            if (kind.slug.equals(slug)) {
                return kind;
            }
        }
        throw new dev.debrief.domain.shared.NotFound("mapping-kind.not-found",
                "There are no " + slug + "-mappings: use reason, stage, segment, persona, lead-source, team or owner");
    }
}
