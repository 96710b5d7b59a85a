package dev.debrief.domain.plan;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanAccessTest {

    private final WorkspaceId ws = WorkspaceId.newId();
    private final MemberId rita = MemberId.newId();
    private final MemberId sam = MemberId.newId();

    private Access as(MemberId member, Role role) {
        return new Access(ws, new Access.MemberActor(member, role));
    }

    @Test
    void letsARepReadOnlyTheirOwnPlan() {
        assertThatCode(() -> PlanAccess.requireMayReadPlanOf(as(rita, Role.REP), rita)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PlanAccess.requireMayReadPlanOf(as(rita, Role.REP), sam)).isInstanceOf(Forbidden.class);
        assertThatCode(() -> PlanAccess.requireMayReadPlanOf(as(rita, Role.MANAGER), sam)).doesNotThrowAnyException();
    }
}
