package dev.debrief.application.service.workspace;

import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.debrief.application.port.in.workspace.UpdateWorkspaceUseCase.UpdateWorkspaceCommand;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.Workspace;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

import static dev.debrief.application.fixture.Rejections.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceServiceTest {

    private final TestApplication app = new TestApplication();

    @Test
    void createsAWorkspaceAtVersionZero() {
        Workspace workspace = app.workspaces.create(new CreateWorkspaceCommand(" Acme Sales ", "Europe/Berlin", "EUR"));

        assertThat(workspace.name()).isEqualTo("Acme Sales");
        assertThat(workspace.version()).isZero();
        assertThat(workspace.createdAt()).isEqualTo(app.clock.instant());
        assertThat(app.workspaces.get(workspace.id())).usingRecursiveComparison().isEqualTo(workspace);
    }

    @Test
    void seedsSevenDefaultStagesInPipelineOrder() {
        Workspace workspace = app.createWorkspace("Europe/Berlin");

        assertThat(app.vocabulary.list(workspace.id(), VocabularyKind.STAGE, false))
                .extracting(VocabularyEntry::code)
                .containsExactly("PROSPECTING", "DISCOVERY", "QUALIFICATION", "SOLUTION", "PROPOSAL", "NEGOTIATION",
                        "CLOSING");
        assertThat(app.vocabulary.list(workspace.id(), VocabularyKind.STAGE, false))
                .extracting(VocabularyEntry::position).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void seedsNoOtherVocabulary() {
        Workspace workspace = app.createWorkspace("Europe/Berlin");

        for (VocabularyKind kind : VocabularyKind.values()) {
            if (kind != VocabularyKind.STAGE) {
                assertThat(app.vocabulary.list(workspace.id(), kind, true)).as(kind.name()).isEmpty();
            }
        }
    }

    @Test
    void seedsElevenDefaultLossReasonsOnePerCategory() {
        Workspace workspace = app.createWorkspace("Europe/Berlin");

        assertThat(app.lossReasons.list(workspace.id(), false)).hasSize(11)
                .extracting(LossReason::category).containsExactly(ReasonCategory.values());
    }

    @Test
    void seedsEveryWorkspaceWithItsOwnDefaults() {
        Workspace first = app.createWorkspace("Europe/Berlin");
        Workspace second = app.createWorkspace("Europe/Berlin");

        assertThat(app.vocabulary.list(second.id(), VocabularyKind.STAGE, false)).hasSize(7)
                .allSatisfy(stage -> assertThat(stage.workspaceId()).isEqualTo(second.id()));
        assertThat(app.lossReasons.list(second.id(), false)).hasSize(11);
        assertThat(app.vocabulary.list(first.id(), VocabularyKind.STAGE, false)).hasSize(7);
    }

    @Test
    void rejectsAnInvalidTimeZone() {
        assertRejected(RuleViolation.class, "workspace.time-zone-invalid",
                () -> app.workspaces.create(new CreateWorkspaceCommand("Acme", "Mars/Olympus", "EUR")));
    }

    @Test
    void updatesTheWorkspace() {
        Workspace workspace = app.createWorkspace("Europe/Berlin");
        Instant later = app.clock.advance(Duration.ofHours(1));

        Workspace updated = app.workspaces.update(
                new UpdateWorkspaceCommand(app.admin(workspace.id()), "Acme Inc", "America/Chicago", "USD"));

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.updatedAt()).isEqualTo(later);
        Workspace found = app.workspaces.get(workspace.id());
        assertThat(found.name()).isEqualTo("Acme Inc");
        assertThat(found.timeZone()).isEqualTo(ZoneId.of("America/Chicago"));
        assertThat(found.defaultCurrency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(found.version()).isEqualTo(1);
    }

    @Test
    void keepsTheWorkspaceWhenAnUpdateIsRejected() {
        Workspace workspace = app.createWorkspace("Europe/Berlin");

        assertRejected(RuleViolation.class, "currency.invalid", () -> app.workspaces.update(
                new UpdateWorkspaceCommand(app.admin(workspace.id()), "Acme Inc", "UTC", "euro")));

        assertThat(app.workspaces.get(workspace.id())).usingRecursiveComparison().isEqualTo(workspace);
    }

    @Test
    void rejectsUpdatingAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found", () -> app.workspaces.update(
                new UpdateWorkspaceCommand(app.admin(WorkspaceId.newId()), "Acme", "UTC", "EUR")));
    }

    @Test
    void rejectsGettingAnUnknownWorkspace() {
        assertRejected(NotFound.class, "workspace.not-found", () -> app.workspaces.get(WorkspaceId.newId()));
    }

    // ---- the creator and the bootstrap admin ---------------------------------------------------

    private static final String ISSUER = "https://idp.test/realms/acme";

    private static Principal.Person person(String subject, String email, boolean verified) {
        return new Principal.Person(ISSUER, subject, email, verified, "Boss");
    }

    private Workspace createAs(Principal.Person creator) {
        return app.workspaces.create(new CreateWorkspaceCommand("Acme Sales", "Europe/Berlin", "EUR", creator));
    }

    @Test
    void makesTheCreatorTheWorkspacesOnlyAdmin() {
        Workspace workspace = createAs(person("boss-sub", "boss@acme.test", true));

        assertThat(app.memberRepository.list(workspace.id())).singleElement().satisfies(member -> {
            assertThat(member.role()).isEqualTo(Role.ADMIN);
            assertThat(member.issuer()).isEqualTo(ISSUER);
            assertThat(member.subject()).isEqualTo("boss-sub");
            assertThat(member.email()).isEqualTo("boss@acme.test");
            assertThat(member.createdAt()).isEqualTo(app.clock.instant());
            assertThat(member.active()).isTrue();
        });
    }

    @Test
    void createsAWorkspaceWithoutMembersForTheSystem() {
        Workspace workspace = app.workspaces.create(new CreateWorkspaceCommand("Acme Sales", "UTC", "EUR", null));

        assertThat(app.memberRepository.list(workspace.id())).isEmpty();
    }

    @Test
    void letsTheBootstrapAdminCreateAWorkspace() {
        app.settings.bootstrapAdminEmail(" Boss@Acme.test ");

        Workspace workspace = createAs(person("boss-sub", "boss@ACME.test", true));

        assertThat(app.memberRepository.list(workspace.id())).extracting(Member::role).containsExactly(Role.ADMIN);
    }

    @Test
    void forbidsAnyoneButTheBootstrapAdminToCreateAWorkspace() {
        app.settings.bootstrapAdminEmail("boss@acme.test");

        assertRejected(Forbidden.class, "access.forbidden",
                () -> createAs(person("intruder-sub", "intruder@acme.test", true)));

        assertNothingCreatedFor("intruder-sub");
    }

    @Test
    void forbidsTheBootstrapAdminsEmailWhenItIsNotVerified() {
        app.settings.bootstrapAdminEmail("boss@acme.test");

        assertRejected(Forbidden.class, "access.forbidden",
                () -> createAs(person("unverified-sub", "boss@acme.test", false)));

        assertNothingCreatedFor("unverified-sub");
    }

    @Test
    void forbidsACreatorWithoutEmailWhenABootstrapAdminIsConfigured() {
        app.settings.bootstrapAdminEmail("boss@acme.test");

        assertRejected(Forbidden.class, "access.forbidden", () -> createAs(person("anonymous-sub", null, true)));

        assertNothingCreatedFor("anonymous-sub");
    }

    private void assertNothingCreatedFor(String subject) {
        assertThat(app.workspaceRepository.any()).as("any workspace").isFalse();
        assertThat(app.memberRepository.findAllByIdentity(ISSUER, subject)).as("memberships").isEmpty();
    }
}
