package dev.debrief.application.service.vocabulary;

import dev.debrief.application.port.in.vocabulary.AddVocabularyEntryUseCase;
import dev.debrief.application.port.in.vocabulary.ChangeVocabularyEntryUseCase;
import dev.debrief.application.port.in.vocabulary.ReorderStagesUseCase;
import dev.debrief.application.port.in.vocabulary.VocabularyQueries;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.audit.Changes;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
@Transactional
public class VocabularyService implements AddVocabularyEntryUseCase, ChangeVocabularyEntryUseCase,
        ReorderStagesUseCase, VocabularyQueries {

    private final WorkspaceRepository workspaces;
    private final VocabularyRepository vocabulary;
    private final Auditor audit;

    @Inject
    public VocabularyService(WorkspaceRepository workspaces, VocabularyRepository vocabulary, Auditor audit) {
        this.workspaces = workspaces;
        this.vocabulary = vocabulary;
        this.audit = audit;
    }

    @Override
    public VocabularyEntry add(Access access, VocabularyKind kind, String code, String name) {
        WorkspaceId workspaceId = access.require(Right.ADMINISTER).workspaceId();
        Workspaces.require(workspaces, workspaceId);
        workspaces.lock(workspaceId);
        List<VocabularyEntry> entries = vocabulary.list(workspaceId, kind);
        VocabularyEntry.requireRoom(kind, entries.size());
        int next = entries.stream().mapToInt(VocabularyEntry::position).max().orElse(0) + 1;
        VocabularyEntry entry = vocabulary.save(VocabularyEntry.create(workspaceId, kind, code, name, next));
        audit.record(access, "vocabulary-entry", entry.id().value(), "create", List.of("code", "name", "position"));
        return entry;
    }

    @Override
    public VocabularyEntry change(Access access, VocabularyKind kind, VocabularyEntryId id, String name,
                                  Boolean archived) {
        WorkspaceId workspaceId = access.require(Right.ADMINISTER).workspaceId();
        Workspaces.require(workspaces, workspaceId);
        VocabularyEntry entry = vocabulary.findById(workspaceId, id)
                .filter(e -> e.kind() == kind)
                .orElseThrow(() -> new NotFound("vocabulary.entry-not-found",
                        "There is no " + kind.label() + " " + id + " in this workspace"));
        String oldName = entry.name();
        boolean wasArchived = entry.archived();
        if (name != null) {
            entry.rename(name);
        }
        if (Boolean.TRUE.equals(archived)) {
            entry.archive();
        } else if (Boolean.FALSE.equals(archived)) {
            entry.restore();
        }
        VocabularyEntry saved = vocabulary.save(entry);
        audit.record(access, "vocabulary-entry", saved.id().value(), "change", Changes.of()
                .field("name", oldName, saved.name()).field("archived", wasArchived, saved.archived()).changed());
        return saved;
    }

    @Override
    public List<VocabularyEntry> reorder(Access access, List<VocabularyEntryId> order) {
        WorkspaceId workspaceId = access.require(Right.ADMINISTER).workspaceId();
        Workspaces.require(workspaces, workspaceId);
        Map<VocabularyEntryId, VocabularyEntry> stages = vocabulary.list(workspaceId, VocabularyKind.STAGE).stream()
                .collect(Collectors.toMap(VocabularyEntry::id, Function.identity()));
        Set<VocabularyEntryId> given = new HashSet<>(order);
        if (given.size() != order.size() || !given.equals(stages.keySet())) {
            throw new RuleViolation("vocabulary.order-incomplete",
                    "order must list every pipeline stage of the workspace exactly once (" + stages.size() + " stages)",
                    "order");
        }
        List<VocabularyEntry> reordered = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            VocabularyEntry stage = stages.get(order.get(i));
            boolean moved = stage.position() != i + 1;
            stage.moveTo(i + 1);
            reordered.add(vocabulary.save(stage));
            if (moved) {
                audit.record(access, "vocabulary-entry", stage.id().value(), "reorder", List.of("position"));
            }
        }
        return reordered;
    }

    @Override
    public List<VocabularyEntry> list(WorkspaceId workspaceId, VocabularyKind kind, boolean includeArchived) {
        Workspaces.require(workspaces, workspaceId);
        return vocabulary.list(workspaceId, kind).stream().filter(e -> includeArchived || !e.archived()).toList();
    }
}
