package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.MeQueries;
import dev.debrief.application.port.in.access.MeQueries.Membership;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class AccessServiceTest {

    private static final String ISSUER = "https://idp.test/realms/acme";

    private final TestApplication app = new TestApplication();
    private final Principal.Person alice = person("alice");
    private final Principal.Person bob = person("bob");
    private final Workspace workspace = create("Acme Sales", alice);

    private static Principal.Person person(String name) {
        return new Principal.Person(ISSUER, name + "-sub", name + "@acme.test", true, name);
    }

    private Workspace create(String name, Principal.Person creator) {
        return app.workspaces.create(new CreateWorkspaceCommand(name, "Europe/Berlin", "EUR", creator));
    }

    private Member join(WorkspaceId ws, Principal.Person person, Role role) {
        return app.memberRepository.save(Member.join(ws, person, role, app.clock.instant()));
    }

    private ApiKey.Issued issue(WorkspaceId ws, Set<Scope> scopes) {
        return app.apiKeys.issue(app.admin(ws), "CRM sync", scopes, null);
    }

    // ---- resolve -------------------------------------------------------------------------------

    @Test
    void resolvesAMemberToTheirRoleInTheWorkspace() {
        Member member = join(workspace.id(), bob, Role.MANAGER);

        Access access = app.access.resolve(bob, workspace.id());

        assertThat(access).isEqualTo(new Access(workspace.id(), new Access.MemberActor(member.id(), Role.MANAGER)));
    }

    @Test
    void resolvesTheCreatorAsAdmin() {
        Access access = app.access.resolve(alice, workspace.id());

        assertThat(access.actor()).isInstanceOfSatisfying(Access.MemberActor.class,
                actor -> assertThat(actor.role()).isEqualTo(Role.ADMIN));
    }

    @Test
    void answersAPersonWhoIsNoMemberAsIfTheWorkspaceDidNotExist() {
        assertRejected(NotFound.class, "workspace.not-found", () -> app.access.resolve(bob, workspace.id()));
    }

    @Test
    void answersAMemberOfAnotherWorkspaceAsIfTheWorkspaceDidNotExist() {
        Workspace theirs = create("Bob's", bob);

        assertRejected(NotFound.class, "workspace.not-found", () -> app.access.resolve(bob, workspace.id()));
        assertThat(app.access.resolve(bob, theirs.id()).workspaceId()).isEqualTo(theirs.id());
    }

    @Test
    void answersTheSameSubjectOfAnotherIssuerAsIfTheWorkspaceDidNotExist() {
        Principal.Person impostor = new Principal.Person("https://evil.test", alice.subject(), alice.email(), true,
                "alice");

        assertRejected(NotFound.class, "workspace.not-found", () -> app.access.resolve(impostor, workspace.id()));
    }

    @Test
    void answersARemovedMemberAsIfTheWorkspaceDidNotExist() {
        Member member = join(workspace.id(), bob, Role.REP);
        member.remove(app.clock.instant());
        app.memberRepository.save(member);

        assertRejected(NotFound.class, "workspace.not-found", () -> app.access.resolve(bob, workspace.id()));
    }

    @Test
    void resolvesAKeyOfTheWorkspaceToItsScopes() {
        ApiKey.Issued issued = issue(workspace.id(), EnumSet.of(Scope.DEALS_READ, Scope.INSIGHTS_READ));
        Principal.KeyHolder holder = app.access.authenticate(issued.secret()).orElseThrow();

        Access access = app.access.resolve(holder, workspace.id());

        assertThat(access).isEqualTo(new Access(workspace.id(),
                new Access.KeyActor(issued.key().id(), Set.of(Scope.DEALS_READ, Scope.INSIGHTS_READ))));
    }

    @Test
    void answersAKeyOfAnotherWorkspaceAsIfTheWorkspaceDidNotExist() {
        Workspace other = create("Other", alice);
        Principal.KeyHolder holder = app.access.authenticate(issue(other.id(), Set.of(Scope.ADMIN)).secret())
                .orElseThrow();

        assertRejected(NotFound.class, "workspace.not-found", () -> app.access.resolve(holder, workspace.id()));
    }

    // ---- authenticate --------------------------------------------------------------------------

    @Test
    void authenticatesTheRightSecretAsItsKeyHolder() {
        ApiKey.Issued issued = issue(workspace.id(), Set.of(Scope.DEALS_WRITE));

        assertThat(app.access.authenticate(issued.secret()))
                .contains(new Principal.KeyHolder(issued.key().id(), workspace.id(), Set.of(Scope.DEALS_WRITE)));
    }

    @Test
    void refusesAWrongSecretWithAKnownPrefix() {
        ApiKey.Issued issued = issue(workspace.id(), Set.of(Scope.DEALS_WRITE));
        String random = issued.secret().substring(13);
        String wrong = "dbk_" + issued.key().prefix() + "_" + new StringBuilder(random).reverse();

        assertThat(ApiKey.prefixOf(wrong)).isEqualTo(issued.key().prefix());
        assertThat(app.access.authenticate(wrong)).isEmpty();
    }

    @Test
    void refusesAWellFormedSecretOfNoKey() {
        assertThat(app.access.authenticate("dbk_abcdefgh_" + "A".repeat(43))).isEmpty();
    }

    @Test
    void refusesARevokedKey() {
        ApiKey.Issued issued = issue(workspace.id(), Set.of(Scope.DEALS_WRITE));

        app.apiKeys.revoke(app.admin(workspace.id()), issued.key().id());

        assertThat(app.access.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void refusesAKeyFromTheMomentItExpires() {
        ApiKey.Issued issued = app.apiKeys.issue(app.admin(workspace.id()), "Trial", Set.of(Scope.DEALS_READ),
                app.clock.instant().plus(Duration.ofDays(30)));

        app.clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(app.access.authenticate(issued.secret())).isPresent();
        app.clock.advance(Duration.ofSeconds(1));
        assertThat(app.access.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void answersInMemoryOnlyAValidKeyWhoseUseIsRecordedAlready() {
        ApiKey.Issued issued = issue(workspace.id(), Set.of(Scope.DEALS_READ));

        assertThat(app.access.authenticateInMemory(issued.secret())).as("its first use is to be recorded").isEmpty();
        Principal.KeyHolder holder = app.access.authenticate(issued.secret()).orElseThrow();
        assertThat(app.access.authenticateInMemory(issued.secret())).contains(holder);
        assertThat(app.access.authenticateInMemory(issued.secret().substring(0, issued.secret().length() - 1) + "x"))
                .isEmpty();
        assertThat(app.access.authenticateInMemory(null)).isEmpty();

        app.clock.advance(ApiKey.LAST_USE_PRECISION.plusSeconds(1));
        assertThat(app.access.authenticateInMemory(issued.secret())).as("over a minute later the use is recorded again").isEmpty();
        app.access.authenticate(issued.secret());
        app.apiKeys.revoke(app.admin(workspace.id()), issued.key().id());
        assertThat(app.access.authenticateInMemory(issued.secret())).isEmpty();
    }

    @Test
    void refusesMalformedSecrets() {
        issue(workspace.id(), Set.of(Scope.ADMIN));

        assertThat(app.access.authenticate(null)).isEmpty();
        assertThat(app.access.authenticate("")).isEmpty();
        assertThat(app.access.authenticate("dbk_short")).isEmpty();
        assertThat(app.access.authenticate("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln")).isEmpty();
    }

    // ---- memberships ---------------------------------------------------------------------------

    @Test
    void listsThePersonsWorkspacesWithTheirMembershipInEach() {
        Workspace second = create("Second", bob);
        Member aliceInSecond = join(second.id(), alice, Role.REP);
        create("Bob only", bob);

        assertThat(app.access.memberships(alice).newestFirst())
                .extracting(m -> m.workspace().id(), m -> m.member().role())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(workspace.id(), Role.ADMIN),
                        org.assertj.core.groups.Tuple.tuple(second.id(), Role.REP));
        assertThat(app.access.memberships(alice).newestFirst()).extracting(Membership::member).extracting(Member::id)
                .contains(aliceInSecond.id());
    }

    @Test
    void listsThePersonsHundredNewestWorkspacesAndSaysThereAreMore() {
        Workspace newest = workspace;
        for (int i = 0; i < MeQueries.MAX_LISTED; i++) {
            app.clock.advance(java.time.Duration.ofSeconds(1));
            newest = create("Alice's " + i, alice);
        }

        MeQueries.Memberships listed = app.access.memberships(alice);

        assertThat(listed.more()).isTrue();
        assertThat(listed.newestFirst()).hasSize(MeQueries.MAX_LISTED);
        assertThat(listed.newestFirst().get(0).workspace().id()).isEqualTo(newest.id());
        assertThat(listed.newestFirst()).noneMatch(m -> m.workspace().id().equals(workspace.id()));
        assertThat(app.access.memberships(bob).more()).isFalse();
    }

    @Test
    void leavesOutWorkspacesThePersonWasRemovedFrom() {
        Workspace second = create("Second", bob);
        Member member = join(second.id(), alice, Role.REP);
        member.remove(app.clock.instant());
        app.memberRepository.save(member);

        assertThat(app.access.memberships(alice).newestFirst()).extracting(m -> m.workspace().id()).containsExactly(workspace.id());
    }

    @Test
    void listsNoWorkspacesForAStranger() {
        assertThat(app.access.memberships(person("carol")).newestFirst()).isEmpty();
    }
}
