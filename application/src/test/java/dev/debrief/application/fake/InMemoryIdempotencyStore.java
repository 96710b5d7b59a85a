package dev.debrief.application.fake;

import dev.debrief.application.port.out.idempotency.IdempotencyScope;
import dev.debrief.application.port.out.idempotency.IdempotencyStore;
import dev.debrief.application.port.out.idempotency.StoredResponse;

import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stored answers in a map. A lock belongs to the thread that took it (a thread stands in for a
 * transaction) until {@link #endTransaction()} on that thread, or to "another transaction" when a
 * test calls {@link #lockedByAnotherTransaction}.
 */
public class InMemoryIdempotencyStore implements IdempotencyStore {

    private record Key(IdempotencyScope scope, String key) {
    }

    private static final Object ANOTHER_TRANSACTION = new Object();

    private final Map<Key, StoredResponse> responses = new LinkedHashMap<>();
    private final Map<Key, Object> lockOwners = new HashMap<>();

    @Override
    public synchronized boolean tryLock(IdempotencyScope scope, String key) {
        Object owner = lockOwners.putIfAbsent(new Key(scope, key), Thread.currentThread());
        return owner == null || owner == Thread.currentThread();
    }

    @Override
    public synchronized Optional<StoredResponse> find(IdempotencyScope scope, String key, Instant now) {
        return Optional.ofNullable(responses.get(new Key(scope, key))).filter(r -> r.expiresAt().isAfter(now));
    }

    @Override
    public synchronized void save(IdempotencyScope scope, String key, StoredResponse response) {
        responses.put(new Key(scope, key), response);
    }

    @Override
    public synchronized int purgeExpired(Instant now, int limit) {
        int deleted = 0;
        for (Iterator<StoredResponse> it = responses.values().iterator(); it.hasNext() && deleted < limit; ) {
            if (!it.next().expiresAt().isAfter(now)) {
                it.remove();
                deleted++;
            }
        }
        return deleted;
    }

    /** Releases the locks the current thread took, as a commit or rollback does. */
    public synchronized void endTransaction() {
        lockOwners.values().removeIf(owner -> owner == Thread.currentThread());
    }

    /** Holds the lock of (scope, key) as a request still running elsewhere would. */
    public synchronized void lockedByAnotherTransaction(IdempotencyScope scope, String key) {
        lockOwners.put(new Key(scope, key), ANOTHER_TRANSACTION);
    }

    public synchronized int size() {
        return responses.size();
    }
}
