package dev.debrief.application.service.imports;

import dev.debrief.application.fake.InMemoryDealRepository;
import dev.debrief.application.fake.InMemoryIdempotencyStore;
import dev.debrief.application.fake.InMemoryImportFileStore;
import dev.debrief.application.fake.InMemoryImportJobRepository;
import dev.debrief.application.fake.MutableClock;
import dev.debrief.application.fake.SimpleCsvRecordReader;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.imports.StartImportUseCase.StartImportCommand;
import dev.debrief.application.port.in.ingest.IngestDealsUseCase;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.in.ingest.IngestReport;
import dev.debrief.application.port.out.imports.ImportSettings;
import dev.debrief.application.service.idempotency.IdempotencyService;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.imports.ImportCounts;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportJob;
import dev.debrief.domain.imports.ImportStatus;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StartImportService, ImportSteps and RunImportJobsService against the in-memory fakes and a recording ingest. */
class ImportServicesTest {

    private final MutableClock clock = MutableClock.at("2026-11-23T10:00:00Z");
    private final InMemoryImportFileStore files = new InMemoryImportFileStore();
    private final InMemoryImportJobRepository jobs = new InMemoryImportJobRepository(files);
    private final InMemoryIdempotencyStore idempotencyStore = new InMemoryIdempotencyStore();
    private final List<List<IngestItem>> ingested = new ArrayList<>();
    private RuntimeException ingestFailure;
    private Runnable duringIngest = () -> { };
    private final IngestDealsUseCase ingest = command -> {
        duringIngest.run();
        if (ingestFailure != null) {
            throw ingestFailure;
        }
        ingested.add(command.items());
        return new IngestReport(command.items().stream().map(i -> new IngestReport.ItemResult(
                new ExternalReference(i.source(), i.externalId()), SyncResult.CREATED, null, Set.of(), null)).toList());
    };
    private final ImportSettings settings = new ImportSettings() {
        @Override
        public int batchSize() {
            return 2;
        }

        @Override
        public Duration lease() {
            return Duration.ofSeconds(60);
        }
    };
    private final ImportSteps steps = new ImportSteps(jobs, files, ingest, new InMemoryDealRepository(), settings, clock);
    private final SimpleCsvRecordReader csv = new SimpleCsvRecordReader();
    private final RunImportJobsService runner = new RunImportJobsService(steps, settings, csv);
    private final StartImportService start = new StartImportService(jobs, files,
            new IdempotencyService(idempotencyStore, () -> Duration.ofHours(24), clock), csv, clock);

    private final WorkspaceId ws = WorkspaceId.newId();
    private final Access admin = new Access(ws, new Access.MemberActor(MemberId.newId(), Role.ADMIN));

    private ImportJob upload(Access access, String key, String csv) {
        ImportJob[] queued = new ImportJob[1];
        try {
            IdempotentResponse response = start.start(new StartImportCommand(access, key, "POST /imports", "deals.csv",
                    () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))), job -> {
                queued[0] = job;
                return IdempotentResponse.of(202, "{\"id\":\"" + job.id().value() + "\"}");
            });
            return queued[0] != null ? queued[0] : jobs.find(ws, new ImportId(UUID.fromString(
                    response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")))).orElseThrow();
        } finally {
            idempotencyStore.endTransaction();
        }
    }

    private static String rows(int n) {
        StringBuilder csv = new StringBuilder("name,outcome\n");
        for (int i = 1; i <= n; i++) {
            csv.append("Deal ").append(i).append(",OPEN\n");
        }
        return csv.toString();
    }

    @Test
    void onlyCallersWhoMayIngestStartAnImport() {
        Access rep = new Access(ws, new Access.MemberActor(MemberId.newId(), Role.REP));

        assertThatThrownBy(() -> upload(rep, "k", rows(1))).isInstanceOf(Forbidden.class);
    }

    @Test
    void theSameKeyAndFileQueueOneJob() {
        ImportJob first = upload(admin, "k", rows(2));
        ImportJob again = upload(admin, "k", rows(2));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(files.chunk(ws, first.id(), 0)).isPresent();
        assertThat(runner.runNext(Integer.MAX_VALUE)).contains(first.id());
        assertThat(runner.runNext(Integer.MAX_VALUE)).as("one job only").isEmpty();
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> upload(admin, "k", "")).isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("code", "import.empty-file");
    }

    @Test
    void ingestsInBatchesAsTheCreatorAndSucceeds() {
        ImportJob job = upload(admin, "k", rows(5));

        runner.runNext(Integer.MAX_VALUE);

        assertThat(ingested).extracting(List::size).containsExactly(2, 2, 1);
        ImportJob done = jobs.find(ws, job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(5, 5, 0, 0, 0, 0));
        assertThat(done.checkpointRow()).isEqualTo(6);
        assertThat(files.chunk(ws, job.id(), 0)).isEmpty();
    }

    @Test
    void aRunnerThatLostItsLeaseWritesNothing() {
        ImportJob job = upload(admin, "k", rows(4));
        UUID first = UUID.randomUUID();
        ImportJob claimed = steps.claim(first).orElseThrow();
        clock.advance(Duration.ofSeconds(61));
        runner.runNext(1); // a second runner takes the job over and commits rows 2-3

        assertThatThrownBy(() -> steps.commit(claimed, first, List.of(), 3)).isInstanceOf(ImportSteps.LeaseLost.class);
        assertThat(jobs.find(ws, job.id()).orElseThrow().counts().rowsRead()).isEqualTo(2);
    }

    @Test
    void aJobThatThrowsIsFailedWithTheError() {
        ImportJob job = upload(admin, "k", rows(3));
        ingestFailure = new IllegalStateException("database went away");

        runner.runNext(Integer.MAX_VALUE);

        ImportJob failed = jobs.find(ws, job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.error()).contains("database went away");
        assertThat(runner.runNext(Integer.MAX_VALUE)).as("never claimed again").isEmpty();
    }

    @Test
    void aRunnerStoppedByShutdownLeavesItsJobToBeResumed() {
        ImportJob job = upload(admin, "k", rows(5));
        duringIngest = runner::stop;

        runner.runNext(Integer.MAX_VALUE);

        ImportJob left = jobs.find(ws, job.id()).orElseThrow();
        assertThat(left.status()).isEqualTo(ImportStatus.RUNNING);
        assertThat(left.counts().rowsRead()).as("the batch under way committed").isEqualTo(2);
        assertThat(runner.runNext(Integer.MAX_VALUE)).as("a stopped runner claims nothing").isEmpty();

        duringIngest = () -> { };
        clock.advance(Duration.ofSeconds(61));
        new RunImportJobsService(steps, settings, csv).runNext(Integer.MAX_VALUE);
        ImportJob done = jobs.find(ws, job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(ImportStatus.SUCCEEDED);
        assertThat(done.counts()).isEqualTo(new ImportCounts(5, 5, 0, 0, 0, 0));
    }
}
