package dev.debrief.domain.followup;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.TestLookups;
import dev.debrief.domain.taxonomy.Controllability;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static dev.debrief.domain.deal.DraftBuilder.draft;
import static org.assertj.core.api.Assertions.assertThat;

/** Which writes schedule a check-in, which cancel it, and which leave it alone. */
class CheckInChangeTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    private final TestLookups lookups = new TestLookups();
    private final VocabularyEntry proposal = lookups.stage("Proposal");
    private final LossReason price = lookups.reason("Price", ReasonCategory.PREPARATION, Controllability.NO);
    private final Member ada = lookups.member("Ada", Role.REP);

    private Deal open() {
        return Deal.open(lookups.workspaceId, new DealDetails("Renewal", null, new MemberRef(ada.id().value(), null),
                null, null, null, null, null, null, null, null, Set.of(), null, null), lookups, NOW);
    }

    private Deal lost(Fit fit) {
        Deal deal = open();
        deal.close(Outcome.LOST, TODAY, draft(price, proposal).fit(fit).build(), lookups, TODAY, NOW);
        return deal;
    }

    @Test
    void schedulesWhenADealIsLostAsAGoodFit() {
        assertThat(CheckInChange.between(false, lost(Fit.GOOD_FIT))).isEqualTo(CheckInChange.SCHEDULE);
    }

    @Test
    void leavesAWrongProspectAndOtherOutcomesAlone() {
        Deal won = open();
        won.close(Outcome.WON, TODAY, null, lookups, TODAY, NOW);

        assertThat(CheckInChange.between(false, lost(Fit.WRONG_PROSPECT))).isEqualTo(CheckInChange.NONE);
        assertThat(CheckInChange.between(false, won)).isEqualTo(CheckInChange.NONE);
        assertThat(CheckInChange.between(false, open())).isEqualTo(CheckInChange.NONE);
    }

    @Test
    void cancelsWhenALostGoodFitDealIsReopened() {
        Deal deal = lost(Fit.GOOD_FIT);
        boolean before = CheckInChange.qualifies(deal);
        deal.reopen(NOW);

        assertThat(CheckInChange.between(before, deal)).isEqualTo(CheckInChange.CANCEL);
    }

    @Test
    void followsAnAmendedFitBothWays() {
        Deal deal = lost(Fit.GOOD_FIT);
        deal.amendLossAnalysis(draft(price, proposal).fit(Fit.WRONG_PROSPECT).build(), lookups, NOW);
        assertThat(CheckInChange.between(true, deal)).isEqualTo(CheckInChange.CANCEL);

        deal.amendLossAnalysis(draft(price, proposal).fit(Fit.GOOD_FIT).build(), lookups, NOW);
        assertThat(CheckInChange.between(false, deal)).isEqualTo(CheckInChange.SCHEDULE);
    }

    @Test
    void makesNoSecondCheckInWhenAnAmendmentKeepsTheFit() {
        Deal deal = lost(Fit.GOOD_FIT);
        deal.amendLossAnalysis(draft(price, proposal).fit(Fit.GOOD_FIT).whatHappened("Budget moved").build(), lookups, NOW);

        assertThat(CheckInChange.between(true, deal)).isEqualTo(CheckInChange.NONE);
    }
}
