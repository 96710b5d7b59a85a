package dev.debrief.application.port.out.plan;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.plan.PlanItem;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link PlanItemRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class PlanItemRepositoryContract extends RepositoryContract {

    private static final LocalDate DAY = LocalDate.parse("2025-01-07");

    protected abstract PlanItemRepository items();

    protected abstract MemberRepository members();

    private MemberId member(WorkspaceId ws) {
        Member member = Member.join(ws, new Principal.Person("https://idp.test", "sub-" + UUID.randomUUID(),
                UUID.randomUUID() + "@example.com", true, "Rep"), Role.REP, EPOCH);
        return inTransaction(() -> members().save(member)).id();
    }

    private PlanItem added(WorkspaceId ws, MemberId member, LocalDate day, String text, int secondsAfterEpoch) {
        PlanItem item = PlanItem.add(ws, member, day, text, DAY, EPOCH.plusSeconds(secondsAfterEpoch));
        inTransaction(() -> items().save(item));
        return item;
    }

    @Test
    void storesAnItemAndReadsItBackAsItWas() {
        WorkspaceId ws = newWorkspace();
        MemberId member = member(ws);
        PlanItem item = added(ws, member, DAY, "Call the buyer before ten", 0);

        PlanItem found = inTransaction(() -> items().findById(ws, member, item.id())).orElseThrow();
        assertThat(found.text()).isEqualTo("Call the buyer before ten");
        assertThat(found.date()).isEqualTo(DAY);
        assertThat(found.memberId()).isEqualTo(member);
        assertThat(found.workspaceId()).isEqualTo(ws);
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.done()).isFalse();
    }

    @Test
    void writesAChangedTextAndDoneTime() {
        WorkspaceId ws = newWorkspace();
        MemberId member = member(ws);
        PlanItem item = added(ws, member, DAY, "Call the buyer", 0);
        item.rewrite("Call the buyer before ten");
        item.markDone(true, EPOCH.plusSeconds(3600));
        inTransaction(() -> items().save(item));

        PlanItem found = inTransaction(() -> items().findById(ws, member, item.id())).orElseThrow();
        assertThat(found.text()).isEqualTo("Call the buyer before ten");
        assertThat(found.doneAt()).isEqualTo(EPOCH.plusSeconds(3600));

        found.markDone(false, EPOCH.plusSeconds(7200));
        inTransaction(() -> items().save(found));
        assertThat(inTransaction(() -> items().findById(ws, member, item.id())).orElseThrow().doneAt()).isNull();
    }

    @Test
    void findsAnItemOnlyInItsWorkspaceAndForItsMember() {
        WorkspaceId ws = newWorkspace();
        MemberId member = member(ws);
        MemberId colleague = member(ws);
        PlanItem item = added(ws, member, DAY, "Call the buyer", 0);

        assertThat(inTransaction(() -> items().findById(ws, colleague, item.id()))).isEmpty();
        assertThat(inTransaction(() -> items().findById(newWorkspace(), member, item.id()))).isEmpty();
        assertThat(inTransaction(() -> items().delete(ws, colleague, item.id()))).isFalse();
        assertThat(inTransaction(() -> items().findById(ws, member, item.id()))).isPresent();
    }

    @Test
    void listsTheMembersItemsOfTheDayInTheOrderTheyWereAdded() {
        WorkspaceId ws = newWorkspace();
        MemberId member = member(ws);
        MemberId colleague = member(ws);
        PlanItem second = added(ws, member, DAY, "Send the quote", 60);
        PlanItem first = added(ws, member, DAY, "Call the buyer", 0);
        added(ws, member, DAY.plusDays(1), "Book the demo", 0);
        added(ws, colleague, DAY, "Someone else's do", 0);

        assertThat(inTransaction(() -> items().listFor(ws, member, DAY))).extracting(PlanItem::id)
                .containsExactly(first.id(), second.id());
        assertThat(inTransaction(() -> items().listFor(ws, member, DAY.minusDays(1)))).isEmpty();
    }

    @Test
    void deletesAnItemOnce() {
        WorkspaceId ws = newWorkspace();
        MemberId member = member(ws);
        PlanItem item = added(ws, member, DAY, "Call the buyer", 0);

        assertThat(inTransaction(() -> items().delete(ws, member, item.id()))).isTrue();
        assertThat(inTransaction(() -> items().delete(ws, member, item.id()))).isFalse();
        assertThat(inTransaction(() -> items().findById(ws, member, item.id()))).isEmpty();
    }
}
