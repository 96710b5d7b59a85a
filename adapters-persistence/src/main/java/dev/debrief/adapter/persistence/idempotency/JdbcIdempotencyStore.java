package dev.debrief.adapter.persistence.idempotency;

import dev.debrief.application.port.out.idempotency.IdempotencyScope;
import dev.debrief.application.port.out.idempotency.IdempotencyStore;
import dev.debrief.application.port.out.idempotency.StoredResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Stored answers in {@code idempotency_key}, in-flight requests held by PostgreSQL advisory locks.
 * Native SQL through the transaction's EntityManager, so every statement runs on the connection of the
 * request's own transaction: the upsert and {@code skip locked} have no JPQL form, and a stored answer
 * is a row to copy, not an aggregate to map.
 */
@ApplicationScoped
public class JdbcIdempotencyStore implements IdempotencyStore {

    private final EntityManager em;

    @Inject
    JdbcIdempotencyStore(EntityManager em) {
        this.em = em;
    }

    /**
     * {@code pg_try_advisory_xact_lock}: never waits, released by commit, rollback or the end of the
     * session. Its 64-bit key is the first 8 bytes of SHA-256(workspace, caller kind, caller id, key).
     */
    @Override
    public boolean tryLock(IdempotencyScope scope, String key) {
        Object locked = em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", lockKey(scope, key))
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    @Override
    public Optional<StoredResponse> find(IdempotencyScope scope, String key, Instant now) {
        List<?> rows = em.createNativeQuery("""
                        select fingerprint, status, body, created_at, expires_at from idempotency_key
                        where workspace_id = :ws and caller_kind = :kind and caller_id = :caller and key = :key
                          and expires_at > :now""")
                .setParameter("ws", scope.workspaceId().value())
                .setParameter("kind", scope.callerKind().name())
                .setParameter("caller", scope.callerId())
                .setParameter("key", key)
                .setParameter("now", utc(now))
                .getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new StoredResponse((String) r[0], ((Number) r[1]).intValue(), (String) r[2], instant(r[3]),
                    instant(r[4]));
        });
    }

    @Override
    public void save(IdempotencyScope scope, String key, StoredResponse response) {
        em.createNativeQuery("""
                        insert into idempotency_key
                            (workspace_id, caller_kind, caller_id, key, fingerprint, status, body, created_at, expires_at)
                        values (:ws, :kind, :caller, :key, :fingerprint, :status, :body, :createdAt, :expiresAt)
                        on conflict (workspace_id, caller_kind, caller_id, key) do update
                        set fingerprint = excluded.fingerprint, status = excluded.status, body = excluded.body,
                            created_at = excluded.created_at, expires_at = excluded.expires_at""")
                .setParameter("ws", scope.workspaceId().value())
                .setParameter("kind", scope.callerKind().name())
                .setParameter("caller", scope.callerId())
                .setParameter("key", key)
                .setParameter("fingerprint", response.fingerprint())
                .setParameter("status", (short) response.status())
                .setParameter("body", response.body())
                .setParameter("createdAt", utc(response.createdAt()))
                .setParameter("expiresAt", utc(response.expiresAt()))
                .executeUpdate();
    }

    /** One statement; rows a concurrent purge (or a request rewriting an expired key) holds are skipped. */
    @Override
    public int purgeExpired(Instant now, int limit) {
        return em.createNativeQuery("""
                        delete from idempotency_key where (workspace_id, caller_kind, caller_id, key) in (
                            select workspace_id, caller_kind, caller_id, key from idempotency_key
                            where expires_at <= :now
                            limit :limit
                            for update skip locked)""")
                .setParameter("now", utc(now))
                .setParameter("limit", limit)
                .executeUpdate();
    }

    static long lockKey(IdempotencyScope scope, String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            String name = "idempotency\n" + scope.workspaceId().value() + "\n" + scope.callerKind() + "\n"
                    + scope.callerId() + "\n" + key;
            return ByteBuffer.wrap(sha256.digest(name.getBytes(StandardCharsets.UTF_8))).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
