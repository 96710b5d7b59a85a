package dev.debrief.application.port.out.followup;

import java.time.Instant;

/**
 * The due reminders of follow-ups, in the caller's transaction. A follow-up is due when it is open, its
 * due date has come in its workspace's time zone, and no reminder is recorded for that due date yet.
 */
public interface DueReminderStore {

    /** The type of the outbox event a due follow-up gets. */
    String EVENT_TYPE = "follow-up.due";

    /**
     * Takes up to {@code batchSize} due follow-ups (earliest due date first) that no other transaction
     * holds, records a {@link #EVENT_TYPE} event for each (dedup key {@code follow-up.due:<id>:<dueOn>}, at
     * most one per follow-up and due date, occurring at {@code now}), and marks them recorded for their due
     * date. Never waits for follow-ups another transaction holds: it leaves them to that one.
     *
     * @return how many follow-ups it took
     */
    int recordDue(Instant now, int batchSize);
}
