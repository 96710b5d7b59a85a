package dev.debrief.domain.followup;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ActorRef;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FollowUpAccessTest {

    private final WorkspaceId ws = WorkspaceId.newId();
    private final MemberId rita = MemberId.newId();
    private final MemberId sam = MemberId.newId();

    private Access as(MemberId member, Role role) {
        return new Access(ws, new Access.MemberActor(member, role));
    }

    private FollowUp assignedTo(MemberId member) {
        return FollowUp.actionItem(ws, "Call the buyer", member, LocalDate.parse("2025-03-10"), null, null, null,
                ActorRef.SYSTEM, LocalDate.parse("2025-03-10"), Instant.EPOCH);
    }

    @Test
    void letsARepHandleOnlyTheirOwnFollowUps() {
        assertThatCode(() -> FollowUpAccess.requireMayWrite(as(rita, Role.REP), assignedTo(rita))).doesNotThrowAnyException();
        assertThatThrownBy(() -> FollowUpAccess.requireMayWrite(as(rita, Role.REP), assignedTo(sam)))
                .isInstanceOf(Forbidden.class);
    }

    @Test
    void letsManagersAdminsAndWritingKeysHandleAnyone() {
        assertThatCode(() -> FollowUpAccess.requireMayWrite(as(rita, Role.MANAGER), assignedTo(sam))).doesNotThrowAnyException();
        assertThatCode(() -> FollowUpAccess.requireMayWrite(as(rita, Role.ADMIN), assignedTo(sam))).doesNotThrowAnyException();
        Access key = new Access(ws, new Access.KeyActor(ApiKeyId.newId(), Set.of(Scope.DEALS_WRITE)));
        assertThatCode(() -> FollowUpAccess.requireMayWrite(key, assignedTo(sam))).doesNotThrowAnyException();
        Access reader = new Access(ws, new Access.KeyActor(ApiKeyId.newId(), Set.of(Scope.DEALS_READ)));
        assertThatThrownBy(() -> FollowUpAccess.requireMayWrite(reader, assignedTo(sam))).isInstanceOf(Forbidden.class);
    }

    @Test
    void assignsARepsFollowUpsToThemselves() {
        assertThat(FollowUpAccess.assignee(as(rita, Role.REP), null)).isEqualTo(rita);
        assertThat(FollowUpAccess.assignee(as(rita, Role.REP), rita)).isEqualTo(rita);
        assertThatThrownBy(() -> FollowUpAccess.assignee(as(rita, Role.REP), sam)).isInstanceOf(Forbidden.class);
        assertThat(FollowUpAccess.assignee(as(rita, Role.MANAGER), sam)).isEqualTo(sam);
        assertThat(FollowUpAccess.assignee(as(rita, Role.MANAGER), null)).isEqualTo(rita);
        Access key = new Access(ws, new Access.KeyActor(ApiKeyId.newId(), Set.of(Scope.DEALS_WRITE)));
        assertThat(FollowUpAccess.assignee(key, null)).isNull();
    }
}
