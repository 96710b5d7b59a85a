package dev.debrief.bootstrap.job;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import dev.debrief.application.port.in.imports.RunImportJobsUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Runs queued CSV imports, every DEBRIEF_IMPORT_RUN_EVERY (1 s). Every instance runs it; a job is
 * claimed by one of them at a time (SKIP LOCKED and a lease), so several instances share the queue. A
 * run keeps taking jobs until none waits; one still going makes the next trigger skip. {@code off}
 * disables it (the tests drive {@link RunImportJobsUseCase} themselves). On shutdown a run in progress
 * stops before its next batch ({@code GracefulShutdown}); its job resumes on another instance or the next start.
 */
@ApplicationScoped
public class ImportRunnerJob {

    private static final Logger LOG = Logger.getLogger(ImportRunnerJob.class);

    private final RunImportJobsUseCase runner;
    private final DatabaseOutages outages;

    @Inject
    ImportRunnerJob(RunImportJobsUseCase runner, DatabaseOutages outages) {
        this.runner = runner;
        this.outages = outages;
    }

    @Scheduled(identity = "import-runner", every = "${debrief.import.run-every:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Jobs.WhileTheDatabaseIsDown.class)
    void runQueued() {
        Jobs.run(outages, () -> {
            Optional<?> ran;
            do {
                ran = runner.runNext(Integer.MAX_VALUE);
                ran.ifPresent(id -> LOG.infof("Import %s ran", id));
            } while (ran.isPresent());
        });
    }
}
