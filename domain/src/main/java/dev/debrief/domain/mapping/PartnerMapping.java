package dev.debrief.domain.mapping;

import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What one partner text means in this workspace: for a source (e.g. {@code salesforce}) and a kind,
 * the text (matched trimmed and case-insensitively) names a loss reason, a vocabulary entry or a
 * member ({@code targetId}). The target's existence and kind are checked by the use case.
 */
public final class PartnerMapping {

    public static final int VALUE_MAX = 320;
    /**
     * The most mappings a workspace holds of one kind: the list of a kind is one answer, and ingest reads a
     * workspace's mappings with every batch. A CRM's picklists are far smaller.
     */
    public static final int MAX_PER_KIND = 1000;

    private final UUID id;
    private final WorkspaceId workspaceId;
    private final MappingKind kind;
    private final String source;
    private final String partnerValue;
    private final UUID targetId;
    private final Instant createdAt;
    private final Instant updatedAt;

    private PartnerMapping(UUID id, WorkspaceId workspaceId, MappingKind kind, String source, String partnerValue,
                           UUID targetId, Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.kind = Objects.requireNonNull(kind);
        this.source = source;
        this.partnerValue = partnerValue;
        this.targetId = targetId;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public static PartnerMapping create(WorkspaceId workspaceId, MappingKind kind, String source, String partnerValue,
                                        UUID targetId, Instant now) {
        String checkedSource = ExternalReference.requireSource(source, "source");
        String value = Text.required(partnerValue, VALUE_MAX, "partnerValue");
        if (targetId == null) {
            throw new dev.debrief.domain.shared.RuleViolation("value.required", "targetId is required", "targetId");
        }
        return new PartnerMapping(Ids.newId(), workspaceId, kind, checkedSource, value, targetId, now, now);
    }

    public static PartnerMapping rehydrate(UUID id, WorkspaceId workspaceId, MappingKind kind, String source,
                                           String partnerValue, UUID targetId, Instant createdAt, Instant updatedAt) {
        return new PartnerMapping(id, workspaceId, kind, source, partnerValue, targetId, createdAt, updatedAt);
    }

    /** How partner texts compare: trimmed, lower case. */
    public static String normalized(String text) {
        return text == null ? null : text.strip().toLowerCase(Locale.ROOT);
    }

    public boolean matches(String text) {
        return normalized(partnerValue).equals(normalized(text));
    }

    public UUID id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public MappingKind kind() { return kind; }
    public String source() { return source; }
    public String partnerValue() { return partnerValue; }
    public UUID targetId() { return targetId; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
