package dev.debrief.bootstrap.job;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import dev.debrief.application.port.in.followup.RecordDueRemindersUseCase;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Records the due reminders of follow-ups that became due, every DEBRIEF_FOLLOW_UP_DUE_EVERY (1 minute).
 * Every instance runs it; each batch (one transaction) takes follow-ups no other instance holds (SKIP
 * LOCKED), so instances share the work and never wait for each other. A run takes batches until one finds
 * nothing; one still going makes the next trigger skip. {@code off} disables it (the tests drive
 * {@link RecordDueRemindersUseCase} themselves, at the instants they choose).
 */
@ApplicationScoped
public class FollowUpDueJob {

    /** Follow-ups per batch: one statement and one transaction each. */
    static final int BATCH_SIZE = 500;

    private static final Logger LOG = Logger.getLogger(FollowUpDueJob.class);

    private final RecordDueRemindersUseCase reminders;
    private final DatabaseOutages outages;

    @Inject
    FollowUpDueJob(RecordDueRemindersUseCase reminders, DatabaseOutages outages) {
        this.reminders = reminders;
        this.outages = outages;
    }

    @Scheduled(identity = "follow-up-due", every = "${debrief.follow-up.due-every:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Jobs.WhileTheDatabaseIsDown.class)
    void recordDue() {
        Jobs.run(outages, () -> {
            int total = 0;
            int taken;
            do {
                taken = reminders.recordDue(BATCH_SIZE);
                total += taken;
            } while (taken > 0);
            if (total > 0) {
                LOG.infof("Recorded the due reminders of %d follow-ups", total);
            }
        });
    }
}
