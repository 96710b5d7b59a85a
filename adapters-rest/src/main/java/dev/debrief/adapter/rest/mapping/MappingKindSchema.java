package dev.debrief.adapter.rest.mapping;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The contract's name for a kind of mapping, as the path and the answers write it (the domain's
 * {@link dev.debrief.domain.mapping.MappingKind#slug()}). Never instantiated: it only carries the schema.
 */
@Schema(name = "MappingKind", type = SchemaType.STRING,
        enumeration = {"reason", "stage", "segment", "persona", "lead-source", "team", "owner"},
        description = "What a partner's text is mapped to: a loss reason, an entry of a vocabulary (stage, segment, persona, "
                + "lead-source, team) or a member (owner)")
public final class MappingKindSchema {

    private MappingKindSchema() {
    }
}
