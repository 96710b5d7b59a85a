package dev.debrief.application.fake;

import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Vocabulary entries in a map, with the unique keys PostgreSQL holds: (workspace, kind, code) and
 * (workspace, kind, lower(name)). Stores and hands out copies.
 */
public class InMemoryVocabularyRepository implements VocabularyRepository {

    private static final Comparator<VocabularyEntry> ORDER = Comparator.comparingInt(VocabularyEntry::position)
            .thenComparing(VocabularyEntry::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(VocabularyEntry::name);

    private final Map<VocabularyEntryId, VocabularyEntry> entries = new HashMap<>();

    @Override
    public synchronized VocabularyEntry save(VocabularyEntry entry) {
        for (VocabularyEntry other : entries.values()) {
            if (other.id().equals(entry.id()) || !other.workspaceId().equals(entry.workspaceId())
                    || other.kind() != entry.kind()) {
                continue;
            }
            if (other.code().equals(entry.code())) {
                throw new StateConflict("vocabulary.code-taken",
                        "The " + entry.kind().label() + " code " + entry.code() + " is already taken");
            }
            if (lower(other.name()).equals(lower(entry.name()))) {
                throw new StateConflict("vocabulary.name-taken",
                        "There already is a " + entry.kind().label() + " named '" + entry.name() + "'");
            }
        }
        entries.put(entry.id(), copy(entry));
        return copy(entry);
    }

    @Override
    public synchronized Optional<VocabularyEntry> findById(WorkspaceId workspaceId, VocabularyEntryId id) {
        return Optional.ofNullable(entries.get(id)).filter(e -> e.workspaceId().equals(workspaceId))
                .map(InMemoryVocabularyRepository::copy);
    }

    @Override
    public synchronized List<VocabularyEntry> list(WorkspaceId workspaceId, VocabularyKind kind) {
        return entries.values().stream()
                .filter(e -> e.workspaceId().equals(workspaceId) && e.kind() == kind)
                .sorted(ORDER)
                .map(InMemoryVocabularyRepository::copy)
                .toList();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static VocabularyEntry copy(VocabularyEntry e) {
        return VocabularyEntry.rehydrate(e.id(), e.workspaceId(), e.kind(), e.code(), e.name(), e.position(),
                e.archived());
    }
}
