package dev.debrief.application.service.access;

import dev.debrief.application.fake.FixedAccessSettings;
import dev.debrief.application.fake.InMemoryApiKeyRepository;
import dev.debrief.application.fake.InMemoryLossReasonRepository;
import dev.debrief.application.fake.InMemoryMemberRepository;
import dev.debrief.application.fake.InMemoryVocabularyRepository;
import dev.debrief.application.fake.InMemoryWorkspaceRepository;
import dev.debrief.application.fake.MutableClock;
import dev.debrief.application.port.in.access.FirstRunUseCase.FirstRun;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.debrief.application.service.workspace.WorkspaceService;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Wired like TestApplication, with repositories that count their saves so "nothing created" can be seen. */
class FirstRunServiceTest {

    private static final class CountingWorkspaces extends InMemoryWorkspaceRepository {
        int saves;

        @Override
        public synchronized Workspace save(Workspace workspace) {
            saves++;
            return super.save(workspace);
        }
    }

    private static final class CountingKeys extends InMemoryApiKeyRepository {
        int saves;

        @Override
        public synchronized ApiKey save(ApiKey key) {
            saves++;
            return super.save(key);
        }
    }

    private final MutableClock clock = MutableClock.at("2025-03-10T10:00:00Z");
    private final CountingWorkspaces workspaceRepository = new CountingWorkspaces();
    private final CountingKeys keyRepository = new CountingKeys();
    private final InMemoryMemberRepository memberRepository = new InMemoryMemberRepository();
    private final FixedAccessSettings settings = new FixedAccessSettings();
    private final dev.debrief.application.service.audit.Auditor auditor = new dev.debrief.application.service.audit.Auditor(
            new dev.debrief.application.fake.InMemoryAuditLog(), java.util.Optional::empty, clock);
    private final WorkspaceService workspaces = new WorkspaceService(workspaceRepository,
            new InMemoryVocabularyRepository(), new InMemoryLossReasonRepository(), memberRepository, settings, auditor, clock);
    private final AccessService access = new AccessService(workspaceRepository, memberRepository, keyRepository, auditor, clock);
    private final FirstRunService firstRun = new FirstRunService(workspaceRepository, workspaces, new AdminKeys(keyRepository, auditor, clock));

    @Test
    void setsUpAWorkspaceAndAnAdminKeyOnAnEmptyStore() {
        FirstRun run = firstRun.setUpIfEmpty().orElseThrow();

        assertThat(workspaceRepository.findById(run.workspace().id())).isPresent();
        assertThat(run.adminKey().key().workspaceId()).isEqualTo(run.workspace().id());
        assertThat(run.adminKey().key().scopes()).containsExactly(Scope.ADMIN);
        assertThat(run.adminKey().key().expiresAt()).isNull();
        assertThat(keyRepository.list(run.workspace().id())).extracting(ApiKey::id)
                .containsExactly(run.adminKey().key().id());
    }

    @Test
    void handsOutAnAdminKeyThatAuthenticatesAndMayAdministerTheWorkspace() {
        FirstRun run = firstRun.setUpIfEmpty().orElseThrow();

        Principal.KeyHolder holder = access.authenticate(run.adminKey().secret()).orElseThrow();
        Access resolved = access.resolve(holder, run.workspace().id());

        assertThat(holder.keyId()).isEqualTo(run.adminKey().key().id());
        assertThat(resolved.require(Right.ADMINISTER)).isSameAs(resolved);
    }

    @Test
    void seedsTheFirstWorkspaceLikeAnyOtherWithoutAMember() {
        FirstRun run = firstRun.setUpIfEmpty().orElseThrow();

        assertThat(workspaces.get(run.workspace().id()).name()).isEqualTo("My workspace");
        assertThat(memberRepository.list(run.workspace().id())).isEmpty();
    }

    @Test
    void setsUpEvenWhenOnlyABootstrapAdminMayCreateWorkspaces() {
        settings.bootstrapAdminEmail("boss@acme.test");

        assertThat(firstRun.setUpIfEmpty()).isPresent();
    }

    @Test
    void doesNothingWhenAWorkspaceExists() {
        Workspace existing = workspaces.create(new CreateWorkspaceCommand("Acme Sales", "UTC", "EUR"));
        int workspaceSaves = workspaceRepository.saves;

        Optional<FirstRun> run = firstRun.setUpIfEmpty();

        assertThat(run).isEmpty();
        assertThat(workspaceRepository.saves).isEqualTo(workspaceSaves);
        assertThat(keyRepository.saves).isZero();
        assertThat(keyRepository.list(existing.id())).isEmpty();
    }

    @Test
    void setsUpOnlyOnce() {
        firstRun.setUpIfEmpty().orElseThrow();

        assertThat(firstRun.setUpIfEmpty()).isEmpty();
        assertThat(workspaceRepository.saves).isEqualTo(1);
        assertThat(keyRepository.saves).isEqualTo(1);
    }
}
