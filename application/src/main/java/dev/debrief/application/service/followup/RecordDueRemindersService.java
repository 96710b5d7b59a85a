package dev.debrief.application.service.followup;

import dev.debrief.application.port.in.followup.RecordDueRemindersUseCase;
import dev.debrief.application.port.out.followup.DueReminderStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** One batch of due reminders per call, in one transaction: the events commit with the marks that stop a repeat. */
@ApplicationScoped
@Transactional
public class RecordDueRemindersService implements RecordDueRemindersUseCase {

    private final DueReminderStore store;
    private final Clock clock;

    @Inject
    public RecordDueRemindersService(DueReminderStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public int recordDue(int batchSize) {
        return recordDue(clock.instant(), batchSize);
    }

    @Override
    public int recordDue(Instant now, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        return store.recordDue(now, batchSize);
    }
}
