package dev.debrief.application.service.ingest;

import dev.debrief.application.port.in.ingest.IngestDealsUseCase.IngestCommand;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.in.ingest.IngestItem.PartnerActivity;
import dev.debrief.application.port.in.ingest.IngestReport.ItemResult;
import dev.debrief.application.service.TestApplication;
import dev.debrief.application.service.activity.ActivityService;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner activities in the ingest use case, against the in-memory fakes. */
class IngestActivitiesTest {

    private static final Instant T1 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T09:00:00Z");

    private final TestApplication app = new TestApplication();
    private final ActivityService people = new ActivityService(app.workspaceRepository, app.dealRepository,
            app.memberRepository, app.activityRepository, app.auditor, app.clock);
    private Workspace workspace;
    private Access partner;
    private Member jane;

    @BeforeEach
    void workspace() {
        workspace = app.createWorkspace("Europe/Berlin");
        partner = app.admin(workspace.id());
        jane = app.memberRepository.save(Member.join(workspace.id(),
                new Principal.Person("https://idp.test", "sub-jane", "jane@corp.test", true, "Jane"), Role.REP, T1));
    }

    private static PartnerActivity activity(String id, String email) {
        return new PartnerActivity(id, ActivityType.EMAIL, ActivityDirection.INBOUND, T1, email, "Asked for a quote");
    }

    private static List<PartnerActivity> activities(String prefix, int n) {
        return IntStream.range(0, n).mapToObj(i -> activity(prefix + i, null)).toList();
    }

    private static IngestItem item(Instant at, List<PartnerActivity> activities) {
        return new IngestItem("pipedrive", "deal-1", at, "Acme", null, null, null, null, null, null, null, null, null, null,
                null, null, Outcome.OPEN, null, null, activities);
    }

    private ItemResult push(IngestItem item) {
        return app.ingest.ingest(new IngestCommand(partner, List.of(item), false)).results().get(0);
    }

    private List<Activity> recorded(DealId deal) {
        return app.activityRepository.ofDeal(workspace.id(), deal);
    }

    @Test
    void recordsTheActivitiesOnceAndCountsARetryAsSkipped() {
        ItemResult first = push(item(T1, List.of(activity("a", "JANE@corp.test"), activity("b", "ghost@corp.test"),
                activity("a", null))));
        ItemResult retry = push(item(T1, List.of(activity("a", null), activity("b", null), activity("c", null))));

        assertThat(first.activitiesRecorded()).isEqualTo(2);
        assertThat(first.activitiesSkipped()).isEqualTo(1); // "a" twice in one item
        assertThat(retry.result()).isEqualTo(SyncResult.UNCHANGED);
        assertThat(retry.activitiesRecorded()).isEqualTo(1);
        assertThat(retry.activitiesSkipped()).isEqualTo(2);
        List<Activity> all = recorded(first.deal().id());
        assertThat(all).extracting(a -> a.external().externalId()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(all).filteredOn(a -> a.external().externalId().equals("a")).extracting(Activity::memberId)
                .containsExactly(jane.id());
        assertThat(all).filteredOn(a -> a.external().externalId().equals("b")).extracting(Activity::memberId)
                .containsOnlyNulls(); // an email that matches no member: kept without one
    }

    @Test
    void recordsTheActivitiesOfAStaleItem() {
        push(item(T2, List.of()));

        ItemResult stale = push(item(T1, List.of(activity("late", null))));

        assertThat(stale.result()).isEqualTo(SyncResult.STALE);
        assertThat(stale.activitiesRecorded()).isEqualTo(1);
        assertThat(recorded(stale.deal().id())).hasSize(1);
    }

    @Test
    void refusesMoreThanTwoHundredActivitiesInOneItemEvenWhenItsStateIsStale() {
        push(item(T2, List.of()));

        ItemResult over = push(item(T1, activities("x", Activity.MAX_PER_PUSH + 1)));
        ItemResult full = push(item(T1, activities("y", Activity.MAX_PER_PUSH)));

        assertThat(over.isRejected()).isTrue();
        assertThat(over.problem().code()).isEqualTo("activity.too-many");
        assertThat(over.problem().field()).isEqualTo("activities");
        assertThat(full.activitiesRecorded()).isEqualTo(Activity.MAX_PER_PUSH);
    }

    @Test
    void doesNotBringBackAPartnerActivityAPersonDeleted() {
        ItemResult first = push(item(T1, List.of(activity("a", null), activity("b", null))));
        Activity a = recorded(first.deal().id()).stream().filter(x -> x.external().externalId().equals("a")).findFirst()
                .orElseThrow();
        people.delete(partner, first.deal().id(), a.id());

        ItemResult again = push(item(T1, List.of(activity("a", null), activity("b", null))));

        assertThat(again.activitiesRecorded()).isZero();
        assertThat(again.activitiesSkipped()).isEqualTo(2);
        assertThat(recorded(first.deal().id())).extracting(x -> x.external().externalId()).containsExactly("b");
    }

    @Test
    void rejectsTheItemThatWouldTakeTheDealPastItsCapAndLeavesItsStateAlone() {
        DealId deal = push(item(T1, List.of())).deal().id();
        for (int i = 0; i < Activity.MAX_PER_DEAL - 2; i++) {
            app.activityRepository.add(Activity.record(workspace.id(), deal, ActivityType.NOTE, ActivityDirection.INTERNAL, T1,
                    null, null, null, T1, ""));
        }

        ItemResult over = push(item(T2, List.of(activity("a", null), activity("b", null), activity("c", null))));
        assertThat(app.dealRepository.findById(workspace.id(), deal).orElseThrow().partnerSync().occurredAt()).isEqualTo(T1);
        ItemResult exact = push(item(T2, List.of(activity("a", null), activity("b", null))));
        ItemResult retry = push(item(T2, List.of(activity("a", null), activity("b", null))));

        assertThat(over.problem().code()).isEqualTo("activity.limit-reached");
        assertThat(exact.result()).isEqualTo(SyncResult.UNCHANGED);
        assertThat(exact.activitiesRecorded()).isEqualTo(2);
        assertThat(retry.isRejected()).isFalse(); // nothing new: a full deal still takes a retry
        assertThat(recorded(deal)).hasSize(Activity.MAX_PER_DEAL);
    }

    @Test
    void rejectsAnInvalidActivityWithItsFieldAndRecordsNothingOfTheItem() {
        List<PartnerActivity> bad = new ArrayList<>(List.of(activity("a", null)));
        bad.add(new PartnerActivity("b", ActivityType.CALL, ActivityDirection.OUTBOUND, T1, null, "n".repeat(501)));

        ItemResult result = push(item(T1, bad));

        assertThat(result.problem().field()).isEqualTo("activities[1].note");
        ItemResult fixed = push(item(T1, List.of(activity("a", null))));
        assertThat(fixed.result()).isEqualTo(SyncResult.CREATED);
        assertThat(fixed.activitiesRecorded()).isEqualTo(1);
    }
}
