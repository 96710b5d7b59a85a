package dev.debrief.domain.followup;

import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.audit.AuditEvent.ActorKind;
import dev.debrief.domain.deal.ContractTerm;
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
import static dev.debrief.domain.shared.DomainAssertions.assertConflict;
import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTest {

    private static final Instant NOW = Instant.parse("2025-03-10T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.parse("2025-03-10");

    private final TestLookups lookups = new TestLookups();
    private final VocabularyEntry proposal = lookups.stage("Proposal");
    private final LossReason price = lookups.reason("Price", ReasonCategory.PREPARATION, Controllability.NO);
    private final Member ada = lookups.member("Ada", Role.REP);
    private final ActorRef byAda = new ActorRef(ActorKind.MEMBER, ada.id().value());

    private Deal lost(Fit fit, LocalDate pitchedAt, Integer termMonths, LocalDate closedOn) {
        Deal deal = Deal.open(lookups.workspaceId, new DealDetails("Platform renewal", "Globex", new MemberRef(ada.id().value(), null),
                null, null, null, null, null, null, pitchedAt, termMonths == null ? null : new ContractTerm(termMonths),
                Set.of(), null, null), lookups, NOW);
        deal.close(Outcome.LOST, closedOn, draft(price, proposal).fit(fit).build(), lookups, TODAY, NOW);
        return deal;
    }

    private FollowUp item() {
        return FollowUp.actionItem(lookups.workspaceId, "Send the security answers", ada.id(), TODAY.plusDays(3), null,
                null, null, byAda, TODAY, NOW);
    }

    @Test
    void schedulesACheckInForTheOwnerNineMonthsAfterTheOneYearPitch() {
        FollowUp checkIn = FollowUp.checkInFor(lost(Fit.GOOD_FIT, LocalDate.parse("2025-02-03"), 12, TODAY),
                CheckInPolicy.DEFAULT, TODAY, NOW).orElseThrow();

        assertThat(checkIn.kind()).isEqualTo(FollowUpKind.CHECK_IN);
        assertThat(checkIn.dueOn()).isEqualTo(LocalDate.parse("2025-11-03"));
        assertThat(checkIn.assigneeId()).isEqualTo(ada.id());
        assertThat(checkIn.status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(checkIn.createdBy()).isEqualTo(ActorRef.SYSTEM);
        assertThat(checkIn.text()).isEqualTo("Check in with Globex and ask what has changed since the pitch");
    }

    @Test
    void schedulesNoneForAWrongProspect() {
        assertThat(FollowUp.checkInFor(lost(Fit.WRONG_PROSPECT, null, 12, TODAY), CheckInPolicy.DEFAULT, TODAY, NOW))
                .isEmpty();
    }

    @Test
    void schedulesNoneForAHistoricLossWhoseCheckInIsAlreadyPastDue() {
        Deal historic = lost(Fit.GOOD_FIT, LocalDate.parse("2023-01-10"), 12, LocalDate.parse("2023-03-01"));

        assertThat(FollowUp.checkInFor(historic, CheckInPolicy.DEFAULT, TODAY, NOW)).isEmpty();
    }

    @Test
    void schedulesOneDueTodayForALossWhoseCheckInFallsToday() {
        Deal deal = lost(Fit.GOOD_FIT, TODAY.minusMonths(9), 12, TODAY.minusDays(30));

        assertThat(FollowUp.checkInFor(deal, CheckInPolicy.DEFAULT, TODAY, NOW).orElseThrow().dueOn()).isEqualTo(TODAY);
    }

    @Test
    void leavesACheckInUnassignedWhenTheDealHasNoOwner() {
        Deal deal = Deal.open(lookups.workspaceId, new DealDetails("Ownerless", null, null, null, null, null, null, null,
                null, null, null, Set.of(), null, null), lookups, NOW);
        deal.close(Outcome.LOST, TODAY, draft(price, proposal).build(), lookups, TODAY, NOW);

        FollowUp checkIn = FollowUp.checkInFor(deal, CheckInPolicy.DEFAULT, TODAY, NOW).orElseThrow();

        assertThat(checkIn.assigneeId()).isNull();
        assertThat(checkIn.text()).isEqualTo("Check in with Ownerless and ask what has changed since the pitch");
    }

    @Test
    void refusesAnActionItemPhrasedAsAProhibition() {
        assertViolation("phrasing.prohibition", "text", () -> FollowUp.actionItem(lookups.workspaceId,
                "Don't forget the security answers", ada.id(), TODAY, null, null, null, byAda, TODAY, NOW));
    }

    @Test
    void refusesAnActionItemDueBeforeToday() {
        assertViolation("follow-up.due-in-past", "dueOn", () -> FollowUp.actionItem(lookups.workspaceId,
                "Send the security answers", ada.id(), TODAY.minusDays(1), null, null, null, byAda, TODAY, NOW));
    }

    @Test
    void refusesAnActionItemWithoutAssigneeOrDueDate() {
        assertViolation("value.required", "assigneeId", () -> FollowUp.actionItem(lookups.workspaceId,
                "Send the security answers", null, TODAY, null, null, null, byAda, TODAY, NOW));
        assertViolation("value.required", "dueOn", () -> FollowUp.actionItem(lookups.workspaceId,
                "Send the security answers", ada.id(), null, null, null, null, byAda, TODAY, NOW));
    }

    @Test
    void completesACheckInOnlyWithItsOutcome() {
        FollowUp checkIn = FollowUp.checkInFor(lost(Fit.GOOD_FIT, null, 12, TODAY), CheckInPolicy.DEFAULT, TODAY, NOW)
                .orElseThrow();

        assertViolation("follow-up.outcome-required", "outcome", () -> checkIn.complete(null, "Talked", byAda, NOW));
        checkIn.complete(CheckInOutcome.NO_OPPORTUNITY, " Still happy with Initech ", byAda, NOW.plusSeconds(5));

        assertThat(checkIn.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(checkIn.outcome()).isEqualTo(CheckInOutcome.NO_OPPORTUNITY);
        assertThat(checkIn.outcomeNote()).isEqualTo("Still happy with Initech");
        assertThat(checkIn.resolvedBy()).isEqualTo(byAda);
        assertThat(checkIn.resolvedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(checkIn.dueState(TODAY)).isNull();
    }

    @Test
    void completesAnActionItemWithoutAnOutcome() {
        FollowUp item = item();

        assertViolation("follow-up.outcome-only-for-check-ins", "outcome",
                () -> item.complete(CheckInOutcome.REOPENED, null, byAda, NOW));
        item.complete(null, "Sent", byAda, NOW);

        assertThat(item.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(item.outcome()).isNull();
    }

    @Test
    void changesNothingOnceDoneOrCancelled() {
        FollowUp done = item();
        done.complete(null, null, byAda, NOW);
        FollowUp cancelled = item();
        cancelled.cancel("No longer needed", byAda, NOW);

        assertConflict("follow-up.not-open", () -> done.complete(null, null, byAda, NOW));
        assertConflict("follow-up.not-open", () -> done.cancel(null, byAda, NOW));
        assertConflict("follow-up.not-open", () -> cancelled.complete(null, null, byAda, NOW));
        assertConflict("follow-up.not-open", () -> cancelled.revise("Call them", ada.id(), TODAY, TODAY, NOW));
        assertThat(cancelled.status()).isEqualTo(FollowUpStatus.CANCELLED);
        assertThat(cancelled.outcomeNote()).isEqualTo("No longer needed");
    }

    @Test
    void movesTheDueDateOnlyToTodayOrLaterButKeepsAnOverdueOneUnchanged() {
        FollowUp item = item();

        assertViolation("follow-up.due-in-past", "dueOn",
                () -> item.revise("Send the security answers", ada.id(), TODAY.minusDays(1), TODAY, NOW));
        item.revise("Send the signed security answers", ada.id(), TODAY.plusDays(10), TODAY, NOW);
        item.revise("Send the signed security answers today", ada.id(), TODAY.plusDays(10), TODAY.plusDays(20), NOW);

        assertThat(item.text()).isEqualTo("Send the signed security answers today");
        assertThat(item.dueOn()).isEqualTo(TODAY.plusDays(10));
    }

    @Test
    void computesWhereTheDueDateStandsAgainstToday() {
        FollowUp item = item(); // due TODAY + 3

        assertThat(item.dueState(TODAY)).isEqualTo(DueState.UPCOMING);
        assertThat(item.dueState(TODAY.plusDays(3))).isEqualTo(DueState.TODAY);
        assertThat(item.dueState(TODAY.plusDays(4))).isEqualTo(DueState.OVERDUE);
    }

    @Test
    void checksTheVersionTheClientSaw() {
        dev.debrief.domain.shared.DomainAssertions.assertRejected(dev.debrief.domain.shared.VersionMismatch.class,
                "precondition.failed", null, () -> item().requireVersion(3));
    }

    @Test
    void readsItsStoredActor() {
        assertThat(ActorRef.parse(byAda.stored())).isEqualTo(byAda);
        assertThat(ActorRef.parse("SYSTEM")).isEqualTo(ActorRef.SYSTEM);
        assertThat(ActorRef.parse(null)).isNull();
    }
}
