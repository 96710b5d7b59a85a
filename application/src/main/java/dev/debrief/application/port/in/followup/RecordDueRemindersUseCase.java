package dev.debrief.application.port.in.followup;

import java.time.Instant;

/**
 * Records one {@code follow-up.due} event in the outbox for each open follow-up that became due (its due
 * date reached in its workspace's time zone), once per follow-up and due date. One call is one batch in
 * one transaction; safe to run on several instances at once (a follow-up is taken by one of them).
 */
public interface RecordDueRemindersUseCase {

    /** One batch at the application's clock; see {@link #recordDue(Instant, int)}. */
    int recordDue(int batchSize);

    /**
     * One batch as of {@code now}.
     *
     * @return how many follow-ups this batch took (at most {@code batchSize}); 0 when none is left to record
     */
    int recordDue(Instant now, int batchSize);
}
