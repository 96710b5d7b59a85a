package dev.debrief.application.service.lesson;

import dev.debrief.application.port.in.lesson.LessonDraft;
import dev.debrief.application.port.in.lesson.LessonQueries.LessonFilter;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.lesson.LessonStatus;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.VersionMismatch;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lesson use cases against the in-memory fakes. */
class LessonServiceTest {

    private final TestApplication app = new TestApplication();
    private Workspace workspace;
    private Access admin;
    private DealId deal;

    @BeforeEach
    void workspace() {
        workspace = app.createWorkspace("Europe/Berlin");
        admin = app.admin(workspace.id());
        deal = app.deals.create(admin, dev.debrief.application.fixture.DealDetailsBuilder.deal("Lost one").build()).id();
    }

    private LessonDraft draft(String statement, List<DealId> deals) {
        return new LessonDraft(statement, null, deals, Set.of(ReasonCategory.RESPONSIVENESS), LessonScope.EVERYWHERE);
    }

    @Test
    void proposesAndAuditsALesson() {
        Lesson lesson = app.lessons.propose(admin, draft("Call back within a day", List.of(deal)));

        assertThat(lesson.status()).isEqualTo(LessonStatus.PROPOSED);
        assertThat(app.auditLog.all()).anySatisfy(e -> {
            assertThat(e.resource()).isEqualTo("lesson");
            assertThat(e.action()).isEqualTo("create");
        });
    }

    @Test
    void refusesDealsAndEntriesOfAnotherWorkspace() {
        Workspace other = app.createWorkspace("Europe/Berlin");
        Deal foreign = app.deals.create(app.admin(other.id()), dev.debrief.application.fixture.DealDetailsBuilder.deal("Theirs").build());

        assertThatThrownBy(() -> app.lessons.propose(admin, draft("Call back within a day", List.of(foreign.id()))))
                .isInstanceOf(ReferenceNotFound.class).extracting("field").isEqualTo("sourceDealIds[0]");
        var theirStage = app.entry(other.id(), VocabularyKind.STAGE, "PROPOSAL");
        LessonDraft scoped = new LessonDraft("Call back within a day", null, List.of(deal), Set.of(),
                new LessonScope(Set.of(), Set.of(theirStage.id()), Set.of()));
        assertThatThrownBy(() -> app.lessons.propose(admin, scoped)).isInstanceOf(ReferenceNotFound.class);
        assertThat(app.lessons.list(workspace.id(), new LessonFilter(null, null, null, null, null, null, null), false,
                null, 10).items()).isEmpty();
    }

    @Test
    void writesNeedTheVersionTheClientSaw() {
        Lesson lesson = app.lessons.propose(admin, draft("Call back within a day", List.of(deal)));
        app.lessons.adopt(admin, lesson.id(), 0);

        assertThatThrownBy(() -> app.lessons.retire(admin, lesson.id(), 0)).isInstanceOf(VersionMismatch.class);
        assertThat(app.lessons.retire(admin, lesson.id(), 1).status()).isEqualTo(LessonStatus.RETIRED);
    }

    @Test
    void membersEndorseOnceAndKeysNotAtAll() {
        Lesson lesson = app.lessons.propose(admin, draft("Call back within a day", List.of(deal)));
        Access member = new Access(workspace.id(), new Access.MemberActor(MemberId.newId(), Role.REP));

        app.lessons.endorse(member, lesson.id());
        assertThat(app.lessons.endorse(member, lesson.id()).endorsements()).isEqualTo(1);
        assertThat(app.lessons.withdraw(member, lesson.id()).endorsements()).isZero();
        Access key = new Access(workspace.id(), new Access.KeyActor(ApiKeyId.newId(), Set.of(Scope.ADMIN)));
        assertThatThrownBy(() -> app.lessons.endorse(key, lesson.id())).isInstanceOf(Forbidden.class);
    }
}
