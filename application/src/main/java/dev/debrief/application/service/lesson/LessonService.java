package dev.debrief.application.service.lesson;

import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.application.port.in.lesson.LessonQueries;
import dev.debrief.application.port.in.lesson.LessonsUseCase;
import dev.debrief.application.port.in.shared.Cursors;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.lesson.LessonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.workspace.Workspaces;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** Lessons: every write locks the lesson's row, checks the version the client saw, and is audited. */
@ApplicationScoped
@Transactional
public class LessonService implements LessonsUseCase, LessonQueries {

    static final String LESSON = "lesson";
    private static final String CURSOR = "lessons";

    private final WorkspaceRepository workspaces;
    private final LessonRepository lessons;
    private final DealRepository deals;
    private final VocabularyRepository vocabulary;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public LessonService(WorkspaceRepository workspaces, LessonRepository lessons, DealRepository deals,
                         VocabularyRepository vocabulary, Auditor audit, Clock clock) {
        this.workspaces = workspaces;
        this.lessons = lessons;
        this.deals = deals;
        this.vocabulary = vocabulary;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Lesson propose(Access access, LessonDraft draft) {
        Workspaces.require(workspaces, access.workspaceId());
        check(access.workspaceId(), draft, null);
        Lesson lesson = Lesson.propose(access.workspaceId(), draft.statement(), draft.rationale(),
                new LinkedHashSet<>(draft.sourceDealIds()), draft.categories(), draft.scope(), clock.instant());
        lessons.save(lesson);
        audit.record(access, LESSON, lesson.id(), "create", List.of("statement", "sourceDealIds"));
        return lessons.findById(access.workspaceId(), lesson.id()).orElseThrow();
    }

    @Override
    public Lesson revise(Access access, UUID lessonId, long expectedVersion, UnaryOperator<LessonDraft> change) {
        Lesson lesson = lock(access, lessonId, expectedVersion);
        LessonDraft draft = change.apply(draftOf(lesson));
        check(access.workspaceId(), draft, lesson);
        String before = lesson.statement();
        lesson.revise(draft.statement(), draft.rationale(), new LinkedHashSet<>(draft.sourceDealIds()),
                draft.categories(), draft.scope(), clock.instant(), lessons.history(access.workspaceId(), lessonId).size());
        lessons.save(lesson);
        audit.record(access, LESSON, lesson.id(), "change", before.equals(lesson.statement())
                ? List.of("lesson") : List.of("statement"));
        return lessons.findById(access.workspaceId(), lessonId).orElseThrow();
    }

    @Override
    public Lesson adopt(Access access, UUID lessonId, long expectedVersion) {
        Lesson lesson = lock(access, lessonId, expectedVersion);
        lesson.adopt(clock.instant());
        return saved(access, lesson, "adopt");
    }

    @Override
    public Lesson retire(Access access, UUID lessonId, long expectedVersion) {
        Lesson lesson = lock(access, lessonId, expectedVersion);
        lesson.retire(clock.instant());
        return saved(access, lesson, "retire");
    }

    private Lesson saved(Access access, Lesson lesson, String action) {
        lessons.save(lesson);
        audit.record(access, LESSON, lesson.id(), action, List.of("status"));
        return lessons.findById(access.workspaceId(), lesson.id()).orElseThrow();
    }

    @Override
    public Lesson endorse(Access access, UUID lessonId) {
        return endorsement(access, lessonId, true);
    }

    @Override
    public Lesson withdraw(Access access, UUID lessonId) {
        return endorsement(access, lessonId, false);
    }

    private Lesson endorsement(Access access, UUID lessonId, boolean endorse) {
        if (!(access.actor() instanceof Access.MemberActor member)) {
            throw new Forbidden("Members endorse lessons; an API key can't");
        }
        get(access.workspaceId(), lessonId);
        Instant now = clock.instant();
        boolean changed = endorse
                ? lessons.endorse(access.workspaceId(), lessonId, member.memberId(), now)
                : lessons.withdraw(access.workspaceId(), lessonId, member.memberId());
        if (changed) {
            audit.record(access, LESSON, lessonId, endorse ? "endorse" : "withdraw-endorsement", List.of("endorsements"));
        }
        return lessons.findById(access.workspaceId(), lessonId).orElseThrow();
    }

    private Lesson lock(Access access, UUID lessonId, long expectedVersion) {
        Workspaces.require(workspaces, access.workspaceId());
        Lesson lesson = lessons.lockById(access.workspaceId(), lessonId).orElseThrow(() -> notFound(lessonId));
        lesson.requireVersion(expectedVersion);
        return lesson;
    }

    /** Source deals and scope entries belong to the workspace; scope entries are of their kind and, if new, not archived. */
    private void check(WorkspaceId workspaceId, LessonDraft draft, Lesson current) {
        for (int i = 0; i < draft.sourceDealIds().size(); i++) {
            DealId dealId = draft.sourceDealIds().get(i);
            if (dealId == null || deals.findById(workspaceId, dealId).isEmpty()) {
                throw new ReferenceNotFound("Deal", dealId, "sourceDealIds[" + i + "]");
            }
        }
        Set<VocabularyEntryId> held = current == null ? Set.of() : allOf(current.scope());
        checkScope(workspaceId, draft.scope().segmentIds(), VocabularyKind.SEGMENT, "segmentIds", held);
        checkScope(workspaceId, draft.scope().stageIds(), VocabularyKind.STAGE, "stageIds", held);
        checkScope(workspaceId, draft.scope().personaIds(), VocabularyKind.PERSONA, "personaIds", held);
    }

    private void checkScope(WorkspaceId workspaceId, Set<VocabularyEntryId> ids, VocabularyKind kind, String field,
                            Set<VocabularyEntryId> held) {
        for (VocabularyEntryId id : ids) {
            vocabulary.findById(workspaceId, id)
                    .orElseThrow(() -> new ReferenceNotFound(kind.label(), id, field))
                    .requireAssignable(kind, held.contains(id), field);
        }
    }

    private static Set<VocabularyEntryId> allOf(LessonScope scope) {
        Set<VocabularyEntryId> all = new LinkedHashSet<>(scope.segmentIds());
        all.addAll(scope.stageIds());
        all.addAll(scope.personaIds());
        return all;
    }

    private static LessonDraft draftOf(Lesson lesson) {
        return new LessonDraft(lesson.statement(), lesson.rationale(), new ArrayList<>(lesson.sourceDealIds()),
                lesson.categories(), lesson.scope());
    }

    static NotFound notFound(UUID id) {
        return new NotFound("lesson.not-found", "There is no lesson " + id + " in this workspace");
    }

    @Override
    public Lesson get(WorkspaceId workspaceId, UUID lessonId) {
        Workspaces.require(workspaces, workspaceId);
        return lessons.findById(workspaceId, lessonId).orElseThrow(() -> notFound(lessonId));
    }

    @Override
    public LessonPage list(WorkspaceId workspaceId, LessonFilter filter, boolean byEndorsements, String cursor, int limit) {
        Workspaces.require(workspaces, workspaceId);
        if (limit < 1 || limit > 100) {
            throw new dev.debrief.domain.shared.InvalidInput("query.invalid", "limit must be between 1 and 100", "limit");
        }
        String fingerprint = Cursors.fingerprint(filter, byEndorsements);
        LessonRepository.Key after = null;
        if (cursor != null) {
            String[] fields = Cursors.decode(cursor, CURSOR, fingerprint, 3);
            try {
                after = new LessonRepository.Key(Long.parseLong(fields[0]), Instant.parse(fields[1]), UUID.fromString(fields[2]));
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
        }
        List<Lesson> rows = lessons.page(workspaceId, filter, byEndorsements, after, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Lesson last = rows.get(limit - 1);
            next = Cursors.encode(CURSOR, fingerprint, Long.toString(last.endorsements()), last.createdAt().toString(),
                    last.id().toString());
        }
        return new LessonPage(List.copyOf(rows), next);
    }

    @Override
    public List<Lesson.StatementChange> history(WorkspaceId workspaceId, UUID lessonId) {
        get(workspaceId, lessonId);
        return lessons.history(workspaceId, lessonId);
    }
}
