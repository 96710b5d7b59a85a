package dev.debrief.domain.access;

import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static dev.debrief.domain.shared.DomainAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

    private final WorkspaceId workspace = WorkspaceId.newId();

    private Access member(Role role) {
        return new Access(workspace, new Access.MemberActor(MemberId.newId(), role));
    }

    private Access key(Scope... scopes) {
        return new Access(workspace, new Access.KeyActor(ApiKeyId.newId(), Set.of(scopes)));
    }

    @Test
    void letsAMemberThroughWhenTheRoleGrantsTheRight() {
        Access access = member(Role.REP);

        assertThat(access.require(Right.WRITE_DEALS)).isSameAs(access);
        assertThat(member(Role.ADMIN).require(Right.ADMINISTER)).isNotNull();
    }

    @Test
    void forbidsAMemberWhoseRoleDoesNotGrantTheRight() {
        for (Role role : EnumSet.of(Role.MANAGER, Role.REP)) {
            Forbidden forbidden = assertRejected(Forbidden.class, "access.forbidden", null,
                    () -> member(role).require(Right.ADMINISTER));
            assertThat(forbidden.getMessage()).as(role.name()).contains(role.name()).contains("ADMIN");
        }
    }

    @Test
    void letsAKeyThroughWhenOneOfItsScopesGrantsTheRight() {
        Access access = key(Scope.INSIGHTS_READ, Scope.DEALS_WRITE);

        assertThat(access.require(Right.WRITE_DEALS)).isSameAs(access);
    }

    @Test
    void forbidsAKeyWhoseScopesDoNotGrantTheRight() {
        Forbidden forbidden = assertRejected(Forbidden.class, "access.forbidden", null,
                () -> key(Scope.DEALS_READ, Scope.INSIGHTS_READ).require(Right.WRITE_DEALS));

        assertThat(forbidden.getMessage()).contains("deals:write").contains("admin");
    }

    @Test
    void forbidsAKeyWithoutTheAdminScopeToAdminister() {
        assertRejected(Forbidden.class, "access.forbidden", null,
                () -> key(Scope.DEALS_READ, Scope.DEALS_WRITE, Scope.INSIGHTS_READ).require(Right.ADMINISTER));
    }
}
