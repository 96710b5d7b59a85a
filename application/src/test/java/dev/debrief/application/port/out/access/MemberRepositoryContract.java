package dev.debrief.application.port.out.access;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link MemberRepository} does; the in-memory fake and the PostgreSQL adapter both extend it.
 * Identities and emails are unique per test, so lookups across workspaces only ever see this test's rows.
 */
public abstract class MemberRepositoryContract extends RepositoryContract {

    protected static final String ISSUER = "https://idp.test/realms/acme";

    protected abstract MemberRepository members();

    /** A member's team is a TEAM entry of the workspace's vocabulary. */
    protected abstract VocabularyRepository vocabulary();

    private WorkspaceId workspace;
    private WorkspaceId otherWorkspace;
    private String subject;
    private String email;

    @BeforeEach
    void createWorkspacesAndAnIdentity() {
        workspace = newWorkspace();
        otherWorkspace = newWorkspace();
        String unique = UUID.randomUUID().toString();
        subject = "sub-" + unique;
        email = "ann-" + unique + "@acme.test";
    }

    private Principal.Person person(String subject, String email) {
        return new Principal.Person(ISSUER, subject, email, true, "Ann Example");
    }

    private Member save(Member member) {
        return inTransaction(() -> members().save(member));
    }

    private Optional<Member> find(WorkspaceId ws, MemberId id) {
        return inTransaction(() -> members().findById(ws, id));
    }

    private VocabularyEntryId team(WorkspaceId ws, String name) {
        VocabularyEntry team = VocabularyEntry.create(ws, VocabularyKind.TEAM, null, name, 1);
        return inTransaction(() -> vocabulary().save(team)).id();
    }

    private static void assertConflict(String code, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StateConflict.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void keepsEveryFieldOfAMember() {
        Member member = Member.join(workspace, person(subject, email), Role.MANAGER, EPOCH);
        member.change(null, "Ann E.", team(workspace, "Hunters"));

        Member saved = save(member);

        assertThat(saved).usingRecursiveComparison().isEqualTo(member);
        Member found = find(workspace, member.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(member);
        assertThat(found.issuer()).isEqualTo(ISSUER);
        assertThat(found.subject()).isEqualTo(subject);
        assertThat(found.email()).isEqualTo(email);
        assertThat(found.displayName()).isEqualTo("Ann E.");
        assertThat(found.role()).isEqualTo(Role.MANAGER);
        assertThat(found.teamId()).isNotNull().isEqualTo(member.teamId());
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.removedAt()).isNull();
    }

    @Test
    void keepsAnInvitationWithoutIdentity() {
        Member invitation = Member.invite(workspace, email, null, Role.REP, null, EPOCH);

        save(invitation);

        Member found = find(workspace, invitation.id()).orElseThrow();
        assertThat(found).usingRecursiveComparison().isEqualTo(invitation);
        assertThat(found.issuer()).isNull();
        assertThat(found.subject()).isNull();
        assertThat(found.active()).isFalse();
    }

    @Test
    void keepsWhatChangesOnALaterSave() {
        Member invitation = save(Member.invite(workspace, email, null, Role.REP, null, EPOCH));

        inTransaction(() -> {
            Member m = members().findById(workspace, invitation.id()).orElseThrow();
            m.bind(person(subject, email));
            m.change(Role.ADMIN, null, null);
            m.remove(EPOCH.plus(Duration.ofDays(1)));
            return members().save(m);
        });

        Member found = find(workspace, invitation.id()).orElseThrow();
        assertThat(found.issuer()).isEqualTo(ISSUER);
        assertThat(found.subject()).isEqualTo(subject);
        assertThat(found.displayName()).isEqualTo("Ann Example");
        assertThat(found.role()).isEqualTo(Role.ADMIN);
        assertThat(found.removedAt()).isEqualTo(EPOCH.plus(Duration.ofDays(1)));
        assertThat(found.createdAt()).isEqualTo(EPOCH);
    }

    @Test
    void findsAMemberByIdOnlyInItsWorkspace() {
        Member member = save(Member.join(workspace, person(subject, email), Role.REP, EPOCH));

        assertThat(find(workspace, member.id())).isPresent();
        assertThat(find(otherWorkspace, member.id())).isEmpty();
        assertThat(find(workspace, MemberId.newId())).isEmpty();
    }

    @Test
    void findsAPersonByIdentityOnlyInTheAskedWorkspace() {
        Member here = save(Member.join(workspace, person(subject, email), Role.MANAGER, EPOCH));
        Member there = save(Member.join(otherWorkspace, person(subject, email), Role.REP, EPOCH));

        assertThat(inTransaction(() -> members().findByIdentity(workspace, ISSUER, subject)))
                .get().usingRecursiveComparison().isEqualTo(here);
        assertThat(inTransaction(() -> members().findByIdentity(otherWorkspace, ISSUER, subject)))
                .get().extracting(Member::id).isEqualTo(there.id());
        assertThat(inTransaction(() -> members().findByIdentity(newWorkspace(), ISSUER, subject))).isEmpty();
    }

    @Test
    void findsNobodyForTheSameSubjectOfAnotherIssuer() {
        save(Member.join(workspace, person(subject, email), Role.REP, EPOCH));

        assertThat(inTransaction(() -> members().findByIdentity(workspace, "https://other-idp.test", subject)))
                .isEmpty();
        assertThat(inTransaction(() -> members().findAllByIdentity("https://other-idp.test", subject))).isEmpty();
    }

    @Test
    void findsEveryMembershipOfAPersonAcrossWorkspaces() {
        Member here = save(Member.join(workspace, person(subject, email), Role.ADMIN, EPOCH));
        Member there = save(Member.join(otherWorkspace, person(subject, email), Role.REP, EPOCH.plusSeconds(60)));
        save(Member.join(workspace, person(subject + "-someone-else", null), Role.REP, EPOCH));

        assertThat(inTransaction(() -> members().findAllByIdentity(ISSUER, subject)))
                .extracting(Member::id).containsExactlyInAnyOrder(here.id(), there.id());
    }

    @Test
    void refusesASecondMemberForTheSamePersonInAWorkspace() {
        Member first = save(Member.join(workspace, person(subject, email), Role.ADMIN, EPOCH));
        Member second = Member.join(workspace, person(subject, null), Role.REP, EPOCH);

        assertConflict("member.identity-taken", () -> save(second));

        assertThat(find(workspace, second.id())).isEmpty();
        assertThat(inTransaction(() -> members().findAllByIdentity(ISSUER, subject)))
                .extracting(Member::id).containsExactly(first.id());
    }

    @Test
    void refusesASecondMemberWithTheSameEmailInAWorkspace() {
        save(Member.join(workspace, person(subject, email), Role.ADMIN, EPOCH));
        Member invitation = Member.invite(workspace, email.toUpperCase(), null, Role.REP, null, EPOCH);

        assertConflict("member.email-taken", () -> save(invitation));

        assertThat(find(workspace, invitation.id())).isEmpty();
    }

    @Test
    void letsTheSamePersonBeAMemberOfAnotherWorkspace() {
        save(Member.join(workspace, person(subject, email), Role.ADMIN, EPOCH));

        Member there = save(Member.join(otherWorkspace, person(subject, email), Role.REP, EPOCH));

        assertThat(find(otherWorkspace, there.id())).isPresent();
    }

    @Test
    void findsOpenInvitationsByEmailAcrossWorkspacesIgnoringCase() {
        Member here = save(Member.invite(workspace, email, null, Role.REP, null, EPOCH));
        Member there = save(Member.invite(otherWorkspace, email, null, Role.MANAGER, null, EPOCH));
        Member removed = Member.invite(newWorkspace(), email, null, Role.REP, null, EPOCH);
        removed.remove(EPOCH.plusSeconds(60));
        save(removed);
        save(Member.join(newWorkspace(), person(subject, email), Role.REP, EPOCH));

        assertThat(inTransaction(() -> members().findInvitations(" " + email.toUpperCase() + " ")))
                .extracting(Member::id).containsExactlyInAnyOrder(here.id(), there.id());
    }

    @Test
    void listsTheWorkspacesMembersAndInvitationsByNameLeavingOutTheRemoved() {
        Member zoe = save(Member.join(workspace, new Principal.Person(ISSUER, subject + "-z", null, false, "zoe"),
                Role.REP, EPOCH));
        Member ann = save(Member.join(workspace, person(subject, email), Role.ADMIN, EPOCH));
        Member bob = save(Member.invite(workspace, "bob-" + email, "Bob", Role.REP, null, EPOCH));
        Member gone = Member.join(workspace, new Principal.Person(ISSUER, subject + "-g", null, false, "Gone"),
                Role.REP, EPOCH);
        gone.remove(EPOCH.plusSeconds(60));
        save(gone);
        save(Member.join(otherWorkspace, new Principal.Person(ISSUER, subject + "-o", null, false, "Other"),
                Role.REP, EPOCH));

        assertThat(inTransaction(() -> members().list(workspace)))
                .extracting(Member::id).containsExactly(ann.id(), bob.id(), zoe.id());
    }

    @Test
    void countsOnlyTheWorkspacesActiveAdmins() {
        save(Member.join(workspace, person(subject, email), Role.ADMIN, EPOCH));
        save(Member.join(workspace, new Principal.Person(ISSUER, subject + "-m", null, false, "Manager"),
                Role.MANAGER, EPOCH));
        save(Member.invite(workspace, "invited-" + email, null, Role.ADMIN, null, EPOCH));
        Member removed = Member.join(workspace, new Principal.Person(ISSUER, subject + "-r", null, false, "Removed"),
                Role.ADMIN, EPOCH);
        removed.remove(EPOCH.plusSeconds(60));
        save(removed);
        save(Member.join(otherWorkspace, new Principal.Person(ISSUER, subject + "-o", null, false, "Other"),
                Role.ADMIN, EPOCH));

        assertThat(inTransaction(() -> members().lockAndCountActiveAdmins(workspace))).isEqualTo(1);
    }
}
