package dev.debrief.adapter.rest.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a use case whose transaction may outlive the default timeout (a CSV export to a slow client, a
 * large upload): the timeout is set for this thread just before the use case begins its transaction,
 * and reset to the default right after, whatever happens.
 */
@ApplicationScoped
public class TransactionTimeouts {

    private final TransactionManager transactions;

    @Inject
    public TransactionTimeouts(TransactionManager transactions) {
        this.transactions = transactions;
    }

    public <T> T within(Duration timeout, Supplier<T> work) {
        set((int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()));
        try {
            return work.get();
        } finally {
            set(0); // the default again, for whatever runs next on this worker thread
        }
    }

    private void set(int seconds) {
        try {
            transactions.setTransactionTimeout(seconds);
        } catch (SystemException e) {
            throw new IllegalStateException("The transaction timeout could not be set", e);
        }
    }
}
