package dev.debrief.application.service.access;

import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyServiceTest {

    private final TestApplication app = new TestApplication();
    private final WorkspaceId workspace = app.createWorkspace("Europe/Berlin").id();
    private final Access admin = app.admin(workspace);
    private final Access manager = new Access(workspace, new Access.MemberActor(MemberId.newId(), Role.MANAGER));

    private ApiKey.Issued issue(String name) {
        return app.apiKeys.issue(admin, name, Set.of(Scope.DEALS_READ), null);
    }

    @Test
    void issuesAKeyThatAuthenticates() {
        ApiKey.Issued issued = app.apiKeys.issue(admin, "CRM sync", Set.of(Scope.DEALS_WRITE), null);

        assertThat(issued.key().workspaceId()).isEqualTo(workspace);
        assertThat(issued.key().createdAt()).isEqualTo(app.clock.instant());
        assertThat(app.apiKeyRepository.findById(workspace, issued.key().id())).isPresent();
        assertThat(app.access.authenticate(issued.secret())).get()
                .extracting(holder -> holder.keyId()).isEqualTo(issued.key().id());
    }

    @Test
    void letsAKeyWithTheAdminScopeIssueKeys() {
        Access adminKey = new Access(workspace, new Access.KeyActor(ApiKeyId.newId(), Set.of(Scope.ADMIN)));

        assertThat(app.apiKeys.issue(adminKey, "Partner", Set.of(Scope.DEALS_READ), null).key().name())
                .isEqualTo("Partner");
    }

    @Test
    void checksTheKeyAgainstTheServiceClock() {
        assertRejected(RuleViolation.class, "api-key.expiry-in-past",
                () -> app.apiKeys.issue(admin, "CRM sync", Set.of(Scope.DEALS_READ), app.clock.instant()));
    }

    @Test
    void listsTheWorkspacesUnrevokedKeysNewestFirst() {
        ApiKey first = issue("First").key();
        app.clock.advance(Duration.ofMinutes(1));
        ApiKey second = issue("Second").key();
        app.clock.advance(Duration.ofMinutes(1));
        app.apiKeys.revoke(admin, issue("Revoked").key().id());
        app.apiKeys.issue(app.admin(app.createWorkspace("UTC").id()), "Elsewhere", Set.of(Scope.ADMIN), null);

        assertThat(app.apiKeys.list(admin)).extracting(ApiKey::id).containsExactly(second.id(), first.id());
    }

    @Test
    void refusesAKeyBeyondAHundredUnrevokedOnesUntilOneIsRevoked() {
        ApiKey oldest = issue("Key 0").key();
        for (int i = 1; i < ApiKey.MAX_UNREVOKED; i++) {
            issue("Key " + i);
        }

        assertRejected(StateConflict.class, "api-key.limit-reached", () -> issue("One too many"));
        assertThat(app.apiKeyRepository.list(workspace)).hasSize(ApiKey.MAX_UNREVOKED);

        app.apiKeys.revoke(admin, oldest.id());
        assertThat(issue("In its place").key().name()).isEqualTo("In its place");
    }

    @Test
    void revokesAKeyAtTheServiceClock() {
        ApiKey.Issued issued = issue("CRM sync");
        app.clock.advance(Duration.ofHours(1));

        ApiKey revoked = app.apiKeys.revoke(admin, issued.key().id());

        assertThat(revoked.revokedAt()).isEqualTo(app.clock.instant());
        assertThat(app.apiKeyRepository.findById(workspace, issued.key().id()).orElseThrow().revokedAt())
                .isEqualTo(app.clock.instant());
        assertThat(app.access.authenticate(issued.secret())).isEmpty();
    }

    @Test
    void refusesToRevokeAKeyTwice() {
        ApiKey.Issued issued = issue("CRM sync");
        app.apiKeys.revoke(admin, issued.key().id());

        assertRejected(StateConflict.class, "api-key.already-revoked",
                () -> app.apiKeys.revoke(admin, issued.key().id()));
    }

    @Test
    void answersRevokingAnotherWorkspacesKeyAsIfItDidNotExist() {
        WorkspaceId other = app.createWorkspace("UTC").id();
        ApiKey.Issued theirs = app.apiKeys.issue(app.admin(other), "Theirs", Set.of(Scope.ADMIN), null);

        assertRejected(NotFound.class, "api-key.not-found", () -> app.apiKeys.revoke(admin, theirs.key().id()));

        assertThat(app.apiKeyRepository.findById(other, theirs.key().id()).orElseThrow().revokedAt()).isNull();
        assertThat(app.access.authenticate(theirs.secret())).isPresent();
    }

    @Test
    void answersRevokingAnUnknownKeyWithNotFound() {
        assertRejected(NotFound.class, "api-key.not-found", () -> app.apiKeys.revoke(admin, ApiKeyId.newId()));
    }

    @Test
    void forbidsAManagerToIssueKeys() {
        assertRejected(Forbidden.class, "access.forbidden",
                () -> app.apiKeys.issue(manager, "CRM sync", Set.of(Scope.DEALS_READ), null));

        assertThat(app.apiKeyRepository.list(workspace)).isEmpty();
    }

    @Test
    void forbidsAManagerToListKeys() {
        issue("CRM sync");

        assertRejected(Forbidden.class, "access.forbidden", () -> app.apiKeys.list(manager));
    }

    @Test
    void forbidsAManagerToRevokeKeys() {
        ApiKey.Issued issued = issue("CRM sync");

        assertRejected(Forbidden.class, "access.forbidden", () -> app.apiKeys.revoke(manager, issued.key().id()));

        assertThat(app.access.authenticate(issued.secret())).isPresent();
    }

    @Test
    void forbidsAKeyWithoutTheAdminScopeToIssueKeys() {
        Access writer = new Access(workspace, new Access.KeyActor(ApiKeyId.newId(),
                Set.of(Scope.DEALS_READ, Scope.DEALS_WRITE, Scope.INSIGHTS_READ)));

        assertRejected(Forbidden.class, "access.forbidden",
                () -> app.apiKeys.issue(writer, "Escalation", Set.of(Scope.ADMIN), null));

        assertThat(app.apiKeyRepository.list(workspace)).isEmpty();
    }
}
