package dev.debrief.application.port.out.lesson;

import dev.debrief.application.port.in.lesson.LessonQueries.LessonFilter;
import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Lookups;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonScope;
import dev.debrief.domain.lesson.LessonStatus;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link LessonRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class LessonRepositoryContract extends RepositoryContract {

    private static final LessonFilter ALL = new LessonFilter(null, null, null, null, null, null, null);

    protected abstract LessonRepository lessons();

    protected abstract DealRepository deals();

    protected abstract MemberRepository members();

    private DealId deal(WorkspaceId ws) {
        Lookups none = new Lookups() {
            @Override
            public Optional<dev.debrief.domain.vocabulary.VocabularyEntry> vocabularyEntry(dev.debrief.domain.vocabulary.VocabularyEntryId id) {
                return Optional.empty();
            }

            @Override
            public Optional<dev.debrief.domain.taxonomy.LossReason> lossReason(dev.debrief.domain.taxonomy.LossReasonId id) {
                return Optional.empty();
            }

            @Override
            public Optional<Member> member(dev.debrief.domain.access.MemberId id) {
                return Optional.empty();
            }
        };
        Deal deal = Deal.open(ws, new DealDetails("Deal", null, null, null, null, null, null, null, null, null, null,
                Set.of(), null, null), none, EPOCH);
        inTransaction(() -> deals().save(deal));
        return deal.id();
    }

    private Member member(WorkspaceId ws, String name) {
        Member member = Member.join(ws, new Principal.Person("https://idp.test", "sub-" + name + System.nanoTime(),
                name + "@example.com", true, name), Role.REP, EPOCH);
        return inTransaction(() -> members().save(member));
    }

    private Lesson lesson(WorkspaceId ws, DealId deal, String statement, ReasonCategory category) {
        Lesson lesson = Lesson.propose(ws, statement, null, Set.of(deal), Set.of(category), LessonScope.EVERYWHERE, EPOCH);
        inTransaction(() -> lessons().save(lesson));
        return lesson;
    }

    @Test
    void storesALessonAndCountsAChangeAsANewVersionWithItsHistory() {
        WorkspaceId ws = newWorkspace();
        DealId deal = deal(ws);
        Lesson saved = lesson(ws, deal, "Send the quote the same day", ReasonCategory.RESPONSIVENESS);

        inTransaction(() -> {
            Lesson locked = lessons().lockById(ws, saved.id()).orElseThrow();
            locked.adopt(EPOCH.plusSeconds(60));
            locked.revise("Send the quote within two hours", null, Set.of(deal), Set.of(ReasonCategory.RESPONSIVENESS),
                    LessonScope.EVERYWHERE, EPOCH.plusSeconds(60), 0);
            lessons().save(locked);
        });

        Lesson stored = inTransaction(() -> lessons().findById(ws, saved.id())).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.status()).isEqualTo(LessonStatus.ADOPTED);
        assertThat(stored.sourceDealIds()).containsExactly(deal);
        assertThat(inTransaction(() -> lessons().history(ws, saved.id()))).extracting(Lesson.StatementChange::statement)
                .containsExactly("Send the quote the same day");
        assertThat(inTransaction(() -> lessons().findById(newWorkspace(), saved.id()))).isEmpty();
    }

    @Test
    void countsEachMembersEndorsementOnce() {
        WorkspaceId ws = newWorkspace();
        Lesson lesson = lesson(ws, deal(ws), "Call back within a day", ReasonCategory.RESPONSIVENESS);
        Member ann = member(ws, "ann");
        Member bob = member(ws, "bob");

        assertThat(inTransaction(() -> lessons().endorse(ws, lesson.id(), ann.id(), EPOCH))).isTrue();
        assertThat(inTransaction(() -> lessons().endorse(ws, lesson.id(), ann.id(), EPOCH))).isFalse();
        assertThat(inTransaction(() -> lessons().endorse(ws, lesson.id(), bob.id(), EPOCH))).isTrue();
        assertThat(inTransaction(() -> lessons().findById(ws, lesson.id())).orElseThrow().endorsements()).isEqualTo(2);

        assertThat(inTransaction(() -> lessons().withdraw(ws, lesson.id(), ann.id()))).isTrue();
        assertThat(inTransaction(() -> lessons().withdraw(ws, lesson.id(), ann.id()))).isFalse();
        assertThat(inTransaction(() -> lessons().findById(ws, lesson.id())).orElseThrow().endorsements()).isEqualTo(1);
    }

    @Test
    void pagesByEndorsementsOrRecencyWithFilters() {
        WorkspaceId ws = newWorkspace();
        DealId deal = deal(ws);
        Lesson first = lesson(ws, deal, "Call back within a day", ReasonCategory.RESPONSIVENESS);
        Lesson second = lesson(ws, deal, "Bring the CFO into discovery", ReasonCategory.DECISION_MAKER);
        inTransaction(() -> lessons().endorse(ws, first.id(), member(ws, "ann").id(), EPOCH));

        assertThat(inTransaction(() -> lessons().page(ws, ALL, true, null, 10))).extracting(Lesson::id)
                .containsExactly(first.id(), second.id());
        List<Lesson> byTime = inTransaction(() -> lessons().page(ws, ALL, false, null, 1));
        Lesson top = byTime.get(0);
        assertThat(inTransaction(() -> lessons().page(ws, ALL, false,
                new LessonRepository.Key(top.endorsements(), top.createdAt(), top.id()), 10))).hasSize(1);
        assertThat(inTransaction(() -> lessons().page(ws, new LessonFilter(null, ReasonCategory.DECISION_MAKER, null,
                null, null, null, null), false, null, 10))).extracting(Lesson::id).containsExactly(second.id());
        assertThat(inTransaction(() -> lessons().page(ws, new LessonFilter(null, null, null, null, null, null, "cfo"),
                false, null, 10))).extracting(Lesson::id).containsExactly(second.id());
    }
}
