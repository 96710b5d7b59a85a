package dev.debrief.domain.deal;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.debrief.domain.deal.DraftBuilder.draft;
import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static dev.debrief.domain.taxonomy.Controllability.PARTLY;
import static dev.debrief.domain.taxonomy.Controllability.YES;
import static dev.debrief.domain.taxonomy.ReasonCategory.COMPETITION;
import static dev.debrief.domain.taxonomy.ReasonCategory.PREPARATION;
import static dev.debrief.domain.taxonomy.ReasonCategory.VALUE_VS_COST;
import static org.assertj.core.api.Assertions.assertThat;

class DealPartnerSyncTest {

    private static final Instant T1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T3 = Instant.parse("2026-03-03T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");
    private static final LocalDate CLOSED = LocalDate.parse("2026-03-01");
    private static final ExternalReference REF = new ExternalReference("salesforce", "006-1");

    private final TestLookups lookups = new TestLookups();
    private final VocabularyEntry proposal = lookups.stage("Proposal");
    private final LossReason research = lookups.reason("Wrong research", PREPARATION, YES);
    private final LossReason price = lookups.reason("Price too high", VALUE_VS_COST, PARTLY);
    private final LossReason rival = lookups.reason("Went with a rival", COMPETITION, YES);
    private final Member ada = lookups.member("Ada", Role.REP);

    private DealDetails details(String name) {
        return new DealDetails(name, "Acme", new MemberRef(ada.id().value(), ada.displayName()), null,
                new Money(new BigDecimal("1000"), Currency.getInstance("EUR")), proposal.id(), null, null, null,
                null, null, Set.of(), null, REF);
    }

    private PartnerDealState open(Instant at, String name) {
        return new PartnerDealState(REF, at, details(name), Outcome.OPEN, null, null, Map.of());
    }

    private PartnerDealState lost(Instant at, PartnerAnalysis analysis) {
        return new PartnerDealState(REF, at, details("Acme rollout"), Outcome.LOST, CLOSED, analysis, Map.of());
    }

    private PartnerAnalysis completeAnalysis() {
        return new PartnerAnalysis(List.of(research.id()), "We did not research them", proposal.id(), Fit.GOOD_FIT,
                null, null);
    }

    @Test
    void createsAPartnerDealWithItsSourceTime() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, open(T1, "Acme rollout"), lookups, NOW);

        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.details().externalReference()).isEqualTo(REF);
        assertThat(deal.partnerSync().occurredAt()).isEqualTo(T1);
        assertThat(deal.newOutcomeChanges()).isEmpty();
    }

    @Test
    void aLossWithOnlyPartnerTextIsPendingTriageWithTheTextVerbatim() {
        PartnerAnalysis textOnly = new PartnerAnalysis(List.of(), "  Price too high!! ", null, null, null, null);

        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, textOnly), lookups, NOW);

        assertThat(deal.outcome()).isEqualTo(Outcome.LOST);
        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.PENDING_TRIAGE);
        assertThat(deal.lossAnalysis().source()).isEqualTo(AnalysisSource.PARTNER);
        assertThat(deal.lossAnalysis().primaryReason()).isNull();
        assertThat(deal.lossAnalysis().partnerReasonText()).isEqualTo("Price too high!!");
        assertThat(deal.newOutcomeChanges()).singleElement().satisfies(c -> assertThat(c.outcome()).isEqualTo(Outcome.LOST));
    }

    @Test
    void aLossWithoutAnyAnalysisIsPendingTriage() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, null), lookups, NOW);

        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.PENDING_TRIAGE);
    }

    @Test
    void aPartnerAnalysisThatSatisfiesTheLossRulesIsComplete() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, completeAnalysis()), lookups, NOW);

        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.COMPLETE);
        assertThat(deal.lossAnalysis().primaryReason().reasonId()).isEqualTo(research.id());
        assertThat(deal.lossAnalysis().primaryReason().controllable()).isTrue();
    }

    @Test
    void aPartlyControllableReasonStaysUndecidedAndTheAnalysisPending() {
        PartnerAnalysis partly = new PartnerAnalysis(List.of(price.id()), null, proposal.id(), Fit.GOOD_FIT, null, null);

        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, partly), lookups, NOW);

        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.PENDING_TRIAGE);
        assertThat(deal.lossAnalysis().primaryReason().controllable()).isNull();
    }

    @Test
    void aLossToARivalWithoutItsNameIsPending() {
        PartnerAnalysis rivalUnnamed = new PartnerAnalysis(List.of(rival.id()), null, proposal.id(), Fit.GOOD_FIT, null, null);

        assertThat(Deal.fromPartner(lookups.workspaceId, lost(T1, rivalUnnamed), lookups, NOW).lossAnalysis().status())
                .isEqualTo(AnalysisStatus.PENDING_TRIAGE);
    }

    @Test
    void aRepeatedReasonIsRejectedNotPending() {
        PartnerAnalysis twice = new PartnerAnalysis(List.of(research.id(), research.id()), null, proposal.id(),
                Fit.GOOD_FIT, null, null);

        assertViolation("loss-analysis.reason-repeated", "lossAnalysis.contributingReasons[0].reasonId", () -> Deal.fromPartner(lookups.workspaceId, lost(T1, twice), lookups, NOW));
    }

    @Test
    void anOlderStateIsStaleAndChangesNothing() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, open(T2, "Acme rollout"), lookups, NOW);

        Deal.Absorbed result = deal.absorb(open(T1, "Renamed"), lookups, NOW);

        assertThat(result.result()).isEqualTo(SyncResult.STALE);
        assertThat(deal.details().name()).isEqualTo("Acme rollout");
        assertThat(deal.partnerSync().occurredAt()).isEqualTo(T2);
    }

    @Test
    void theSameStateAgainIsUnchanged() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, completeAnalysis()), lookups, NOW);

        assertThat(deal.absorb(lost(T1, completeAnalysis()), lookups, NOW).result()).isEqualTo(SyncResult.UNCHANGED);
    }

    @Test
    void anotherStateAtTheSameTimeIsStale() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, open(T1, "Acme rollout"), lookups, NOW);

        assertThat(deal.absorb(open(T1, "Other name"), lookups, NOW).result()).isEqualTo(SyncResult.STALE);
        assertThat(deal.details().name()).isEqualTo("Acme rollout");
    }

    @Test
    void aNewerEqualStateIsUnchangedButMovesTheSourceTimeOn() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, open(T1, "Acme rollout"), lookups, NOW);

        assertThat(deal.absorb(open(T3, "Acme rollout"), lookups, NOW).result()).isEqualTo(SyncResult.UNCHANGED);
        assertThat(deal.absorb(open(T2, "Renamed"), lookups, NOW).result()).isEqualTo(SyncResult.STALE);
        assertThat(deal.partnerSync().occurredAt()).isEqualTo(T3);
    }

    @Test
    void aNewerStateUpdatesAndNamesTheFieldsItChanged() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, open(T1, "Acme rollout"), lookups, NOW);

        Deal.Absorbed result = deal.absorb(lost(T2, completeAnalysis()), lookups, NOW);

        assertThat(result.result()).isEqualTo(SyncResult.UPDATED);
        assertThat(result.changedFields()).containsExactly("outcome", "closedOn", "lossAnalysis");
        assertThat(deal.outcome()).isEqualTo(Outcome.LOST);
        assertThat(deal.partnerSync().occurredAt()).isEqualTo(T2);
    }

    @Test
    void aLossTurnedIntoAWinIsReopenedAndClosedAgainInTheHistory() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, completeAnalysis()), lookups, NOW);
        PartnerDealState won = new PartnerDealState(REF, T2, details("Acme rollout"), Outcome.WON, CLOSED, null, Map.of());

        deal.absorb(won, lookups, NOW);

        assertThat(deal.outcome()).isEqualTo(Outcome.WON);
        assertThat(deal.lossAnalysis()).isNull();
        assertThat(deal.newOutcomeChanges()).extracting(OutcomeChange::kind)
                .containsExactly(OutcomeChange.Kind.CLOSED, OutcomeChange.Kind.REOPENED, OutcomeChange.Kind.CLOSED);
    }

    @Test
    void anAnalysisWrittenInDebriefIsNeverOverwrittenByAPartner() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, null), lookups, NOW);
        deal.amendLossAnalysis(draft(research, proposal).build(), lookups, NOW);
        LossAnalysis memberWritten = deal.lossAnalysis();

        PartnerAnalysis other = new PartnerAnalysis(List.of(), "Budget cut", null, null, null, null);
        PartnerDealState renamed = new PartnerDealState(REF, T2, details("Renamed"), Outcome.LOST, CLOSED, other, Map.of());
        Deal.Absorbed result = deal.absorb(renamed, lookups, NOW);

        assertThat(result.result()).isEqualTo(SyncResult.UPDATED);
        assertThat(result.changedFields()).containsExactly("name");
        assertThat(deal.lossAnalysis()).isSameAs(memberWritten);
        assertThat(deal.lossAnalysis().source()).isEqualTo(AnalysisSource.DEBRIEF);
    }

    @Test
    void aPartnerAnalysisIsReplacedByANewerOneKeepingItsId() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, lost(T1, null), lookups, NOW);
        LossAnalysisId id = deal.lossAnalysis().id();

        deal.absorb(lost(T2, completeAnalysis()), lookups, NOW);

        assertThat(deal.lossAnalysis().id()).isEqualTo(id);
        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.COMPLETE);
        assertThat(deal.newOutcomeChanges()).hasSize(1);
    }

    @Test
    void anotherUnresolvedPartnerValueIsAnUpdate() {
        PartnerDealState first = new PartnerDealState(REF, T1, details("Acme rollout"), Outcome.OPEN, null, null,
                Map.of(TriageField.SEGMENT, "Mid market"));
        Deal deal = Deal.fromPartner(lookups.workspaceId, first, lookups, NOW);
        PartnerDealState second = new PartnerDealState(REF, T2, details("Acme rollout"), Outcome.OPEN, null, null,
                Map.of(TriageField.SEGMENT, "Enterprise"));

        assertThat(deal.absorb(second, lookups, NOW).result()).isEqualTo(SyncResult.UPDATED);
        assertThat(deal.partnerSync().unresolved()).containsEntry(TriageField.SEGMENT, "Enterprise");
    }

    @Test
    void riskTagsAreDebriefsOwnAndSurviveAPush() {
        Deal deal = Deal.fromPartner(lookups.workspaceId, open(T1, "Acme rollout"), lookups, NOW);
        DealDetails tagged = new DealDetails("Acme rollout", "Acme", deal.details().owner(), null,
                deal.details().amount(), proposal.id(), null, null, null, null, null, Set.of(RiskTag.NEW_MARKET), null, REF);
        deal.revise(tagged, lookups, NOW);

        assertThat(deal.absorb(open(T2, "Acme rollout"), lookups, NOW).result()).isEqualTo(SyncResult.UNCHANGED);
        assertThat(deal.details().riskTags()).containsExactly(RiskTag.NEW_MARKET);
    }

    @Test
    void partnerStatesFollowTheOutcomeRules() {
        assertViolation("value.required", "closedOn", () -> new PartnerDealState(REF, T1, details("x"), Outcome.LOST, null, null, Map.of()));
        assertViolation("outcome.closed-date-for-open", "closedOn", () -> new PartnerDealState(REF, T1, details("x"), Outcome.OPEN, CLOSED, null, Map.of()));
        assertViolation("outcome.analysis-only-for-lost", "lossAnalysis", () -> new PartnerDealState(REF, T1, details("x"), Outcome.WON, CLOSED, completeAnalysis(), Map.of()));
        assertViolation("value.required", "occurredAt", () -> new PartnerDealState(REF, null, details("x"), Outcome.OPEN, null, null, Map.of()));
    }

    @Test
    void statesFromTheFutureAreRefused() {
        assertViolation("ingest.occurred-at-in-future", "occurredAt", () -> open(NOW.plusSeconds(301), "x").requireTimely(LocalDate.parse("2026-03-05"), NOW));
        assertThat(open(NOW.plusSeconds(299), "x").requireTimely(LocalDate.parse("2026-03-05"), NOW)).isNotNull();
        assertViolation("outcome.closed-date-in-future", "closedOn", () -> new PartnerDealState(REF, T1, details("x"), Outcome.WON, LocalDate.parse("2026-03-06"),
                        null, Map.of()).requireTimely(LocalDate.parse("2026-03-05"), NOW));
    }
}
