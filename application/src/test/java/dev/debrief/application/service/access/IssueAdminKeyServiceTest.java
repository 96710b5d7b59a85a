package dev.debrief.application.service.access;

import dev.debrief.application.port.in.access.IssueAdminKeyUseCase.IssuedAdminKey;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;

import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class IssueAdminKeyServiceTest {

    private final TestApplication app = new TestApplication();
    private final IssueAdminKeyService adminKeys = new IssueAdminKeyService(app.workspaceRepository,
            new AdminKeys(app.apiKeyRepository, app.auditor, app.clock));

    @Test
    void issuesAnAdminKeyThatAdministersTheWorkspaceNamedById() {
        Workspace workspace = app.workspaces.create(new CreateWorkspaceCommand("Acme Sales", "UTC", "EUR"));

        IssuedAdminKey issued = adminKeys.issue(workspace.id().toString());

        assertThat(issued.workspace().id()).isEqualTo(workspace.id());
        assertThat(issued.adminKey().key().scopes()).containsExactly(Scope.ADMIN);
        assertThat(issued.adminKey().key().expiresAt()).isNull();
        Principal.KeyHolder holder = app.access.authenticate(issued.adminKey().secret()).orElseThrow();
        Access access = app.access.resolve(holder, workspace.id());
        assertThat(access.require(Right.ADMINISTER)).isSameAs(access);
    }

    @Test
    void findsTheWorkspaceByItsNameIgnoringCaseAndSpaceAround() {
        Workspace workspace = app.workspaces.create(new CreateWorkspaceCommand("My workspace", "UTC", "EUR"));
        app.workspaces.create(new CreateWorkspaceCommand("Another workspace", "UTC", "EUR"));

        assertThat(adminKeys.issue("  my WORKSPACE ").workspace().id()).isEqualTo(workspace.id());
    }

    @Test
    void leavesEveryOtherKeyAsItIsAndAuditsTheNewOneAsTheSystems() {
        Workspace workspace = app.workspaces.create(new CreateWorkspaceCommand("Acme Sales", "UTC", "EUR"));
        IssuedAdminKey first = adminKeys.issue(workspace.id().toString());

        IssuedAdminKey second = adminKeys.issue(workspace.id().toString());

        assertThat(app.apiKeyRepository.list(workspace.id())).extracting(ApiKey::id)
                .containsExactlyInAnyOrder(first.adminKey().key().id(), second.adminKey().key().id());
        assertThat(app.access.authenticate(first.adminKey().secret())).isPresent();
        assertThat(app.auditLog.all()).filteredOn(e -> e.resource().equals("api-key")).hasSize(2).allSatisfy(event -> {
            assertThat(event.actorKind()).isEqualTo(AuditEvent.ActorKind.SYSTEM);
            assertThat(event.action()).isEqualTo("create");
        });
    }

    @Test
    void refusesAnIdOrNameNoWorkspaceHas() {
        app.workspaces.create(new CreateWorkspaceCommand("Acme Sales", "UTC", "EUR"));

        assertRejected(NotFound.class, "workspace.not-found", () -> adminKeys.issue("Globex"));
        assertRejected(NotFound.class, "workspace.not-found", () -> adminKeys.issue(java.util.UUID.randomUUID().toString()));
        assertRejected(NotFound.class, "workspace.not-found", () -> adminKeys.issue(" "));
        assertThat(app.apiKeyRepository.list(app.workspaceRepository.findByName("Acme Sales").get(0).id())).isEmpty();
    }

    @Test
    void asksForAnIdWhenSeveralWorkspacesShareTheName() {
        Workspace one = app.workspaces.create(new CreateWorkspaceCommand("Sales", "UTC", "EUR"));
        Workspace two = app.workspaces.create(new CreateWorkspaceCommand("Sales", "UTC", "EUR"));

        StateConflict conflict = assertRejected(StateConflict.class, "workspace.name-ambiguous", () -> adminKeys.issue("Sales"));

        assertThat(conflict.getMessage()).contains(one.id().toString()).contains(two.id().toString());
        assertThat(adminKeys.issue(two.id().toString()).workspace().id()).isEqualTo(two.id());
    }
}
