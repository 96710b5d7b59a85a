package dev.debrief.adapter.persistence.access;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.ApiKeyId;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * API keys by prefix, so that authenticating a request costs no query (issue 15). A key is served from here
 * only while this instance hears of every change to {@code api_key} ({@link ApiKeyChangeListener}: a trigger
 * notifies on revocation, expiry and scope changes and on deletion, delivered at commit); while it doesn't,
 * every lookup reads the row. The instance that makes a change forgets the key when its transaction ends, so
 * a revocation takes effect at once there. No entry is kept longer than {@link #MAX_AGE}, whatever happens.
 *
 * <p>A lookup that read the row while a change was being made must not serve the old row: each change advances
 * a generation, and an entry is served only while the generation is the one from before its row was read.
 * Changes are rare (a revocation, a new expiry), so a change forgetting every key for its next lookup costs little.
 * Unknown prefixes are never kept (no memory for guessed secrets).
 */
final class ApiKeyCache {

    /** The longest an entry is served, even when a change was never heard of (a lost notification). */
    static final Duration MAX_AGE = Duration.ofSeconds(60);
    /** More keys than any deployment has; past it the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 10_000;

    /** A key, when it was loaded, and the generation before its row was read. */
    private record Entry(ApiKey key, long keptAt, long generation) {
    }

    private final Map<String, Entry> byPrefix = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongSupplier nanoTime;
    private volatile boolean hearing;

    ApiKeyCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /**
     * The key with this prefix if it is kept and may be served; never loads. An entry read before the latest change
     * (of any key) is not served: so a row read while a revocation committed is never served, not even in the
     * moment between its keeping and its removal.
     */
    Optional<ApiKey> peek(String prefix) {
        Entry entry = byPrefix.get(prefix);
        return entry != null && hearing && entry.generation() == generation.get()
                && nanoTime.getAsLong() - entry.keptAt() < MAX_AGE.toNanos()
                ? Optional.of(entry.key()) : Optional.empty();
    }

    /** The key with this prefix: kept, or loaded (and kept when that is safe). */
    Optional<ApiKey> find(String prefix, Supplier<Optional<ApiKey>> load) {
        Optional<ApiKey> kept = peek(prefix);
        if (kept.isPresent()) {
            return kept;
        }
        long now = nanoTime.getAsLong();
        long before = generation.get();
        Optional<ApiKey> loaded = load.get();
        if (loaded.isPresent() && hearing) {
            if (byPrefix.size() >= MAX_ENTRIES) {
                byPrefix.clear();
            }
            byPrefix.put(prefix, new Entry(loaded.get(), now, before)); // served only while no change came after `before`
        }
        return loaded;
    }

    /** The key's last use was recorded: keep that, so the next request doesn't try again within the minute. */
    void usedAt(ApiKeyId id, Instant at) {
        byPrefix.replaceAll((prefix, entry) -> entry.key().id().equals(id)
                ? new Entry(entry.key().usedAt(at), entry.keptAt(), entry.generation()) : entry);
    }

    /** A key's row changed (or may have): it is read again next time. */
    void forget(String prefix) {
        generation.incrementAndGet();
        byPrefix.remove(prefix);
    }

    /** Changes may have been missed (the listening connection was lost or is new): forget every key. */
    void forgetAll() {
        generation.incrementAndGet();
        byPrefix.clear();
    }

    /** Whether changes are heard; keys are kept only while they are. */
    void hearing(boolean hearing) {
        this.hearing = hearing;
        forgetAll();
    }
}
