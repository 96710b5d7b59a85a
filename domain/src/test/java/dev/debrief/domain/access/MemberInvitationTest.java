package dev.debrief.domain.access;

import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MemberInvitationTest {

    private final WorkspaceId ws = WorkspaceId.newId();
    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private static Principal.Person person(String email, boolean verified) {
        return new Principal.Person("https://idp", "sub-1", email, verified, "Jane");
    }

    @Test
    void anInvitationIsOpenUntilBound() {
        Member invited = Member.invite(ws, " Jane@Example.com ", null, Role.REP, null, now);
        assertThat(invited.email()).isEqualTo("jane@example.com");
        assertThat(invited.active()).isFalse();
        assertThat(invited.displayName()).isEqualTo("jane@example.com");
    }

    @Test
    void bindsOnlyToTheSameEmailVerified() {
        Member invited = Member.invite(ws, "jane@example.com", null, Role.REP, null, now);
        assertThat(invited.invites(person("JANE@example.com", true))).isTrue();
        assertThat(invited.invites(person("jane@example.com", false))).isFalse();
        assertThat(invited.invites(person("john@example.com", true))).isFalse();

        invited.bind(person("jane@example.com", true));
        assertThat(invited.active()).isTrue();
        assertThat(invited.subject()).isEqualTo("sub-1");
        assertThat(invited.displayName()).isEqualTo("Jane");
        assertThat(invited.invites(person("jane@example.com", true))).isFalse();
    }

    @Test
    void rejectsAnAddressThatIsNoEmail() {
        assertThatThrownBy(() -> Member.invite(ws, "jane", null, Role.REP, null, now))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("member.email-invalid");
    }

    @Test
    void theLastActiveAdminIsProtected() {
        Member admin = Member.founder(ws, person("a@example.com", true), now);
        assertThatThrownBy(() -> LastAdmin.protect(1, admin)).isInstanceOf(StateConflict.class)
                .extracting("code").isEqualTo("member.last-admin");
        assertThatCode(() -> LastAdmin.protect(2, admin)).doesNotThrowAnyException();
        Member invitedAdmin = Member.invite(ws, "b@example.com", null, Role.ADMIN, null, now);
        assertThatCode(() -> LastAdmin.protect(1, invitedAdmin)).doesNotThrowAnyException();
    }

    @Test
    void aRemovedMemberIsNotActive() {
        Member member = Member.founder(ws, person("a@example.com", true), now);
        member.remove(now);
        assertThat(member.active()).isFalse();
    }
}
