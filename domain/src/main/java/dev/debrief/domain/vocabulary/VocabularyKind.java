package dev.debrief.domain.vocabulary;

/** The workspace's own word lists a deal's values come from. One mechanism serves them all. */
public enum VocabularyKind {
    STAGE("stages", "pipeline stage"),
    SEGMENT("segments", "segment"),
    PERSONA("personas", "buyer persona"),
    LEAD_SOURCE("lead-sources", "lead source"),
    TEAM("teams", "team");

    private final String pathName;
    private final String label;

    VocabularyKind(String pathName, String label) {
        this.pathName = pathName;
        this.label = label;
    }

    /** The plural used in URLs: {@code stages}, {@code lead-sources}. */
    public String pathName() {
        return pathName;
    }

    public String label() {
        return label;
    }

    /** Only pipeline stages have an order that means something. */
    public boolean ordered() {
        return this == STAGE;
    }

    public static VocabularyKind fromPathName(String pathName) {
        for (VocabularyKind kind : values()) {
            if (kind.pathName.equals(pathName)) {
                return kind;
            }
        }
        return null;
    }
}
