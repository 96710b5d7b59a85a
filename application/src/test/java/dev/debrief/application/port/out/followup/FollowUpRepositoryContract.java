package dev.debrief.application.port.out.followup;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.audit.AuditEvent.ActorKind;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.followup.CheckInOutcome;
import dev.debrief.domain.followup.FollowUp;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link FollowUpRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class FollowUpRepositoryContract extends RepositoryContract {

    private static final LocalDate DUE = LocalDate.parse("2025-10-06");

    protected abstract FollowUpRepository followUps();

    protected abstract DealRepository deals();

    protected abstract MemberRepository members();

    private MemberId member(WorkspaceId ws) {
        Member member = Member.join(ws, new Principal.Person("https://idp.test", "sub-" + UUID.randomUUID(),
                UUID.randomUUID() + "@example.com", true, "Rita Rep"), Role.REP, EPOCH);
        return inTransaction(() -> members().save(member)).id();
    }

    private DealId deal(WorkspaceId ws) {
        Deal deal = Deal.rehydrate(DealId.newId(), ws, new DealDetails("Globex renewal", "Globex", null, null, null, null,
                null, null, null, null, null, Set.of(), null, null), Outcome.OPEN, null, null, EPOCH, EPOCH, 0);
        inTransaction(() -> deals().save(deal));
        return deal.id();
    }

    private static FollowUp checkIn(WorkspaceId ws, DealId deal, MemberId assignee) {
        return FollowUp.rehydrate(UUID.randomUUID(), ws, FollowUpKind.CHECK_IN, "Check in with Globex", assignee, DUE,
                deal, null, null, FollowUpStatus.OPEN, null, null, null, null, null, ActorRef.SYSTEM, EPOCH, EPOCH, 0);
    }

    private static FollowUp actionItem(WorkspaceId ws, DealId deal, MemberId assignee) {
        return FollowUp.actionItem(ws, "Send the security answers", assignee, DUE, deal, null, null,
                new ActorRef(ActorKind.MEMBER, assignee.value()), DUE.minusDays(3), EPOCH);
    }

    @Test
    void storesAnActionItemAndReadsItBack() {
        WorkspaceId ws = newWorkspace();
        MemberId rita = member(ws);
        DealId deal = deal(ws);
        FollowUp item = actionItem(ws, deal, rita);

        inTransaction(() -> followUps().add(item));

        FollowUp found = inTransaction(() -> followUps().findById(ws, item.id())).orElseThrow();
        assertThat(found.kind()).isEqualTo(FollowUpKind.ACTION_ITEM);
        assertThat(found.text()).isEqualTo("Send the security answers");
        assertThat(found.assigneeId()).isEqualTo(rita);
        assertThat(found.dueOn()).isEqualTo(DUE);
        assertThat(found.dealId()).isEqualTo(deal);
        assertThat(found.status()).isEqualTo(FollowUpStatus.OPEN);
        assertThat(found.createdBy()).isEqualTo(new ActorRef(ActorKind.MEMBER, rita.value()));
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.version()).isZero();
    }

    @Test
    void writesAResolutionAndCountsAVersion() {
        WorkspaceId ws = newWorkspace();
        MemberId rita = member(ws);
        DealId deal = deal(ws);
        FollowUp checkIn = checkIn(ws, deal, rita);
        inTransaction(() -> followUps().addCheckIns(List.of(checkIn)));
        Deal winBack = Deal.rehydrate(DealId.newId(), ws, new DealDetails("Win-back: Globex renewal", "Globex", null, null,
                null, null, null, null, null, null, null, Set.of(), null, null), Outcome.OPEN, null, null, EPOCH, EPOCH, 0);
        inTransaction(() -> deals().save(winBack));

        inTransaction(() -> {
            FollowUp locked = followUps().lockById(ws, checkIn.id()).orElseThrow();
            locked.complete(CheckInOutcome.REOPENED, "New CIO", new ActorRef(ActorKind.MEMBER, rita.value()),
                    EPOCH.plusSeconds(60));
            locked.linkWinBack(winBack.id());
            followUps().update(locked);
        });

        FollowUp found = inTransaction(() -> followUps().findById(ws, checkIn.id())).orElseThrow();
        assertThat(found.status()).isEqualTo(FollowUpStatus.DONE);
        assertThat(found.outcome()).isEqualTo(CheckInOutcome.REOPENED);
        assertThat(found.outcomeNote()).isEqualTo("New CIO");
        assertThat(found.resolvedBy()).isEqualTo(new ActorRef(ActorKind.MEMBER, rita.value()));
        assertThat(found.resolvedAt()).isEqualTo(EPOCH.plusSeconds(60));
        assertThat(found.winBackDealId()).isEqualTo(winBack.id());
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void keepsOneOpenCheckInPerDeal() {
        WorkspaceId ws = newWorkspace();
        MemberId rita = member(ws);
        DealId deal = deal(ws);

        int first = inTransaction(() -> followUps().addCheckIns(List.of(checkIn(ws, deal, rita))));
        int second = inTransaction(() -> followUps().addCheckIns(List.of(checkIn(ws, deal, rita), checkIn(ws, deal, rita))));

        assertThat(first).isOne();
        assertThat(second).isZero();
    }

    @Test
    void cancelsOnlyTheOpenCheckInsOfTheNamedDealsAndThenTakesANewOne() {
        WorkspaceId ws = newWorkspace();
        MemberId rita = member(ws);
        DealId reopened = deal(ws);
        DealId other = deal(ws);
        FollowUp checkIn = checkIn(ws, reopened, rita);
        FollowUp otherCheckIn = checkIn(ws, other, rita);
        FollowUp item = actionItem(ws, reopened, rita);
        inTransaction(() -> followUps().addCheckIns(List.of(checkIn, otherCheckIn)));
        inTransaction(() -> followUps().add(item));

        int cancelled = inTransaction(() -> followUps().cancelOpenCheckIns(ws, List.of(reopened), "Reopened",
                ActorRef.SYSTEM, EPOCH.plusSeconds(5)));
        int again = inTransaction(() -> followUps().cancelOpenCheckIns(ws, List.of(reopened), "Reopened",
                ActorRef.SYSTEM, EPOCH.plusSeconds(6)));

        assertThat(cancelled).isOne();
        assertThat(again).isZero();
        FollowUp found = inTransaction(() -> followUps().findById(ws, checkIn.id())).orElseThrow();
        assertThat(found.status()).isEqualTo(FollowUpStatus.CANCELLED);
        assertThat(found.outcomeNote()).isEqualTo("Reopened");
        assertThat(found.resolvedBy()).isEqualTo(ActorRef.SYSTEM);
        assertThat(found.version()).isEqualTo(1);
        assertThat(inTransaction(() -> followUps().findById(ws, otherCheckIn.id())).orElseThrow().status())
                .isEqualTo(FollowUpStatus.OPEN);
        assertThat(inTransaction(() -> followUps().findById(ws, item.id())).orElseThrow().status())
                .isEqualTo(FollowUpStatus.OPEN);
        assertThat(inTransaction(() -> followUps().addCheckIns(List.of(checkIn(ws, reopened, rita))))).isOne();
    }

    @Test
    void findsNothingOfAnotherWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        FollowUp item = actionItem(ws, deal(ws), member(ws));
        inTransaction(() -> followUps().add(item));

        assertThat(inTransaction(() -> followUps().findById(other, item.id()))).isEmpty();
        assertThat(inTransaction(() -> followUps().lockById(other, item.id()))).isEmpty();
        assertThat(inTransaction(() -> followUps().cancelOpenCheckIns(other, List.of(item.dealId()), "x",
                ActorRef.SYSTEM, EPOCH))).isZero();
    }
}
