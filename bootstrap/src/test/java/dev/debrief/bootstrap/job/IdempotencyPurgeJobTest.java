package dev.debrief.bootstrap.job;

import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.idempotency.RunIdempotentlyUseCase;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.workspace.Workspace;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IdempotencyPurgeJobTest {

    @Inject
    IdempotencyPurgeJob job;

    @Inject
    Scheduler scheduler;

    @Inject
    RunIdempotentlyUseCase idempotently;

    @Inject
    WorkspaceRepository workspaces;

    @Inject
    Sql sql;

    @Test
    void isOffInTestsSoItNeverPurgesBetweenTheStepsOfATest() {
        assertThat(scheduler.getScheduledJob("idempotency-purge")).isNull();
    }

    @Test
    void aRunDeletesExpiredAnswersAndKeepsLiveOnes() {
        Workspace workspace = Workspace.create("Purge " + UUID.randomUUID(), "Europe/Berlin", "EUR", Instant.now());
        QuarkusTransaction.requiringNew().run(() -> workspaces.save(workspace));
        String ws = workspace.id().value().toString();
        Access key = new Access(workspace.id(), new Access.KeyActor(ApiKeyId.newId(), Set.of(Scope.DEALS_WRITE)));
        for (String k : new String[] {"old", "new"}) {
            idempotently.run(new IdempotentRequest(key, k, "c".repeat(64)), () -> IdempotentResponse.of(200, "{}"));
        }
        sql.execute("update idempotency_key set created_at = now() - interval '25 hours', expires_at = now() - interval '1 hour'"
                + " where workspace_id = ? and key = 'old'", ws);

        job.purgeExpired();

        assertThat(sql.count("select count(*) from idempotency_key where workspace_id = ? and key = 'new'", ws)).isEqualTo(1);
        assertThat(sql.count("select count(*) from idempotency_key where workspace_id = ?", ws)).isEqualTo(1);
    }
}
