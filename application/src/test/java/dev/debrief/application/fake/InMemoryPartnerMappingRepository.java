package dev.debrief.application.fake;

import dev.debrief.application.port.out.mapping.PartnerMappingRepository;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Mappings in a map, one per (workspace, kind, source, normalized value), like the unique index. */
public class InMemoryPartnerMappingRepository implements PartnerMappingRepository {

    private final Map<UUID, PartnerMapping> mappings = new LinkedHashMap<>();

    @Override
    public synchronized PartnerMapping save(PartnerMapping m) {
        Optional<PartnerMapping> existing = mappings.values().stream()
                .filter(o -> o.workspaceId().equals(m.workspaceId()) && o.kind() == m.kind()
                        && o.source().equals(m.source()) && o.matches(m.partnerValue()))
                .findFirst();
        PartnerMapping stored = existing.map(o -> PartnerMapping.rehydrate(o.id(), m.workspaceId(), m.kind(), m.source(),
                m.partnerValue(), m.targetId(), o.createdAt(), m.updatedAt())).orElse(m);
        mappings.put(stored.id(), stored);
        return stored;
    }

    /** The fake's callers run one at a time: nothing to hold. */
    @Override
    public void lockKind(WorkspaceId workspaceId, MappingKind kind) {
    }

    @Override
    public synchronized Optional<PartnerMapping> findById(WorkspaceId workspaceId, UUID id) {
        return Optional.ofNullable(mappings.get(id)).filter(m -> m.workspaceId().equals(workspaceId));
    }

    @Override
    public synchronized void delete(PartnerMapping mapping) {
        mappings.remove(mapping.id());
    }

    @Override
    public synchronized List<PartnerMapping> list(WorkspaceId workspaceId, MappingKind kind) {
        return all(workspaceId).stream().filter(m -> m.kind() == kind)
                .sorted(Comparator.comparing(PartnerMapping::source)
                        .thenComparing(m -> PartnerMapping.normalized(m.partnerValue()))
                        .thenComparing(PartnerMapping::id))
                .toList();
    }

    @Override
    public synchronized List<PartnerMapping> all(WorkspaceId workspaceId) {
        return mappings.values().stream().filter(m -> m.workspaceId().equals(workspaceId)).toList();
    }
}
