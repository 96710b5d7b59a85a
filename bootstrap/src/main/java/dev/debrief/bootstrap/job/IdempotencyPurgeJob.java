package dev.debrief.bootstrap.job;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import dev.debrief.application.port.in.idempotency.PurgeIdempotencyKeysUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Deletes expired idempotent answers every DEBRIEF_IDEMPOTENCY_PURGE_EVERY (1 hour by default). Every
 * instance runs it; the delete skips rows another instance holds, so running at the same moment is
 * safe. A run still going when the next is due makes that one skip. Expired rows that wait for the
 * purge are never replayed: a lookup ignores them. {@code off} disables the job (the tests do: the
 * store's contract writes answers that expired long ago and must find them until it purges them itself).
 */
@ApplicationScoped
public class IdempotencyPurgeJob {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurgeJob.class);

    private final PurgeIdempotencyKeysUseCase purge;
    private final DatabaseOutages outages;

    @Inject
    IdempotencyPurgeJob(PurgeIdempotencyKeysUseCase purge, DatabaseOutages outages) {
        this.purge = purge;
        this.outages = outages;
    }

    @Scheduled(identity = "idempotency-purge", every = "${debrief.idempotency.purge-every:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Jobs.WhileTheDatabaseIsDown.class)
    void purgeExpired() {
        Jobs.run(outages, () -> {
            int deleted = purge.purgeExpired();
            if (deleted > 0) {
                LOG.infof("Purged %d expired idempotency keys", deleted);
            }
        });
    }
}
