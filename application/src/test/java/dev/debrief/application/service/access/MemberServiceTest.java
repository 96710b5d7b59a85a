package dev.debrief.application.service.access;

import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberServiceTest {

    private final TestApplication app = new TestApplication();
    private final Principal.Person founder = new Principal.Person("https://idp", "sub-ada", "ada@example.com", true, "Ada");
    private final WorkspaceId workspace = app.workspaces.create(
            new dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase.CreateWorkspaceCommand(
                    "Acme", "UTC", "EUR", founder)).id();

    private Access adaAccess() {
        return app.access.resolve(founder, workspace);
    }

    @Test
    void theFounderIsTheOnlyAdminAndCanNotStepDownAlone() {
        Member ada = app.memberRepository.findByIdentity(workspace, "https://idp", "sub-ada").orElseThrow();
        assertThatThrownBy(() -> app.members.change(adaAccess(), ada.id(), Role.MANAGER, null, null, false))
                .isInstanceOf(StateConflict.class).extracting("code").isEqualTo("member.last-admin");
        assertThatThrownBy(() -> app.members.remove(adaAccess(), ada.id()))
                .isInstanceOf(StateConflict.class).extracting("code").isEqualTo("member.last-admin");
    }

    @Test
    void anInvitedPersonBecomesAMemberOnTheirFirstVerifiedRequest() {
        app.members.invite(adaAccess(), "bob@example.com", null, Role.MANAGER, null);
        Principal.Person bob = new Principal.Person("https://idp", "sub-bob", "Bob@Example.com", true, "Bob");

        Access access = app.access.resolve(bob, workspace);

        assertThat(((Access.MemberActor) access.actor()).role()).isEqualTo(Role.MANAGER);
        assertThat(app.members.list(adaAccess())).extracting(Member::displayName).contains("Bob");
    }

    @Test
    void refusesTheInvitationBeyondAThousandMembersAndCountsNoRemovedOnes() {
        Member last = null;
        for (int i = app.members.list(adaAccess()).size(); i < Member.MAX_PER_WORKSPACE; i++) {
            last = app.members.invite(adaAccess(), "person" + i + "@example.com", null, Role.REP, null);
        }

        assertThatThrownBy(() -> app.members.invite(adaAccess(), "one-too-many@example.com", null, Role.REP, null))
                .isInstanceOf(StateConflict.class).extracting("code").isEqualTo("member.limit-reached");

        app.members.remove(adaAccess(), last.id());
        assertThat(app.members.invite(adaAccess(), "in-their-place@example.com", null, Role.REP, null).email())
                .isEqualTo("in-their-place@example.com");
    }

    @Test
    void anUnverifiedEmailBindsNothing() {
        app.members.invite(adaAccess(), "eve@example.com", null, Role.ADMIN, null);
        Principal.Person eve = new Principal.Person("https://idp", "sub-eve", "eve@example.com", false, "Eve");
        assertThatThrownBy(() -> app.access.resolve(eve, workspace)).isInstanceOf(NotFound.class);
    }

    @Test
    void onlyAdminsManageMembersAndEveryChangeIsAudited() {
        Member bob = app.members.invite(adaAccess(), "bob@example.com", null, Role.REP, null);
        Access managerAccess = new Access(workspace, new Access.MemberActor(MemberId.newId(), Role.MANAGER));
        assertThatThrownBy(() -> app.members.invite(managerAccess, "x@example.com", null, Role.REP, null))
                .isInstanceOf(Forbidden.class);

        app.members.change(adaAccess(), bob.id(), Role.MANAGER, "Bobby", null, false);
        app.members.remove(adaAccess(), bob.id());

        assertThat(app.auditLog.all()).extracting(e -> e.resource() + ":" + e.action() + ":" + e.changedFields())
                .contains("member:invite:[email, displayName, role]", "member:change:[role, displayName]",
                        "member:remove:[removedAt]");
        assertThat(app.members.list(adaAccess())).extracting(Member::id).doesNotContain(bob.id());
    }
}
