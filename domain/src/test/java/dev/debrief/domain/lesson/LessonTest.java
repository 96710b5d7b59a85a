package dev.debrief.domain.lesson;

import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Lookups;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import static dev.debrief.domain.shared.DomainAssertions.assertConflict;
import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class LessonTest {

    private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-06T09:00:00Z");
    private final WorkspaceId ws = WorkspaceId.newId();
    private final DealId deal = DealId.newId();

    private Lesson lesson() {
        return Lesson.propose(ws, "Send the revised quote the same day", "Slow quotes lost us two deals", Set.of(deal),
                Set.of(ReasonCategory.RESPONSIVENESS), LessonScope.EVERYWHERE, NOW);
    }

    @Test
    void aNewLessonIsProposed() {
        assertThat(lesson().status()).isEqualTo(LessonStatus.PROPOSED);
    }

    @Test
    void aLessonIsADoAndCitesADeal() {
        assertViolation("phrasing.prohibition", "statement", () -> Lesson.propose(ws, "Don't be slow", null,
                Set.of(deal), Set.of(), LessonScope.EVERYWHERE, NOW));
        assertViolation("lesson.source-deal-required", "sourceDealIds", () -> Lesson.propose(ws, "Call back today",
                null, Set.of(), Set.of(), LessonScope.EVERYWHERE, NOW));
        assertViolation("value.required", "statement", () -> Lesson.propose(ws, "  ", null, Set.of(deal), Set.of(),
                LessonScope.EVERYWHERE, NOW));
    }

    @Test
    void followsItsLifecycle() {
        Lesson lesson = lesson();
        assertConflict("lesson.invalid-transition", () -> lesson.retire(NOW));
        lesson.adopt(NOW);
        assertConflict("lesson.invalid-transition", () -> lesson.adopt(NOW));
        lesson.retire(LATER);
        assertThat(lesson.status()).isEqualTo(LessonStatus.RETIRED);
        lesson.adopt(LATER);
        assertThat(lesson.status()).isEqualTo(LessonStatus.ADOPTED);
    }

    @Test
    void aChangedStatementIsKeptAsHistory() {
        Lesson lesson = lesson();
        lesson.adopt(NOW);

        lesson.revise("Send the revised quote within two hours", null, Set.of(deal), Set.of(), LessonScope.EVERYWHERE, LATER, 0);

        assertThat(lesson.newStatementChanges()).singleElement().satisfies(c -> {
            assertThat(c.statement()).isEqualTo("Send the revised quote the same day");
            assertThat(c.replacedAt()).isEqualTo(LATER);
        });
        lesson.revise("Send the revised quote within two hours", "why", Set.of(deal), Set.of(), LessonScope.EVERYWHERE, LATER, 0);
        assertThat(lesson.newStatementChanges()).as("the same statement again is no change").hasSize(1);
    }

    @Test
    void keepsAtMostAHundredEarlierStatementsAndRefusesTheNextRewording() {
        Lesson lesson = lesson();

        lesson.revise("Send the revised quote within two hours", null, Set.of(deal), Set.of(), LessonScope.EVERYWHERE, LATER,
                Lesson.MAX_EARLIER_STATEMENTS - 1);
        assertThat(lesson.newStatementChanges()).hasSize(1);
        assertConflict("lesson.history-limit-reached", () -> lesson.revise("Send the revised quote within the hour", null, Set.of(deal),
                Set.of(), LessonScope.EVERYWHERE, LATER, Lesson.MAX_EARLIER_STATEMENTS - 1));
        lesson.revise("Send the revised quote within two hours", "the rationale still changes", Set.of(deal), Set.of(),
                LessonScope.EVERYWHERE, LATER, Lesson.MAX_EARLIER_STATEMENTS);
        assertThat(lesson.rationale()).isEqualTo("the rationale still changes");
    }

    @Test
    void appliesWhenEachNonEmptyScopeHoldsTheDealsValue() {
        VocabularyEntryId enterprise = VocabularyEntryId.newId();
        VocabularyEntryId proposal = VocabularyEntryId.newId();
        VocabularyEntryId discovery = VocabularyEntryId.newId();
        Deal enterpriseAtProposal = deal(enterprise, proposal);
        Deal noSegment = deal(null, proposal);

        assertThat(Applicability.appliesTo(LessonScope.EVERYWHERE, noSegment)).isTrue();
        LessonScope enterpriseOnly = new LessonScope(Set.of(enterprise), Set.of(), Set.of());
        assertThat(Applicability.appliesTo(enterpriseOnly, enterpriseAtProposal)).isTrue();
        assertThat(Applicability.appliesTo(enterpriseOnly, noSegment)).isFalse();
        LessonScope enterpriseInDiscovery = new LessonScope(Set.of(enterprise), Set.of(discovery), Set.of());
        assertThat(Applicability.appliesTo(enterpriseInDiscovery, enterpriseAtProposal)).isFalse();
        LessonScope twoStages = new LessonScope(Set.of(), Set.of(discovery, proposal), Set.of());
        assertThat(Applicability.appliesTo(twoStages, enterpriseAtProposal)).isTrue();
    }

    private Deal deal(VocabularyEntryId segment, VocabularyEntryId stage) {
        DealDetails details = new DealDetails("Acme", null, null, null, null, stage, segment, null, null,
                LocalDate.parse("2026-01-01"), new ContractTerm(12), Set.of(), null, null);
        Lookups none = new Lookups() {
            @Override
            public Optional<dev.debrief.domain.vocabulary.VocabularyEntry> vocabularyEntry(VocabularyEntryId id) {
                return Optional.of(dev.debrief.domain.vocabulary.VocabularyEntry.rehydrate(id, ws,
                        id.equals(stage) ? dev.debrief.domain.vocabulary.VocabularyKind.STAGE
                                : dev.debrief.domain.vocabulary.VocabularyKind.SEGMENT, "X", "X", 1, false));
            }

            @Override
            public Optional<dev.debrief.domain.taxonomy.LossReason> lossReason(dev.debrief.domain.taxonomy.LossReasonId id) {
                return Optional.empty();
            }

            @Override
            public Optional<dev.debrief.domain.access.Member> member(dev.debrief.domain.access.MemberId id) {
                return Optional.empty();
            }
        };
        return Deal.open(ws, details, none, NOW);
    }
}
