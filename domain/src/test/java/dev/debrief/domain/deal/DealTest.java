package dev.debrief.domain.deal;

import dev.debrief.domain.shared.VersionMismatch;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Set;
import java.util.UUID;

import static dev.debrief.domain.deal.DraftBuilder.draft;
import static dev.debrief.domain.shared.DomainAssertions.assertConflict;
import static dev.debrief.domain.shared.DomainAssertions.assertRejected;
import static dev.debrief.domain.shared.DomainAssertions.assertUnknownReference;
import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static dev.debrief.domain.taxonomy.Controllability.YES;
import static dev.debrief.domain.taxonomy.ReasonCategory.PREPARATION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class DealTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant CLOSED = Instant.parse("2025-03-10T09:00:00Z");
    private static final Instant REOPENED = Instant.parse("2025-03-12T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    private final TestLookups lookups = new TestLookups();
    private final VocabularyEntry discovery = lookups.stage("Discovery");
    private final VocabularyEntry proposal = lookups.stage("Proposal");
    private final LossReason research = lookups.reason("Wrong research", PREPARATION, YES);
    private final dev.debrief.domain.access.Member ada = lookups.member("Ada", dev.debrief.domain.access.Role.REP);

    private DealDetails details(VocabularyEntryId stageId) {
        return new DealDetails("Acme rollout", "Acme", new MemberRef(ada.id().value(), null), null,
                new Money(new BigDecimal("1000"), Currency.getInstance("EUR")), stageId, null, null, null,
                LocalDate.parse("2025-02-01"), new ContractTerm(12), Set.of(RiskTag.NEW_MARKET), null, null);
    }

    private static DealDetails withField(DealDetails d, VocabularyKind kind, VocabularyEntryId id) {
        return new DealDetails(d.name(), d.account(), d.owner(),
                kind == VocabularyKind.TEAM ? id : d.teamId(), d.amount(),
                kind == VocabularyKind.STAGE ? id : d.stageId(),
                kind == VocabularyKind.SEGMENT ? id : d.segmentId(),
                kind == VocabularyKind.PERSONA ? id : d.personaId(),
                kind == VocabularyKind.LEAD_SOURCE ? id : d.leadSourceId(),
                d.pitchedAt(), d.pitchedTerm(), d.riskTags(), d.competitor(), d.externalReference());
    }

    private static String fieldOf(VocabularyKind kind) {
        return switch (kind) {
            case TEAM -> "teamId";
            case STAGE -> "stageId";
            case SEGMENT -> "segmentId";
            case PERSONA -> "personaId";
            case LEAD_SOURCE -> "leadSourceId";
        };
    }

    private static VocabularyKind otherKind(VocabularyKind kind) {
        return kind == VocabularyKind.TEAM ? VocabularyKind.STAGE : VocabularyKind.TEAM;
    }

    private Deal openDeal() {
        return Deal.open(lookups.workspaceId, details(discovery.id()), lookups, CREATED);
    }

    private Deal lostDeal() {
        Deal deal = openDeal();
        deal.close(Outcome.LOST, TODAY, draft(research, discovery).build(), lookups, TODAY, CLOSED);
        return deal;
    }

    @Test
    void opensADealAtVersionZero() {
        Deal deal = openDeal();

        assertThat(deal.id()).isNotNull();
        assertThat(deal.workspaceId()).isEqualTo(lookups.workspaceId);
        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.closedOn()).isNull();
        assertThat(deal.lossAnalysis()).isNull();
        assertThat(deal.createdAt()).isEqualTo(CREATED);
        assertThat(deal.updatedAt()).isEqualTo(CREATED);
        assertThat(deal.version()).isZero();
        assertThat(deal.newOutcomeChanges()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"WON", "NO_DECISION"})
    void closesWithoutAnalysis(Outcome outcome) {
        Deal deal = openDeal();

        deal.close(outcome, TODAY.minusDays(2), null, lookups, TODAY, CLOSED);

        assertThat(deal.outcome()).isEqualTo(outcome);
        assertThat(deal.closedOn()).isEqualTo(TODAY.minusDays(2));
        assertThat(deal.lossAnalysis()).isNull();
        assertThat(deal.updatedAt()).isEqualTo(CLOSED);
        assertThat(deal.newOutcomeChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(OutcomeChange.Kind.CLOSED);
            assertThat(change.outcome()).isEqualTo(outcome);
            assertThat(change.closedOn()).isEqualTo(TODAY.minusDays(2));
            assertThat(change.analysisId()).isNull();
            assertThat(change.occurredAt()).isEqualTo(CLOSED);
        });
    }

    @Test
    void closesAsLostWithItsAnalysis() {
        Deal deal = lostDeal();

        assertThat(deal.outcome()).isEqualTo(Outcome.LOST);
        assertThat(deal.closedOn()).isEqualTo(TODAY);
        assertThat(deal.lossAnalysis()).isNotNull();
        assertThat(deal.lossAnalysis().primaryReason().reasonId()).isEqualTo(research.id());
        assertThat(deal.newOutcomeChanges()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(OutcomeChange.Kind.CLOSED);
            assertThat(change.outcome()).isEqualTo(Outcome.LOST);
            assertThat(change.analysisId()).isEqualTo(deal.lossAnalysis().id());
        });
    }

    @Test
    void rejectsLostCloseWithoutAnalysis() {
        Deal deal = openDeal();

        assertViolation("outcome.loss-analysis-required", "lossAnalysis",
                () -> deal.close(Outcome.LOST, TODAY, null, lookups, TODAY, CLOSED));
        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
    }

    @ParameterizedTest
    @EnumSource(value = Outcome.class, names = {"WON", "NO_DECISION"})
    void rejectsAnalysisOnACloseThatIsNotLost(Outcome outcome) {
        Deal deal = openDeal();

        assertViolation("outcome.analysis-only-for-lost", "lossAnalysis",
                () -> deal.close(outcome, TODAY, draft(research, discovery).build(), lookups, TODAY, CLOSED));
        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.lossAnalysis()).isNull();
    }

    @Test
    void rejectsClosingAsOpen() {
        Deal deal = openDeal();

        assertViolation("outcome.invalid", "outcome", () -> deal.close(Outcome.OPEN, TODAY, null, lookups, TODAY, CLOSED));
        assertViolation("outcome.invalid", "outcome", () -> deal.close(null, TODAY, null, lookups, TODAY, CLOSED));
    }

    @Test
    void rejectsCloseWithoutClosedDate() {
        assertViolation("value.required", "closedOn",
                () -> openDeal().close(Outcome.WON, null, null, lookups, TODAY, CLOSED));
    }

    @Test
    void rejectsClosedDateInTheFuture() {
        Deal deal = openDeal();

        assertViolation("outcome.closed-date-in-future", "closedOn",
                () -> deal.close(Outcome.WON, TODAY.plusDays(1), null, lookups, TODAY, CLOSED));
        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
    }

    @Test
    void acceptsClosedDateOfToday() {
        Deal deal = openDeal();

        deal.close(Outcome.WON, TODAY, null, lookups, TODAY, CLOSED);

        assertThat(deal.closedOn()).isEqualTo(TODAY);
    }

    @Test
    void leavesDealOpenWhenItsAnalysisIsRejected() {
        Deal deal = openDeal();

        assertViolation("loss-analysis.fit-required", "lossAnalysis.fit", () -> deal.close(Outcome.LOST, TODAY,
                draft(research, discovery).fit(null).build(), lookups, TODAY, CLOSED));

        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.closedOn()).isNull();
        assertThat(deal.lossAnalysis()).isNull();
        assertThat(deal.newOutcomeChanges()).isEmpty();
    }

    @Test
    void rejectsClosingAClosedDeal() {
        Deal deal = openDeal();
        deal.close(Outcome.WON, TODAY, null, lookups, TODAY, CLOSED);

        assertConflict("deal.already-closed", () -> deal.close(Outcome.NO_DECISION, TODAY, null, lookups, TODAY, CLOSED));
        assertThat(deal.outcome()).isEqualTo(Outcome.WON);
    }

    @Test
    void rejectsReopeningAnOpenDeal() {
        assertConflict("deal.not-closed", () -> openDeal().reopen(REOPENED));
    }

    @Test
    void reopeningClearsTheAnalysisAndRecordsCloseThenReopen() {
        Deal deal = lostDeal();
        LossAnalysisId analysisId = deal.lossAnalysis().id();

        deal.reopen(REOPENED);

        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.closedOn()).isNull();
        assertThat(deal.lossAnalysis()).isNull();
        assertThat(deal.updatedAt()).isEqualTo(REOPENED);
        assertThat(deal.newOutcomeChanges()).extracting(OutcomeChange::kind)
                .containsExactly(OutcomeChange.Kind.CLOSED, OutcomeChange.Kind.REOPENED);
        assertThat(deal.newOutcomeChanges().get(0).analysisId()).isEqualTo(analysisId);
        OutcomeChange reopen = deal.newOutcomeChanges().get(1);
        assertThat(reopen.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(reopen.closedOn()).isNull();
        assertThat(reopen.analysisId()).isNull();
        assertThat(reopen.occurredAt()).isEqualTo(REOPENED);
    }

    @Test
    void closesAgainAfterReopeningWithANewAnalysis() {
        Deal deal = lostDeal();
        LossAnalysisId first = deal.lossAnalysis().id();
        deal.reopen(REOPENED);

        deal.close(Outcome.LOST, TODAY, draft(research, proposal).build(), lookups, TODAY, REOPENED);

        assertThat(deal.lossAnalysis().id()).isNotEqualTo(first);
        assertThat(deal.newOutcomeChanges()).hasSize(3);
    }

    @Test
    void amendsTheAnalysisOfALostDealKeepingItsId() {
        Deal deal = lostDeal();
        LossAnalysisId id = deal.lossAnalysis().id();

        deal.amendLossAnalysis(draft(research, proposal).build(), lookups, REOPENED);

        assertThat(deal.lossAnalysis().id()).isEqualTo(id);
        assertThat(deal.lossAnalysis().stageLostAtId()).isEqualTo(proposal.id());
        assertThat(deal.updatedAt()).isEqualTo(REOPENED);
        assertThat(deal.newOutcomeChanges()).as("an amendment is not an outcome change").hasSize(1);
    }

    @Test
    void rejectsAmendingAnOpenDeal() {
        assertConflict("deal.not-lost",
                () -> openDeal().amendLossAnalysis(draft(research, discovery).build(), lookups, REOPENED));
    }

    @Test
    void rejectsAmendingAWonDeal() {
        Deal deal = openDeal();
        deal.close(Outcome.WON, TODAY, null, lookups, TODAY, CLOSED);

        assertConflict("deal.not-lost",
                () -> deal.amendLossAnalysis(draft(research, discovery).build(), lookups, REOPENED));
    }

    @Test
    void rejectsAmendingAReopenedDeal() {
        Deal deal = lostDeal();
        deal.reopen(REOPENED);

        assertConflict("deal.not-lost",
                () -> deal.amendLossAnalysis(draft(research, discovery).build(), lookups, REOPENED));
    }

    @Test
    void acceptsTheCurrentVersion() {
        Deal deal = Deal.rehydrate(DealId.newId(), lookups.workspaceId, details(discovery.id()), Outcome.OPEN, null,
                null, CREATED, CREATED, 4);

        assertThatCode(() -> deal.requireVersion(4)).doesNotThrowAnyException();
    }

    @Test
    void rejectsAStaleVersion() {
        Deal deal = Deal.rehydrate(DealId.newId(), lookups.workspaceId, details(discovery.id()), Outcome.OPEN, null,
                null, CREATED, CREATED, 4);

        assertRejected(VersionMismatch.class, VersionMismatch.CODE, null, () -> deal.requireVersion(3));
        assertRejected(VersionMismatch.class, VersionMismatch.CODE, null, () -> deal.requireVersion(5));
    }

    @Test
    void rehydratedDealHasNoNewOutcomeChanges() {
        Deal deal = Deal.rehydrate(DealId.newId(), lookups.workspaceId, details(discovery.id()), Outcome.WON, TODAY,
                null, CREATED, CLOSED, 2);

        assertThat(deal.newOutcomeChanges()).isEmpty();
        assertThat(deal.version()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(VocabularyKind.class)
    void rejectsVocabularyValueOfTheWrongKindOnCreate(VocabularyKind kind) {
        VocabularyEntry wrong = lookups.entry(otherKind(kind), "Wrong " + kind);

        assertViolation("vocabulary.wrong-kind", fieldOf(kind), () -> Deal.open(lookups.workspaceId,
                withField(details(discovery.id()), kind, wrong.id()), lookups, CREATED));
    }

    @ParameterizedTest
    @EnumSource(VocabularyKind.class)
    void rejectsUnknownVocabularyValueOnCreate(VocabularyKind kind) {
        assertUnknownReference(fieldOf(kind), () -> Deal.open(lookups.workspaceId,
                withField(details(discovery.id()), kind, VocabularyEntryId.newId()), lookups, CREATED));
    }

    @ParameterizedTest
    @EnumSource(VocabularyKind.class)
    void rejectsArchivedVocabularyValueOnCreate(VocabularyKind kind) {
        VocabularyEntry archived = lookups.entry(kind, "Old " + kind);
        archived.archive();

        assertViolation("vocabulary.archived", fieldOf(kind), () -> Deal.open(lookups.workspaceId,
                withField(details(discovery.id()), kind, archived.id()), lookups, CREATED));
    }

    @ParameterizedTest
    @EnumSource(VocabularyKind.class)
    void acceptsAVocabularyValueOfEveryKind(VocabularyKind kind) {
        VocabularyEntry entry = lookups.entry(kind, "Some " + kind);

        Deal deal = Deal.open(lookups.workspaceId, withField(details(discovery.id()), kind, entry.id()), lookups, CREATED);

        assertThat(deal.details()).isEqualTo(withField(deal.details(), kind, entry.id()));
    }

    @Test
    void opensADealWithoutAnyVocabularyValue() {
        Deal deal = Deal.open(lookups.workspaceId, details(null), lookups, CREATED);

        assertThat(deal.details().stageId()).isNull();
    }

    @Test
    void fillsInTheOwnersNameFromTheMember() {
        assertThat(openDeal().details().owner()).isEqualTo(new MemberRef(ada.id().value(), "Ada"));
    }

    @Test
    void rejectsAnOwnerWhoIsNotAMember() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Deal.open(lookups.workspaceId, details(null).withOwner(new MemberRef(UUID.randomUUID(), null)),
                lookups, CREATED))
                .isInstanceOf(dev.debrief.domain.shared.ReferenceNotFound.class)
                .extracting("field").isEqualTo("ownerId");
    }

    @Test
    void revisesTheDetails() {
        Deal deal = openDeal();
        DealDetails revised = withField(details(proposal.id()), VocabularyKind.STAGE, proposal.id());

        deal.revise(revised, lookups, CLOSED);

        assertThat(deal.details()).isEqualTo(revised.withOwner(new MemberRef(ada.id().value(), "Ada")));
        assertThat(deal.updatedAt()).isEqualTo(CLOSED);
        assertThat(deal.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void rejectsVocabularyValueOfTheWrongKindOnRevise() {
        Deal deal = openDeal();
        VocabularyEntry team = lookups.entry(VocabularyKind.TEAM, "Hunters");
        DealDetails before = deal.details();

        assertViolation("vocabulary.wrong-kind", "stageId",
                () -> deal.revise(withField(before, VocabularyKind.STAGE, team.id()), lookups, CLOSED));
        assertThat(deal.details()).isEqualTo(before);
        assertThat(deal.updatedAt()).isEqualTo(CREATED);
    }

    @Test
    void keepsAnAlreadyHeldArchivedValueValidOnRevise() {
        VocabularyEntry segment = lookups.entry(VocabularyKind.SEGMENT, "Enterprise");
        Deal deal = Deal.open(lookups.workspaceId, withField(details(discovery.id()), VocabularyKind.SEGMENT,
                segment.id()), lookups, CREATED);
        segment.archive();
        discovery.archive();

        DealDetails renamed = new DealDetails("Renamed", null, null, null, null, discovery.id(), segment.id(), null,
                null, null, null, null, null, null);
        deal.revise(renamed, lookups, CLOSED);

        assertThat(deal.details().name()).isEqualTo("Renamed");
        assertThat(deal.details().segmentId()).isEqualTo(segment.id());
    }

    @Test
    void rejectsNewlyAssigningAnArchivedValueOnRevise() {
        Deal deal = openDeal();
        proposal.archive();

        assertViolation("vocabulary.archived", "stageId",
                () -> deal.revise(withField(deal.details(), VocabularyKind.STAGE, proposal.id()), lookups, CLOSED));
    }

    @Test
    void rejectsGivingBackAnArchivedValueOnceTheDealLetItGo() {
        Deal deal = openDeal();
        discovery.archive();
        deal.revise(withField(deal.details(), VocabularyKind.STAGE, proposal.id()), lookups, CLOSED);

        assertViolation("vocabulary.archived", "stageId",
                () -> deal.revise(withField(deal.details(), VocabularyKind.STAGE, discovery.id()), lookups, REOPENED));
    }
}
