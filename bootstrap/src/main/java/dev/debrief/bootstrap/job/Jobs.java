package dev.debrief.bootstrap.job;

import dev.debrief.adapter.rest.shared.DatabaseOutages;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * What every scheduled job does about the database being away: it skips its runs while the database is
 * marked down, and a run that finds it away marks it down (one WARN for the whole service, see
 * {@link DatabaseOutages}) and ends quietly instead of logging a stack trace every second.
 */
final class Jobs {

    private Jobs() {
    }

    static void run(DatabaseOutages outages, Runnable job) {
        try {
            job.run();
        } catch (RuntimeException failure) {
            DatabaseOutages.Cause cause = DatabaseOutages.causeOf(failure);
            if (cause == null) {
                throw failure;
            }
            outages.noticed(cause, failure);
        }
    }

    /** {@code skipExecutionIf} of every job: no run while the database is known to be down. */
    @Singleton
    static class WhileTheDatabaseIsDown implements Scheduled.SkipPredicate {

        @Inject
        DatabaseOutages outages;

        @Override
        public boolean test(ScheduledExecution execution) {
            return outages.isDown();
        }
    }
}
