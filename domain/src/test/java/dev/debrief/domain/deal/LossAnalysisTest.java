package dev.debrief.domain.deal;

import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.debrief.domain.deal.DraftBuilder.draft;
import static dev.debrief.domain.deal.DraftBuilder.input;
import static dev.debrief.domain.shared.DomainAssertions.assertUnknownReference;
import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static dev.debrief.domain.taxonomy.Controllability.NO;
import static dev.debrief.domain.taxonomy.Controllability.PARTLY;
import static dev.debrief.domain.taxonomy.Controllability.YES;
import static dev.debrief.domain.taxonomy.ReasonCategory.BUDGET;
import static dev.debrief.domain.taxonomy.ReasonCategory.COMPETITION;
import static dev.debrief.domain.taxonomy.ReasonCategory.PREPARATION;
import static dev.debrief.domain.taxonomy.ReasonCategory.PROSPECT_FIT;
import static dev.debrief.domain.taxonomy.ReasonCategory.TIMING;
import static org.assertj.core.api.Assertions.assertThat;

class LossAnalysisTest {

    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-05T10:00:00Z");

    private final TestLookups lookups = new TestLookups();
    private final VocabularyEntry discovery = lookups.stage("Discovery");
    private final VocabularyEntry proposal = lookups.stage("Proposal");
    private final LossReason research = lookups.reason("Wrong research", PREPARATION, YES);
    private final LossReason timing = lookups.reason("Bad timing", TIMING, NO);
    private final LossReason budget = lookups.reason("No budget", BUDGET, NO);
    private final LossReason poorFit = lookups.reason("Poor fit", PROSPECT_FIT, PARTLY);
    private final LossReason rival = lookups.reason("Lost to competitor", COMPETITION, PARTLY);

    private LossAnalysis analyse(DraftBuilder draft) {
        return LossAnalysis.complete(draft.build(), lookups, null, NOW);
    }

    private LossAnalysis amend(LossAnalysis previous, DraftBuilder draft) {
        return LossAnalysis.complete(draft.build(), lookups, previous, LATER);
    }

    @Test
    void acceptsACompleteAnalysis() {
        LossAnalysis analysis = analyse(draft(research, discovery)
                .contributing(new ReasonInput(timing.id(), null, "  Budget cycle  "), input(poorFit, true))
                .fit(Fit.WRONG_PROSPECT)
                .whatHappened("  They went quiet  "));

        assertThat(analysis.id()).isNotNull();
        assertThat(analysis.status()).isEqualTo(AnalysisStatus.COMPLETE);
        assertThat(analysis.primaryReason()).isEqualTo(new ReasonAssessment(research.id(), true, null));
        assertThat(analysis.contributingReasons()).containsExactly(
                new ReasonAssessment(timing.id(), false, "Budget cycle"),
                new ReasonAssessment(poorFit.id(), true, null));
        assertThat(analysis.stageLostAtId()).isEqualTo(discovery.id());
        assertThat(analysis.fit()).isEqualTo(Fit.WRONG_PROSPECT);
        assertThat(analysis.competitor()).isNull();
        assertThat(analysis.whatHappened()).isEqualTo("They went quiet");
        assertThat(analysis.whatWeWouldDoDifferently()).isEqualTo("Book the next step before leaving the room");
        assertThat(analysis.partnerReasonText()).isNull();
        assertThat(analysis.createdAt()).isEqualTo(NOW);
        assertThat(analysis.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void rejectsLossWithoutPrimaryReason() {
        assertViolation("loss-analysis.primary-reason-required", "primaryReason",
                () -> analyse(draft(research, discovery).primary(null)));
    }

    @Test
    void rejectsPrimaryReasonWithoutReasonId() {
        assertViolation("loss-analysis.primary-reason-required", "primaryReason",
                () -> analyse(draft(research, discovery).primary(new ReasonInput(null, true, "note"))));
    }

    @Test
    void rejectsReasonThatIsBothPrimaryAndContributing() {
        assertViolation("loss-analysis.reason-repeated", "contributingReasons[1].reasonId",
                () -> analyse(draft(research, discovery).contributing(input(timing), input(research))));
    }

    @Test
    void rejectsReasonContributingTwice() {
        assertViolation("loss-analysis.reason-repeated", "contributingReasons[2].reasonId",
                () -> analyse(draft(research, discovery).contributing(input(timing), input(budget), input(timing))));
    }

    @Test
    void rejectsContributingReasonWithoutReasonId() {
        assertViolation("value.required", "contributingReasons[1].reasonId",
                () -> analyse(draft(research, discovery).contributing(input(timing), new ReasonInput(null, true, null))));
    }

    @Test
    void rejectsMissingContributingReasonEntry() {
        assertViolation("value.required", "contributingReasons[0].reasonId",
                () -> analyse(draft(research, discovery).contributing(Arrays.asList((ReasonInput) null))));
    }

    @Test
    void acceptsTwentyContributingReasonsButNotMore() {
        List<ReasonInput> twenty = new ArrayList<>();
        for (int i = 0; i < LossAnalysis.MAX_CONTRIBUTING; i++) {
            twenty.add(input(lookups.reason("Reason " + i, TIMING, NO)));
        }

        assertThat(analyse(draft(research, discovery).contributing(twenty)).contributingReasons()).hasSize(20);
        assertViolation("loss-analysis.too-many-reasons", "contributingReasons",
                () -> analyse(draft(research, discovery).contributing(twenty).contributing(input(budget))));
    }

    @Test
    void defaultsControllabilityOfAYesReasonToTrue() {
        assertThat(analyse(draft(research, discovery)).primaryReason().controllable()).isTrue();
    }

    @Test
    void defaultsControllabilityOfANoReasonToFalse() {
        assertThat(analyse(draft(timing, discovery)).primaryReason().controllable()).isFalse();
    }

    @Test
    void rejectsPartlyControllablePrimaryReasonLeftUndecided() {
        assertViolation("loss-analysis.controllability-undecided", "primaryReason.controllable",
                () -> analyse(draft(poorFit, discovery)));
    }

    @Test
    void rejectsPartlyControllableContributingReasonLeftUndecided() {
        assertViolation("loss-analysis.controllability-undecided", "contributingReasons[1].controllable",
                () -> analyse(draft(research, discovery).contributing(input(timing), input(poorFit))));
    }

    @Test
    void acceptsADecisionOnAPartlyControllableReason() {
        assertThat(analyse(draft(research, discovery).primary(input(poorFit, false))).primaryReason().controllable())
                .isFalse();
        assertThat(analyse(draft(research, discovery).primary(input(poorFit, true))).primaryReason().controllable())
                .isTrue();
    }

    @Test
    void letsAnExplicitDecisionOverrideTheDefault() {
        LossAnalysis analysis = analyse(draft(research, discovery)
                .primary(input(research, false))
                .contributing(input(timing, true)));

        assertThat(analysis.primaryReason().controllable()).isFalse();
        assertThat(analysis.contributingReasons().get(0).controllable()).isTrue();
    }

    @Test
    void rejectsArchivedReasonForANewAnalysis() {
        timing.archive();

        assertViolation("loss-analysis.reason-archived", "primaryReason.reasonId",
                () -> analyse(draft(timing, discovery)));
        assertViolation("loss-analysis.reason-archived", "contributingReasons[0].reasonId",
                () -> analyse(draft(research, discovery).contributing(input(timing))));
    }

    @Test
    void acceptsArchivedReasonOnAmendmentWhenTheAnalysisAlreadyHoldsIt() {
        LossAnalysis original = analyse(draft(research, discovery).contributing(input(timing)));
        timing.archive();

        LossAnalysis amended = amend(original, draft(timing, discovery).contributing(input(research)));

        assertThat(amended.primaryReason().reasonId()).isEqualTo(timing.id());
        assertThat(amended.contributingReasons()).extracting(ReasonAssessment::reasonId).containsExactly(research.id());
    }

    @Test
    void rejectsArchivedReasonOnAmendmentWhenTheAnalysisDidNotHoldIt() {
        LossAnalysis original = analyse(draft(research, discovery));
        budget.archive();

        assertViolation("loss-analysis.reason-archived", "contributingReasons[0].reasonId",
                () -> amend(original, draft(research, discovery).contributing(input(budget))));
    }

    @Test
    void keepsIdAndCreationTimeOnAmendment() {
        LossAnalysis original = analyse(draft(research, discovery));

        LossAnalysis amended = amend(original, draft(timing, proposal).fit(Fit.WRONG_PROSPECT));

        assertThat(amended.id()).isEqualTo(original.id());
        assertThat(amended.createdAt()).isEqualTo(NOW);
        assertThat(amended.updatedAt()).isEqualTo(LATER);
        assertThat(amended.primaryReason().reasonId()).isEqualTo(timing.id());
        assertThat(amended.stageLostAtId()).isEqualTo(proposal.id());
        assertThat(amended.fit()).isEqualTo(Fit.WRONG_PROSPECT);
        assertThat(original.primaryReason().reasonId()).as("the original is immutable").isEqualTo(research.id());
    }

    @Test
    void keepsThePartnerReasonTextOnAmendment() {
        LossAnalysis triaged = LossAnalysis.rehydrate(LossAnalysisId.newId(), AnalysisStatus.PENDING_TRIAGE, null,
                List.of(), null, null, null, null, null, "price too high", NOW, NOW);

        LossAnalysis amended = amend(triaged, draft(research, discovery));

        assertThat(amended.id()).isEqualTo(triaged.id());
        assertThat(amended.status()).isEqualTo(AnalysisStatus.COMPLETE);
        assertThat(amended.partnerReasonText()).isEqualTo("price too high");
    }

    @Test
    void rejectsMissingStageLostAt() {
        assertViolation("loss-analysis.stage-lost-at-required", "stageLostAtId",
                () -> analyse(draft(research, discovery).stageLostAt(null)));
    }

    @Test
    void rejectsStageLostAtThatIsNotAPipelineStage() {
        VocabularyEntry segment = lookups.entry(VocabularyKind.SEGMENT, "Enterprise");

        assertViolation("vocabulary.wrong-kind", "stageLostAtId",
                () -> analyse(draft(research, discovery).stageLostAt(segment.id())));
    }

    @Test
    void rejectsArchivedStageLostAtForANewAnalysis() {
        discovery.archive();

        assertViolation("vocabulary.archived", "stageLostAtId", () -> analyse(draft(research, discovery)));
    }

    @Test
    void acceptsArchivedStageLostAtOnAmendmentWhenAlreadyHeld() {
        LossAnalysis original = analyse(draft(research, discovery));
        discovery.archive();

        assertThat(amend(original, draft(timing, discovery)).stageLostAtId()).isEqualTo(discovery.id());
    }

    @Test
    void rejectsArchivedStageLostAtOnAmendmentWhenNotHeld() {
        LossAnalysis original = analyse(draft(research, discovery));
        proposal.archive();

        assertViolation("vocabulary.archived", "stageLostAtId", () -> amend(original, draft(research, proposal)));
    }

    @Test
    void rejectsUnknownPrimaryReason() {
        assertUnknownReference("primaryReason.reasonId",
                () -> analyse(draft(research, discovery).primary(new ReasonInput(
                        LossReasonId.newId(), true, null))));
    }

    @Test
    void rejectsUnknownContributingReasonNamingItsIndex() {
        assertUnknownReference("contributingReasons[1].reasonId",
                () -> analyse(draft(research, discovery).contributing(input(timing),
                        new ReasonInput(LossReasonId.newId(), true, null))));
    }

    @Test
    void rejectsUnknownStageLostAt() {
        assertUnknownReference("stageLostAtId",
                () -> analyse(draft(research, discovery).stageLostAt(VocabularyEntryId.newId())));
    }

    @Test
    void rejectsMissingFit() {
        assertViolation("loss-analysis.fit-required", "fit", () -> analyse(draft(research, discovery).fit(null)));
    }

    @Test
    void rejectsCompetitionLossWithoutCompetitor() {
        assertViolation("loss-analysis.competitor-required", "competitor",
                () -> analyse(draft(research, discovery).primary(input(rival, true))));
        assertViolation("loss-analysis.competitor-required", "competitor",
                () -> analyse(draft(research, discovery).primary(input(rival, true)).competitor("   ")));
    }

    @Test
    void rejectsContributingCompetitionReasonWithoutCompetitor() {
        assertViolation("loss-analysis.competitor-required", "competitor",
                () -> analyse(draft(research, discovery).contributing(input(rival, false))));
    }

    @Test
    void acceptsCompetitionLossNamingTheCompetitor() {
        LossAnalysis analysis = analyse(draft(research, discovery).primary(input(rival, true)).competitor(" Globex "));

        assertThat(analysis.competitor()).isEqualTo("Globex");
    }

    @Test
    void keepsACompetitorNamedWithoutACompetitionReason() {
        assertThat(analyse(draft(research, discovery).competitor("Globex")).competitor()).isEqualTo("Globex");
    }

    @Test
    void acceptsTextsAtTheirLimit() {
        LossAnalysis analysis = analyse(draft(research, discovery)
                .whatHappened("x".repeat(LossAnalysis.TEXT_MAX))
                .whatWeWouldDoDifferently("y".repeat(LossAnalysis.TEXT_MAX))
                .primary(new ReasonInput(research.id(), null, "n".repeat(LossAnalysis.NOTE_MAX))));

        assertThat(analysis.whatHappened()).hasSize(LossAnalysis.TEXT_MAX);
        assertThat(analysis.primaryReason().note()).hasSize(LossAnalysis.NOTE_MAX);
    }

    @Test
    void rejectsTooLongWhatHappened() {
        assertViolation("value.too-long", "whatHappened",
                () -> analyse(draft(research, discovery).whatHappened("x".repeat(LossAnalysis.TEXT_MAX + 1))));
    }

    @Test
    void rejectsTooLongWhatWeWouldDoDifferently() {
        assertViolation("value.too-long", "whatWeWouldDoDifferently", () -> analyse(draft(research, discovery)
                .whatWeWouldDoDifferently("x".repeat(LossAnalysis.TEXT_MAX + 1))));
    }

    @Test
    void rejectsTooLongReasonNote() {
        assertViolation("value.too-long", "contributingReasons[0].note", () -> analyse(draft(research, discovery)
                .contributing(new ReasonInput(timing.id(), null, "x".repeat(LossAnalysis.NOTE_MAX + 1)))));
    }

    @Test
    void rejectsTooLongCompetitor() {
        assertViolation("value.too-long", "competitor",
                () -> analyse(draft(research, discovery).competitor("x".repeat(201))));
    }

    @Test
    void turnsBlankTextsIntoNull() {
        LossAnalysis analysis = analyse(draft(research, discovery).whatHappened(" ").whatWeWouldDoDifferently(""));

        assertThat(analysis.whatHappened()).isNull();
        assertThat(analysis.whatWeWouldDoDifferently()).isNull();
    }
}
