package dev.debrief.application.port.out.activity;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.activity.ActivityRepository.PartnerKey;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ActivityRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class ActivityRepositoryContract extends RepositoryContract {

    protected abstract ActivityRepository activities();

    protected abstract DealRepository deals();

    protected abstract MemberRepository members();

    private DealId deal(WorkspaceId ws) {
        Deal deal = Deal.rehydrate(DealId.newId(), ws, new DealDetails("Globex renewal", "Globex", null, null, null, null,
                null, null, null, null, null, Set.of(), null, null), Outcome.OPEN, null, null, EPOCH, EPOCH, 0);
        inTransaction(() -> deals().save(deal));
        return deal.id();
    }

    private MemberId member(WorkspaceId ws) {
        Member member = Member.join(ws, new Principal.Person("https://idp.test", "sub-" + UUID.randomUUID(),
                UUID.randomUUID() + "@example.com", true, "Rita Rep"), Role.REP, EPOCH);
        return inTransaction(() -> members().save(member)).id();
    }

    private static Activity activity(WorkspaceId ws, DealId deal, long minutes, ExternalReference external) {
        return Activity.record(ws, deal, ActivityType.EMAIL, ActivityDirection.INBOUND, EPOCH.plus(Duration.ofMinutes(minutes)),
                null, null, external, EPOCH.plus(Duration.ofDays(1)), "");
    }

    private static ExternalReference ref(String id) {
        return new ExternalReference("hubspot", id);
    }

    @Test
    void storesAnActivityAndReadsItBack() {
        WorkspaceId ws = newWorkspace();
        DealId deal = deal(ws);
        MemberId rita = member(ws);
        Activity call = Activity.record(ws, deal, ActivityType.CALL, ActivityDirection.OUTBOUND, EPOCH, rita,
                "Called back about the security review", ref("call-1"), EPOCH.plusSeconds(60), "");

        inTransaction(() -> activities().add(call));

        assertThat(inTransaction(() -> activities().findById(ws, deal, call.id()))).contains(call);
        assertThat(inTransaction(() -> activities().findById(ws, deal(ws), call.id()))).isEmpty();
        assertThat(inTransaction(() -> activities().findById(newWorkspace(), deal, call.id()))).isEmpty();
    }

    @Test
    void pagesNewestFirstWithTiesByIdDescending() {
        WorkspaceId ws = newWorkspace();
        DealId deal = deal(ws);
        List<Activity> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(activity(ws, deal, i < 3 ? 10 : 10 + i, null)); // three at the same instant
        }
        inTransaction(() -> all.forEach(activities()::add));
        inTransaction(() -> activities().add(activity(ws, deal(ws), 99, null))); // another deal's

        List<Activity> first = inTransaction(() -> activities().page(ws, deal, null, null, 3));
        Activity last = first.get(2);
        List<Activity> rest = inTransaction(() -> activities().page(ws, deal, last.occurredAt(), last.id(), 10));

        List<Activity> expected = new ArrayList<>(List.of(all.get(4), all.get(3), all.get(2), all.get(1), all.get(0)));
        assertThat(first).containsExactlyElementsOf(expected.subList(0, 3));
        assertThat(rest).containsExactlyElementsOf(expected.subList(3, 5));
        assertThat(inTransaction(() -> activities().ofDeal(ws, deal))).containsExactly(all.get(0), all.get(1), all.get(2),
                all.get(3), all.get(4));
    }

    @Test
    void storesAPartnerActivityOncePerDealAndReference() {
        WorkspaceId ws = newWorkspace();
        DealId deal = deal(ws);
        DealId other = deal(ws);

        int first = inTransaction(() -> activities().addPartnerActivities(List.of(activity(ws, deal, 1, ref("a")),
                activity(ws, deal, 2, ref("b")), activity(ws, other, 3, ref("a")))));
        int retry = inTransaction(() -> activities().addPartnerActivities(List.of(activity(ws, deal, 1, ref("a")),
                activity(ws, deal, 4, ref("c")))));

        assertThat(first).isEqualTo(3);
        assertThat(retry).isEqualTo(1);
        assertThat(inTransaction(() -> activities().countByDeal(ws, List.of(deal, other, deal(ws)))))
                .isEqualTo(Map.of(deal, 3, other, 1));
    }

    @Test
    void deletingAPartnerActivityLeavesATombstoneThatKnownReports() {
        WorkspaceId ws = newWorkspace();
        DealId deal = deal(ws);
        Activity partners = activity(ws, deal, 1, ref("a"));
        Activity peoples = activity(ws, deal, 2, null);
        inTransaction(() -> activities().addPartnerActivities(List.of(partners, activity(ws, deal, 3, ref("b")))));
        inTransaction(() -> activities().add(peoples));

        inTransaction(() -> activities().delete(partners, EPOCH));
        inTransaction(() -> activities().delete(peoples, EPOCH));

        assertThat(inTransaction(() -> activities().findById(ws, deal, partners.id()))).isEmpty();
        assertThat(inTransaction(() -> activities().ofDeal(ws, deal))).hasSize(1);
        Set<PartnerKey> known = inTransaction(() -> activities().known(ws, List.of(new PartnerKey(deal, ref("a")),
                new PartnerKey(deal, ref("b")), new PartnerKey(deal, ref("c")), new PartnerKey(deal(ws), ref("a")))));
        assertThat(known).containsExactlyInAnyOrder(new PartnerKey(deal, ref("a")), new PartnerKey(deal, ref("b")));
        assertThat(inTransaction(() -> activities().known(newWorkspace(), List.of(new PartnerKey(deal, ref("a")))))).isEmpty();
    }

    @Test
    void keepsTheMicrosecondsOfItsInstants() {
        WorkspaceId ws = newWorkspace();
        DealId deal = deal(ws);
        Instant at = Instant.parse("2025-01-06T09:00:00.123456Z");
        Activity activity = Activity.record(ws, deal, ActivityType.NOTE, ActivityDirection.INTERNAL, at, null, null, null,
                at.plusSeconds(1), "");

        inTransaction(() -> activities().add(activity));

        assertThat(inTransaction(() -> activities().findById(ws, deal, activity.id())).orElseThrow().occurredAt()).isEqualTo(at);
    }
}
