package dev.debrief.domain.plan;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;

import static dev.debrief.domain.shared.DomainAssertions.assertRejected;
import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class PlanItemTest {

    private static final WorkspaceId WS = new WorkspaceId(UUID.randomUUID());
    private static final MemberId ME = MemberId.newId();
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Instant NOW = Instant.parse("2026-11-23T17:00:00Z");

    private static PlanItem item(LocalDate date, String text) {
        return PlanItem.add(WS, ME, date, text, TODAY, NOW);
    }

    @Test
    void aNewItemIsAnUncheckedDoForTodayOrLater() {
        PlanItem tomorrow = item(TODAY.plusDays(1), "  Send Acme the revised quote  ");
        assertThat(tomorrow.text()).isEqualTo("Send Acme the revised quote");
        assertThat(tomorrow.done()).isFalse();
        assertThat(tomorrow.doneAt()).isNull();
        assertThat(tomorrow.createdAt()).isEqualTo(NOW);
        assertThat(item(TODAY, "Call the buyer").date()).isEqualTo(TODAY);
    }

    @Test
    void refusesADayBeforeTodayAndAMissingDate() {
        assertViolation("plan-item.date-in-past", "date", () -> item(TODAY.minusDays(1), "Call the buyer"));
        assertViolation("value.required", "date", () -> item(null, "Call the buyer"));
    }

    @Test
    void refusesAProhibitionABlankTextAndATooLongOne() {
        assertViolation("phrasing.prohibition", "text", () -> item(TODAY, "Don't send the quote late"));
        assertViolation("value.required", "text", () -> item(TODAY, "   "));
        assertThatCode(() -> item(TODAY, "C".repeat(PlanItem.TEXT_MAX))).doesNotThrowAnyException();
        assertViolation("value.too-long", "text", () -> item(TODAY, "C".repeat(PlanItem.TEXT_MAX + 1)));
    }

    @Test
    void isCheckedOffOnceAndMayBeUncheckedAndRewordedAsADo() {
        PlanItem item = item(TODAY, "Call the buyer");
        item.markDone(true, NOW.plusSeconds(60));
        item.markDone(true, NOW.plusSeconds(120));
        assertThat(item.doneAt()).isEqualTo(NOW.plusSeconds(60));
        item.markDone(false, NOW.plusSeconds(180));
        assertThat(item.done()).isFalse();
        item.rewrite("Call the buyer before ten");
        assertThat(item.text()).isEqualTo("Call the buyer before ten");
        assertViolation("phrasing.prohibition", "text", () -> item.rewrite("Never call after five"));
        assertThat(item.text()).isEqualTo("Call the buyer before ten");
    }

    @Test
    void onlyTheMemberThemselfKeepsTheirPlanItems() {
        assertThatCode(() -> PlanAccess.requireOwnPlan(new Access(WS, new Access.MemberActor(ME, Role.REP)), ME))
                .doesNotThrowAnyException();
        assertRejected(Forbidden.class, Forbidden.CODE, null,
                () -> PlanAccess.requireOwnPlan(new Access(WS, new Access.MemberActor(MemberId.newId(), Role.ADMIN)), ME));
        assertRejected(Forbidden.class, Forbidden.CODE, null,
                () -> PlanAccess.requireOwnPlan(new Access(WS, new Access.KeyActor(new ApiKeyId(UUID.randomUUID()),
                        EnumSet.of(Scope.ADMIN))), ME));
    }
}
