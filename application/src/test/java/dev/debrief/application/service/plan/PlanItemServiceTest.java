package dev.debrief.application.service.plan;

import dev.debrief.application.fake.InMemoryPlanItemRepository;
import dev.debrief.application.port.in.plan.PlanItemsUseCase.PlanItemChange;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.plan.PlanItem;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan-item use cases against the in-memory fakes. */
class PlanItemServiceTest {

    private final TestApplication app = new TestApplication();
    private final InMemoryPlanItemRepository repository = new InMemoryPlanItemRepository();
    private final PlanItemService items = new PlanItemService(app.workspaceRepository, repository, app.auditor, app.clock);
    private Workspace workspace;
    private MemberId me;
    private Access rep;

    @BeforeEach
    void workspace() {
        // 2025-03-10T23:30 in Tokyo while it is still the 10th at 14:30 UTC: "today" is the workspace's.
        app.clock.set(java.time.Instant.parse("2025-03-10T14:30:00Z"));
        workspace = app.createWorkspace("Asia/Tokyo");
        me = MemberId.newId();
        rep = new Access(workspace.id(), new Access.MemberActor(me, Role.REP));
    }

    @Test
    void addsAnItemForTodayInTheWorkspacesZoneAndAuditsIt() {
        PlanItem item = items.add(rep, me, LocalDate.parse("2025-03-10"), "Call the buyer");
        assertThat(repository.listFor(workspace.id(), me, LocalDate.parse("2025-03-10"))).extracting(PlanItem::id)
                .containsExactly(item.id());
        assertThat(app.auditLog.all()).anySatisfy(e -> {
            assertThat(e.resource()).isEqualTo("plan-item");
            assertThat(e.action()).isEqualTo("create");
        });

        app.clock.set(java.time.Instant.parse("2025-03-10T15:30:00Z")); // 00:30 on the 11th in Tokyo
        assertThatThrownBy(() -> items.add(rep, me, LocalDate.parse("2025-03-10"), "Call the buyer"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("plan-item.date-in-past"));
    }

    @Test
    void refusesTheFiftyFirstItemOfADayButNotOfTheNext() {
        LocalDate day = LocalDate.parse("2025-03-11");
        for (int i = 0; i < PlanItem.MAX_PER_DAY; i++) {
            items.add(rep, me, day, "Call buyer " + i);
        }

        assertThatThrownBy(() -> items.add(rep, me, day, "Call one buyer too many"))
                .isInstanceOfSatisfying(StateConflict.class, e -> assertThat(e.code()).isEqualTo("plan-item.limit-reached"));
        assertThat(repository.listFor(workspace.id(), me, day)).hasSize(PlanItem.MAX_PER_DAY);
        assertThat(items.add(rep, me, day.plusDays(1), "Call one buyer too many").date()).isEqualTo(day.plusDays(1));
    }

    @Test
    void checksOffRewordsAndRemovesTheMembersOwnItem() {
        PlanItem item = items.add(rep, me, LocalDate.parse("2025-03-11"), "Call the buyer");
        PlanItem done = items.change(rep, me, item.id(), c -> new PlanItemChange("Call the buyer at nine", true));
        assertThat(done.doneAt()).isEqualTo(app.clock.instant());
        assertThat(repository.findById(workspace.id(), me, item.id()).orElseThrow().text()).isEqualTo("Call the buyer at nine");

        items.remove(rep, me, item.id());
        assertThat(repository.findById(workspace.id(), me, item.id())).isEmpty();
        assertThatThrownBy(() -> items.remove(rep, me, item.id()))
                .isInstanceOfSatisfying(NotFound.class, e -> assertThat(e.code()).isEqualTo("plan-item.not-found"));
    }

    @Test
    void noOneWritesSomeoneElsesPlanItemsNotEvenAnAdmin() {
        PlanItem item = items.add(rep, me, LocalDate.parse("2025-03-11"), "Call the buyer");
        Access admin = app.admin(workspace.id());
        assertThatThrownBy(() -> items.add(admin, me, LocalDate.parse("2025-03-11"), "Call the buyer"))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> items.change(admin, me, item.id(), c -> new PlanItemChange(c.text(), true)))
                .isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> items.remove(admin, me, item.id())).isInstanceOf(Forbidden.class);
        assertThat(repository.findById(workspace.id(), me, item.id()).orElseThrow().done()).isFalse();
        assertThatThrownBy(() -> items.remove(rep, me, UUID.randomUUID())).isInstanceOf(NotFound.class);
    }
}
