package dev.debrief.application.port.out.imports;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.imports.ImportCounts;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.imports.ImportStatus;
import dev.debrief.domain.shared.Ids;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ImportJobRepository} does; the in-memory fake and the PostgreSQL adapter both extend
 * it. The database may hold other tests' jobs, so a claim is repeated until it reaches this test's
 * workspace (or finds nothing).
 */
public abstract class ImportJobRepositoryContract extends RepositoryContract {

    private static final Duration LEASE = Duration.ofSeconds(60);

    protected abstract ImportJobRepository jobs();

    protected abstract ImportFileStore files();

    private WorkspaceId ws;
    private Access admin;

    @BeforeEach
    void workspace() {
        ws = newWorkspace();
        admin = new Access(ws, new Access.MemberActor(new MemberId(Ids.newId()), Role.ADMIN));
    }

    private ImportJob queued(Access access, Instant at) {
        ImportJob job = ImportJob.queue(new ImportId(Ids.newId()), access, "deals.csv", 0, at);
        inTransaction(() -> jobs().create(job));
        inTransaction(() -> jobs().setFileBytes(ws, job.id(), 123));
        return job;
    }

    /** Claims until this workspace's job comes up, as runners would (other workspaces' jobs are released). */
    private Optional<ImportJob> claimMine(Instant now, UUID token) {
        for (int i = 0; i < 1000; i++) {
            Optional<ImportJob> claimed = inTransaction(() -> jobs().claim(now, now.plus(LEASE), token));
            if (claimed.isEmpty() || claimed.get().access().workspaceId().equals(ws)) {
                return claimed;
            }
        }
        throw new AssertionError("claimed 1000 foreign jobs");
    }

    private Optional<ImportJob> find(ImportId id) {
        return inTransaction(() -> jobs().find(ws, id));
    }

    @Test
    void keepsTheJobAndItsCreatorsAccess() {
        Access key = new Access(ws, new Access.KeyActor(new ApiKeyId(Ids.newId()), Set.of(Scope.DEALS_WRITE, Scope.ADMIN)));
        ImportJob job = queued(key, EPOCH);

        ImportJob found = find(job.id()).orElseThrow();

        assertThat(found.access()).isEqualTo(key);
        assertThat(found.status()).isEqualTo(ImportStatus.QUEUED);
        assertThat(found.fileBytes()).isEqualTo(123);
        assertThat(found.fileName()).isEqualTo("deals.csv");
        assertThat(found.counts()).isEqualTo(ImportCounts.NONE);
        assertThat(found.checkpointRow()).isEqualTo(1);
        assertThat(found.createdAt()).isEqualTo(EPOCH);
        assertThat(found.startedAt()).isNull();
        assertThat(find(job.id()).map(ImportJob::access)).contains(key);
    }

    @Test
    void anotherWorkspaceDoesNotSeeTheJob() {
        ImportJob job = queued(admin, EPOCH);
        WorkspaceId other = newWorkspace();

        assertThat(inTransaction(() -> jobs().find(other, job.id()))).isEmpty();
    }

    @Test
    void claimsAQueuedJobOnceAndAgainOnlyAfterItsLeaseExpired() {
        ImportJob job = queued(admin, EPOCH);
        UUID first = UUID.randomUUID();

        ImportJob claimed = claimMine(EPOCH, first).orElseThrow();
        assertThat(claimed.id()).isEqualTo(job.id());
        assertThat(claimed.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(claimed.startedAt()).isEqualTo(EPOCH);
        assertThat(claimMine(EPOCH.plusSeconds(59), UUID.randomUUID())).as("the lease holds").isEmpty();
        assertThat(inTransaction(() -> jobs().lockLease(ws, job.id(), first))).isTrue();

        UUID second = UUID.randomUUID();
        ImportJob again = claimMine(EPOCH.plus(LEASE), second).orElseThrow();
        assertThat(again.id()).isEqualTo(job.id());
        assertThat(again.startedAt()).as("started once").isEqualTo(EPOCH);
        assertThat(inTransaction(() -> jobs().lockLease(ws, job.id(), first))).as("the first runner lost it").isFalse();
        assertThat(inTransaction(() -> jobs().lockLease(ws, job.id(), second))).isTrue();
    }

    @Test
    void savesProgressRenewsTheLeaseAndEndsItWhenFinished() {
        queued(admin, EPOCH);
        UUID token = UUID.randomUUID();
        ImportJob running = claimMine(EPOCH, token).orElseThrow();

        ImportJob progressed = running.progressed(new ImportCounts(5, 1, 1, 1, 1, 1), 7);
        inTransaction(() -> jobs().save(progressed, EPOCH.plus(Duration.ofMinutes(10)), EPOCH));
        assertThat(find(running.id()).orElseThrow().counts()).isEqualTo(progressed.counts());
        assertThat(find(running.id()).orElseThrow().checkpointRow()).isEqualTo(7);
        assertThat(claimMine(EPOCH.plus(LEASE), UUID.randomUUID())).as("renewed for 10 minutes").isEmpty();

        ImportJob done = progressed.succeeded(EPOCH.plusSeconds(5));
        inTransaction(() -> jobs().save(done, null, EPOCH.plusSeconds(5)));
        ImportJob found = find(running.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(found.finishedAt()).isEqualTo(EPOCH.plusSeconds(5));
        assertThat(inTransaction(() -> jobs().lockLease(ws, running.id(), token))).isFalse();
        assertThat(claimMine(EPOCH.plus(Duration.ofDays(1)), UUID.randomUUID())).as("finished jobs are never claimed").isEmpty();
    }

    @Test
    void keepsTheErrorOfAFailedJob() {
        queued(admin, EPOCH);
        ImportJob running = claimMine(EPOCH, UUID.randomUUID()).orElseThrow();

        inTransaction(() -> jobs().save(running.failed("boom", EPOCH), null, EPOCH));

        ImportJob found = find(running.id()).orElseThrow();
        assertThat(found.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(found.error()).isEqualTo("boom");
    }

    @Test
    void listsRejectionsInRowOrderAfterACursorAndKeepsTheFirstOfARow() {
        ImportJob job = queued(admin, EPOCH);
        inTransaction(() -> jobs().addRejections(ws, job.id(), List.of(
                new ImportRejection(9, "amount", "value.invalid", "not a number"),
                new ImportRejection(2, null, "deal.deleted", "deleted"),
                new ImportRejection(5, "closed_on", "value.invalid", "not a date"))));
        inTransaction(() -> jobs().addRejections(ws, job.id(), List.of(new ImportRejection(5, "x", "other", "again"))));

        assertThat(inTransaction(() -> jobs().rejections(ws, job.id(), 1, 2))).containsExactly(
                new ImportRejection(2, null, "deal.deleted", "deleted"),
                new ImportRejection(5, "closed_on", "value.invalid", "not a date"));
        assertThat(inTransaction(() -> jobs().rejections(ws, job.id(), 5, 10))).extracting(ImportRejection::rowNumber)
                .containsExactly(9);
        assertThat(inTransaction(() -> jobs().rejections(newWorkspace(), job.id(), 1, 10))).isEmpty();
    }

    @Test
    void deletingAJobDeletesItsFileAndRejections() {
        ImportJob job = queued(admin, EPOCH);
        inTransaction(() -> files().append(ws, job.id(), 0, new byte[]{1, 2, 3}));
        inTransaction(() -> jobs().addRejections(ws, job.id(), List.of(new ImportRejection(2, null, "c", "m"))));

        inTransaction(() -> jobs().delete(ws, job.id()));

        assertThat(find(job.id())).isEmpty();
        assertThat(inTransaction(() -> files().chunk(ws, job.id(), 0))).isEmpty();
        assertThat(inTransaction(() -> jobs().rejections(ws, job.id(), 1, 10))).isEmpty();
    }

    @Test
    void storesTheFileInNumberedChunksPerWorkspace() {
        ImportJob job = queued(admin, EPOCH);
        inTransaction(() -> files().append(ws, job.id(), 0, new byte[]{1, 2}));
        inTransaction(() -> files().append(ws, job.id(), 1, new byte[]{3}));

        assertThat(inTransaction(() -> files().chunk(ws, job.id(), 0))).hasValueSatisfying(b -> assertThat(b).containsExactly(1, 2));
        assertThat(inTransaction(() -> files().chunk(ws, job.id(), 1))).hasValueSatisfying(b -> assertThat(b).containsExactly(3));
        assertThat(inTransaction(() -> files().chunk(ws, job.id(), 2))).isEmpty();
        assertThat(inTransaction(() -> files().chunk(newWorkspace(), job.id(), 0))).isEmpty();

        inTransaction(() -> files().delete(ws, job.id()));
        assertThat(inTransaction(() -> files().chunk(ws, job.id(), 0))).isEmpty();
        assertThat(find(job.id())).as("the job stays").isPresent();
    }
}
