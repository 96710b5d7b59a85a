package dev.debrief.application.service.deal;

import dev.debrief.application.port.in.deal.CloseDealUseCase.CloseDealCommand;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealQueries.HistoryEntry;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.in.taxonomy.ChangeLossReasonUseCase.ChangeLossReasonCommand;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.LossAnalysisDraft;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.deal.ReasonInput;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.VersionMismatch;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static dev.debrief.application.fixture.DealDetailsBuilder.deal;
import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class DealServiceTest {

    /** 10 March 2025, 10:00 UTC: the same day in Berlin. */
    private static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    private final TestApplication app = new TestApplication();
    private final WorkspaceId workspace = app.createWorkspace("Europe/Berlin").id();
    private final VocabularyEntry discovery = app.stage(workspace, "DISCOVERY");
    private final VocabularyEntry proposal = app.stage(workspace, "PROPOSAL");
    private final LossReason research = app.reason(workspace, "WRONG_RESEARCH");
    private final LossReason timing = app.reason(workspace, "BAD_TIMING");

    private Deal create(String name) {
        return app.deals.create(app.admin(workspace), deal(name).stage(discovery.id()).build());
    }

    private LossAnalysisDraft analysis(LossReason primary, VocabularyEntry stage) {
        return new LossAnalysisDraft(new ReasonInput(primary.id(), null, null), List.of(), stage.id(), Fit.GOOD_FIT,
                null, "They went quiet", "Follow up within a day");
    }

    private Deal close(Deal deal, Outcome outcome, LossAnalysisDraft analysis) {
        return app.deals.close(new CloseDealCommand(app.admin(workspace), deal.id(), deal.version(), outcome, TODAY, analysis));
    }

    private Deal stored(DealId id) {
        return app.dealQueries.get(workspace, id);
    }

    @Test
    void createsAnOpenDealAtVersionZero() {
        Deal deal = create("Acme rollout");

        assertThat(deal.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(deal.version()).isZero();
        assertThat(deal.createdAt()).isEqualTo(app.clock.instant());
        assertThat(stored(deal.id()).details()).isEqualTo(deal.details());
    }

    @Test
    void rejectsADealWithAnUnknownStage() {
        ReferenceNotFound error = assertRejected(ReferenceNotFound.class, ReferenceNotFound.CODE,
                () -> app.deals.create(app.admin(workspace), deal("Acme").stage(VocabularyEntryId.newId()).build()));

        assertThat(error.field()).isEqualTo("stageId");
        assertThat(app.dealQueries.list(workspace, DealFilter.none(), DealSort.DEFAULT, null, 10).items()).isEmpty();
    }

    @Test
    void rejectsADealWithAnotherWorkspacesStage() {
        WorkspaceId other = app.createWorkspace("Europe/Berlin").id();
        VocabularyEntry theirs = app.stage(other, "DISCOVERY");

        assertRejected(ReferenceNotFound.class, ReferenceNotFound.CODE,
                () -> app.deals.create(app.admin(workspace), deal("Acme").stage(theirs.id()).build()));
    }

    @Test
    void rejectsADealWithAnArchivedStage() {
        app.vocabulary.change(app.admin(workspace), VocabularyKind.STAGE, discovery.id(), null, true);

        assertRejected(RuleViolation.class, "vocabulary.archived", () -> create("Acme rollout"));
    }

    @Test
    void rejectsADealInAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found",
                () -> app.deals.create(app.admin(WorkspaceId.newId()), deal("Acme").build()));
    }

    @Test
    void rejectsASecondDealWithTheSameExternalReference() {
        app.deals.create(app.admin(workspace), deal("First").externalReference("salesforce", "006-1").build());

        assertRejected(StateConflict.class, "deal.external-reference-taken", () -> app.deals.create(app.admin(workspace),
                deal("Second").externalReference("salesforce", "006-1").build()));
    }

    @Test
    void revisesTheCurrentDetails() {
        Deal deal = create("Acme rollout");
        Instant later = app.clock.advance(Duration.ofMinutes(5));

        Deal revised = app.deals.revise(app.admin(workspace), deal.id(), 0,
                current -> deal(current.name() + " phase 2").stage(proposal.id()).build());

        assertThat(revised.version()).isEqualTo(1);
        assertThat(revised.updatedAt()).isEqualTo(later);
        assertThat(stored(deal.id()).details().name()).isEqualTo("Acme rollout phase 2");
        assertThat(stored(deal.id()).details().stageId()).isEqualTo(proposal.id());
    }

    @Test
    void letsOnlyTheFirstOfTwoWritersWithTheSameVersionThrough() {
        Deal deal = create("Acme rollout");

        app.deals.revise(app.admin(workspace), deal.id(), 0, current -> deal("First writer").build());

        assertRejected(VersionMismatch.class, VersionMismatch.CODE,
                () -> app.deals.revise(app.admin(workspace), deal.id(), 0, current -> deal("Second writer").build()));
        assertThat(stored(deal.id()).details().name()).isEqualTo("First writer");
        assertThat(stored(deal.id()).version()).isEqualTo(1);
    }

    @Test
    void closesALostDealWithItsAnalysis() {
        Deal deal = create("Acme rollout");

        Deal lost = close(deal, Outcome.LOST, analysis(research, discovery));

        assertThat(lost.version()).isEqualTo(1);
        assertThat(lost.outcome()).isEqualTo(Outcome.LOST);
        assertThat(lost.closedOn()).isEqualTo(TODAY);
        LossAnalysis analysis = app.dealQueries.lostDeal(workspace, deal.id()).lossAnalysis();
        assertThat(analysis.primaryReason().reasonId()).isEqualTo(research.id());
        assertThat(analysis.primaryReason().controllable()).isTrue();
        assertThat(analysis.stageLostAtId()).isEqualTo(discovery.id());
    }

    @Test
    void closesAWonDeal() {
        Deal won = close(create("Acme rollout"), Outcome.WON, null);

        assertThat(stored(won.id()).outcome()).isEqualTo(Outcome.WON);
        assertThat(app.dealQueries.outcomeHistory(workspace, won.id())).singleElement()
                .satisfies(entry -> assertThat(entry.analysis()).isNull());
    }

    @Test
    void rejectsALossWithAnUnknownReasonNamingItsField() {
        Deal deal = create("Acme rollout");
        LossAnalysisDraft draft = new LossAnalysisDraft(new ReasonInput(research.id(), null, null),
                List.of(new ReasonInput(timing.id(), null, null),
                        new ReasonInput(app.reason(app.createWorkspace("UTC").id(), "NO_BUDGET").id(), null, null)),
                discovery.id(), Fit.GOOD_FIT, null, null, null);

        ReferenceNotFound error = assertRejected(ReferenceNotFound.class, ReferenceNotFound.CODE,
                () -> close(deal, Outcome.LOST, draft));

        assertThat(error.field()).isEqualTo("lossAnalysis.contributingReasons[1].reasonId");
        assertThat(stored(deal.id()).outcome()).isEqualTo(Outcome.OPEN);
    }

    @Test
    void rejectsACloseWithAStaleVersionAndChangesNothing() {
        Deal deal = create("Acme rollout");
        app.deals.revise(app.admin(workspace), deal.id(), 0, current -> deal("Renamed").stage(discovery.id()).build());

        assertRejected(VersionMismatch.class, VersionMismatch.CODE, () -> app.deals.close(new CloseDealCommand(app.admin(workspace), deal.id(), 0, Outcome.LOST, TODAY, analysis(research, discovery))));

        Deal unchanged = stored(deal.id());
        assertThat(unchanged.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(unchanged.lossAnalysis()).isNull();
        assertThat(unchanged.version()).isEqualTo(1);
        assertThat(app.dealQueries.outcomeHistory(workspace, deal.id())).isEmpty();
    }

    @Test
    void rejectsClosingAnUnknownDeal() {
        assertRejected(NotFound.class, "deal.not-found", () -> app.deals.close(new CloseDealCommand(app.admin(workspace),
                DealId.newId(), 0, Outcome.WON, TODAY, null)));
    }

    @Test
    void rejectsClosingAnotherWorkspacesDeal() {
        WorkspaceId other = app.createWorkspace("Europe/Berlin").id();
        Deal theirs = app.deals.create(app.admin(other), deal("Theirs").build());

        assertRejected(NotFound.class, "deal.not-found", () -> app.deals.close(new CloseDealCommand(app.admin(workspace),
                theirs.id(), 0, Outcome.WON, TODAY, null)));
    }

    @Test
    void judgesTheClosedDateInTheWorkspacesTimeZone() {
        // 20:00 UTC on 10 March is already 11 March in Auckland (UTC+13) but still 10 March in UTC.
        app.clock.set(Instant.parse("2025-03-10T20:00:00Z"));
        WorkspaceId auckland = app.createWorkspace("Pacific/Auckland").id();
        WorkspaceId utc = app.createWorkspace("UTC").id();
        Deal kiwi = app.deals.create(app.admin(auckland), deal("Kiwi").build());
        Deal london = app.deals.create(app.admin(utc), deal("London").build());
        LocalDate eleventh = LocalDate.parse("2025-03-11");

        Deal won = app.deals.close(new CloseDealCommand(app.admin(auckland), kiwi.id(), 0, Outcome.WON, eleventh, null));

        assertThat(won.closedOn()).isEqualTo(eleventh);
        assertRejected(RuleViolation.class, "outcome.closed-date-in-future",
                () -> app.deals.close(new CloseDealCommand(app.admin(utc), london.id(), 0, Outcome.WON, eleventh, null)));
    }

    @Test
    void reopeningKeepsBothHistoryEntriesWithTheAnalysisOnTheLostClose() {
        Deal lost = close(create("Acme rollout"), Outcome.LOST, analysis(research, discovery));
        LossAnalysis analysis = lost.lossAnalysis();
        app.clock.advance(Duration.ofHours(1));

        Deal reopened = app.deals.reopen(app.admin(workspace), lost.id(), lost.version());

        assertThat(reopened.version()).isEqualTo(2);
        assertThat(reopened.outcome()).isEqualTo(Outcome.OPEN);
        assertThat(reopened.lossAnalysis()).isNull();
        List<HistoryEntry> history = app.dealQueries.outcomeHistory(workspace, lost.id());
        assertThat(history).extracting(entry -> entry.change().kind())
                .containsExactly(OutcomeChange.Kind.CLOSED, OutcomeChange.Kind.REOPENED);
        assertThat(history.get(0).change().outcome()).isEqualTo(Outcome.LOST);
        assertThat(history.get(0).analysis()).usingRecursiveComparison().isEqualTo(analysis);
        assertThat(history.get(1).analysis()).isNull();
        assertRejected(NotFound.class, "loss-analysis.not-found",
                () -> app.dealQueries.lostDeal(workspace, lost.id()));
    }

    @Test
    void rejectsReopeningAnOpenDeal() {
        Deal deal = create("Acme rollout");

        assertRejected(StateConflict.class, "deal.not-closed", () -> app.deals.reopen(app.admin(workspace), deal.id(), 0));
    }

    @Test
    void amendsTheAnalysisOfALostDeal() {
        Deal lost = close(create("Acme rollout"), Outcome.LOST, analysis(research, discovery));
        Instant later = app.clock.advance(Duration.ofDays(1));

        Deal amended = app.deals.amend(app.admin(workspace), lost.id(), lost.version(), analysis(timing, proposal));

        assertThat(amended.version()).isEqualTo(2);
        assertThat(amended.lossAnalysis().id()).isEqualTo(lost.lossAnalysis().id());
        LossAnalysis current = app.dealQueries.lostDeal(workspace, lost.id()).lossAnalysis();
        assertThat(current.primaryReason().reasonId()).isEqualTo(timing.id());
        assertThat(current.primaryReason().controllable()).isFalse();
        assertThat(current.stageLostAtId()).isEqualTo(proposal.id());
        assertThat(current.updatedAt()).isEqualTo(later);
        assertThat(app.dealQueries.outcomeHistory(workspace, lost.id())).singleElement()
                .satisfies(entry -> assertThat(entry.analysis().primaryReason().reasonId()).isEqualTo(timing.id()));
    }

    @Test
    void amendsWithAReasonArchivedSinceTheAnalysisChoseIt() {
        Deal lost = close(create("Acme rollout"), Outcome.LOST, analysis(research, discovery));
        app.lossReasons.change(new ChangeLossReasonCommand(app.admin(workspace), research.id(), null, null, null, true));

        Deal amended = app.deals.amend(app.admin(workspace), lost.id(), lost.version(), analysis(research, proposal));

        assertThat(amended.lossAnalysis().primaryReason().reasonId()).isEqualTo(research.id());
    }

    @Test
    void rejectsAmendingAnOpenDeal() {
        Deal deal = create("Acme rollout");

        assertRejected(StateConflict.class, "deal.not-lost",
                () -> app.deals.amend(app.admin(workspace), deal.id(), 0, analysis(research, discovery)));
    }

    @Test
    void rejectsAnAmendmentWithAStaleVersion() {
        Deal lost = close(create("Acme rollout"), Outcome.LOST, analysis(research, discovery));

        assertRejected(VersionMismatch.class, VersionMismatch.CODE,
                () -> app.deals.amend(app.admin(workspace), lost.id(), 0, analysis(timing, proposal)));
        assertThat(app.dealQueries.lostDeal(workspace, lost.id()).lossAnalysis().primaryReason().reasonId())
                .isEqualTo(research.id());
    }

    @Test
    void deletesADealAndTombstonesItsExternalReference() {
        Deal deal = app.deals.create(app.admin(workspace), deal("Acme").externalReference("salesforce", "006-1").build());

        app.deals.delete(app.admin(workspace), deal.id(), 0);

        assertRejected(NotFound.class, "deal.not-found", () -> stored(deal.id()));
        assertThat(app.dealRepository.isTombstoned(workspace, "salesforce", "006-1")).isTrue();
    }

    @Test
    void rejectsADeleteWithAStaleVersion() {
        Deal deal = create("Acme rollout");

        assertRejected(VersionMismatch.class, VersionMismatch.CODE, () -> app.deals.delete(app.admin(workspace), deal.id(), 3));
        assertThat(stored(deal.id())).isNotNull();
    }
}
