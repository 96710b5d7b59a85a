package dev.debrief.application.fake;

import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.in.lesson.LessonQueries.LessonFilter;
import dev.debrief.application.port.out.lesson.LessonRepository;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Lessons, their histories and endorsements in maps, with the adapter's ordering and filters. */
public class InMemoryLessonRepository implements LessonRepository {

    private final Map<UUID, Lesson> lessons = new HashMap<>();
    private final Map<UUID, List<Lesson.StatementChange>> histories = new HashMap<>();
    private final Map<UUID, Set<MemberId>> endorsements = new HashMap<>();

    @Override
    public synchronized void save(Lesson l) {
        Lesson stored = lessons.get(l.id());
        long version = stored == null ? 0 : stored.version() + 1;
        lessons.put(l.id(), copy(l, version, count(l.id())));
        histories.computeIfAbsent(l.id(), id -> new ArrayList<>()).addAll(l.newStatementChanges());
    }

    private long count(UUID id) {
        return endorsements.getOrDefault(id, Set.of()).size();
    }

    private static Lesson copy(Lesson l, long version, long endorsements) {
        return Lesson.rehydrate(l.id(), l.workspaceId(), l.statement(), l.rationale(), l.sourceDealIds(), l.categories(),
                l.scope(), l.status(), l.createdAt(), l.updatedAt(), version, endorsements);
    }

    @Override
    public synchronized Optional<Lesson> findById(WorkspaceId workspaceId, UUID id) {
        return Optional.ofNullable(lessons.get(id)).filter(l -> l.workspaceId().equals(workspaceId))
                .map(l -> copy(l, l.version(), count(id)));
    }

    @Override
    public Optional<Lesson> lockById(WorkspaceId workspaceId, UUID id) {
        return findById(workspaceId, id);
    }

    @Override
    public synchronized List<Lesson.StatementChange> history(WorkspaceId workspaceId, UUID id) {
        return findById(workspaceId, id).isEmpty() ? List.of() : List.copyOf(histories.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized boolean endorse(WorkspaceId workspaceId, UUID lessonId, MemberId memberId, Instant now) {
        return endorsements.computeIfAbsent(lessonId, id -> new HashSet<>()).add(memberId);
    }

    @Override
    public synchronized boolean withdraw(WorkspaceId workspaceId, UUID lessonId, MemberId memberId) {
        return endorsements.getOrDefault(lessonId, new HashSet<>()).remove(memberId);
    }

    @Override
    public synchronized List<Lesson> page(WorkspaceId workspaceId, LessonFilter f, boolean byEndorsements, Key after,
                                          int limit) {
        Comparator<Lesson> order = byEndorsements
                ? Comparator.comparingLong(Lesson::endorsements).reversed()
                : Comparator.comparing(Lesson::createdAt).reversed();
        order = order.thenComparing((a, b) -> DealSort.compareUuids(b.id(), a.id()));
        Comparator<Lesson> finalOrder = order;
        return lessons.values().stream()
                .filter(l -> l.workspaceId().equals(workspaceId))
                .map(l -> copy(l, l.version(), count(l.id())))
                .filter(l -> matches(l, f))
                .filter(l -> after == null || finalOrder.compare(l, keyLesson(l, after)) > 0)
                .sorted(order).limit(limit).toList();
    }

    private static Lesson keyLesson(Lesson template, Key key) {
        return Lesson.rehydrate(key.id(), template.workspaceId(), template.statement(), null, template.sourceDealIds(),
                Set.of(), LessonScope.EVERYWHERE, template.status(), key.createdAt(), key.createdAt(), 0, key.endorsements());
    }

    private static boolean matches(Lesson l, LessonFilter f) {
        return (f.status() == null || l.status() == f.status())
                && (f.category() == null || l.categories().contains(f.category()))
                && applies(l.scope().segmentIds(), f.segmentId())
                && applies(l.scope().stageIds(), f.stageId())
                && applies(l.scope().personaIds(), f.personaId())
                && (f.dealId() == null || l.sourceDealIds().contains(f.dealId()))
                && (f.q() == null || contains(l.statement(), f.q()) || contains(l.rationale(), f.q()));
    }

    private static boolean applies(Set<VocabularyEntryId> scope, VocabularyEntryId entry) {
        return entry == null || scope.isEmpty() || scope.contains(entry);
    }

    private static boolean contains(String text, String q) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT));
    }
}
