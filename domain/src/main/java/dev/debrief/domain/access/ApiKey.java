package dev.debrief.domain.access;

import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.Text;
import dev.debrief.domain.workspace.WorkspaceId;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An integration partner's credential for one workspace. The secret ({@code dbk_<prefix>_<256 random
 * bits>}) is shown once when issued; only its SHA-256 is kept and compared in constant time. The
 * prefix identifies the key in listings and finds its row.
 */
public final class ApiKey {

    public static final String SECRET_START = "dbk_";
    /** The last use is recorded at most this often per key: a write per minute, not per request. */
    public static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PREFIX_ALPHABET = "abcdefghijkmnopqrstuvwxyz23456789";

    private final ApiKeyId id;
    private final WorkspaceId workspaceId;
    private final String name;
    private final String prefix;
    private final byte[] secretHash;
    private final Set<Scope> scopes;
    private final Instant expiresAt;
    private Instant revokedAt;
    private final Instant createdAt;
    private final Instant lastUsedAt;

    private ApiKey(ApiKeyId id, WorkspaceId workspaceId, String name, String prefix, byte[] secretHash,
                   Set<Scope> scopes, Instant expiresAt, Instant revokedAt, Instant createdAt, Instant lastUsedAt) {
        this.id = Objects.requireNonNull(id);
        this.workspaceId = Objects.requireNonNull(workspaceId);
        this.name = name;
        this.prefix = prefix;
        this.secretHash = secretHash.clone();
        this.scopes = Set.copyOf(scopes);
        this.expiresAt = expiresAt;
        this.revokedAt = revokedAt;
        this.createdAt = createdAt;
        this.lastUsedAt = lastUsedAt;
    }

    /** A new key and its secret; the secret exists only in the returned value. */
    public record Issued(ApiKey key, String secret) {
    }

    /** Keys a workspace has at most that are not revoked: they are listed whole, never paged. */
    public static final int MAX_UNREVOKED = 100;

    /**
     * Refuses a new key when the workspace has as many unrevoked ones as it may ({@code api-key.limit-reached}).
     *
     * @param unrevoked how many of its keys are not revoked (expired ones included)
     */
    public static void requireRoom(int unrevoked) {
        if (unrevoked >= MAX_UNREVOKED) {
            throw new StateConflict("api-key.limit-reached", "This workspace has " + unrevoked
                    + " API keys that are not revoked; it may have at most " + MAX_UNREVOKED + ": revoke one first");
        }
    }

    public static Issued issue(WorkspaceId workspaceId, String name, Set<Scope> scopes, Instant expiresAt, Instant now) {
        String checkedName = Text.required(name, 100, "name");
        if (scopes == null || scopes.isEmpty()) {
            throw new RuleViolation("api-key.scopes-required", "A key needs at least one scope", "scopes");
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new RuleViolation("api-key.expiry-in-past", "expiresAt must be in the future", "expiresAt");
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(RANDOM.nextInt(PREFIX_ALPHABET.length())));
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String secret = SECRET_START + prefix + "_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        ApiKey key = new ApiKey(ApiKeyId.newId(), workspaceId, checkedName, prefix.toString(), sha256(secret),
                EnumSet.copyOf(scopes), expiresAt, null, now, null);
        return new Issued(key, secret);
    }

    public static ApiKey rehydrate(ApiKeyId id, WorkspaceId workspaceId, String name, String prefix, byte[] secretHash,
                                   Set<Scope> scopes, Instant expiresAt, Instant revokedAt, Instant createdAt,
                                   Instant lastUsedAt) {
        return new ApiKey(id, workspaceId, name, prefix, secretHash, scopes, expiresAt, revokedAt, createdAt, lastUsedAt);
    }

    /** The prefix of a presented secret, or null when it is not shaped like one of ours. */
    public static String prefixOf(String secret) {
        if (secret == null || !secret.startsWith(SECRET_START) || secret.length() != SECRET_START.length() + 8 + 1 + 43
                || secret.charAt(SECRET_START.length() + 8) != '_') {
            return null;
        }
        return secret.substring(SECRET_START.length(), SECRET_START.length() + 8);
    }

    /** Whether {@code secret} is this key's, and the key is neither revoked nor expired at {@code now}. */
    public boolean accepts(String secret, Instant now) {
        boolean same = MessageDigest.isEqual(secretHash, sha256(secret));
        return same && revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /**
     * Whether a use at {@code now} changes the recorded last use, which is kept to {@link #LAST_USE_PRECISION}
     * (the repository's conditional update applies the same rule, so concurrent instances need no coordination).
     */
    public boolean useWorthRecording(Instant now) {
        return lastUsedAt == null || lastUsedAt.isBefore(now.minus(LAST_USE_PRECISION));
    }

    /** This key with {@code at} as its recorded last use. */
    public ApiKey usedAt(Instant at) {
        return new ApiKey(id, workspaceId, name, prefix, secretHash, scopes, expiresAt, revokedAt, createdAt, at);
    }

    public void revoke(Instant now) {
        if (revokedAt != null) {
            throw new StateConflict("api-key.already-revoked", "This key was revoked at " + revokedAt);
        }
        this.revokedAt = now;
    }

    public Principal.KeyHolder holder() {
        return new Principal.KeyHolder(id, workspaceId, scopes);
    }

    static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public ApiKeyId id() { return id; }
    public WorkspaceId workspaceId() { return workspaceId; }
    public String name() { return name; }
    public String prefix() { return prefix; }
    public byte[] secretHash() { return secretHash.clone(); }
    public Set<Scope> scopes() { return scopes; }
    public Instant expiresAt() { return expiresAt; }
    public Instant revokedAt() { return revokedAt; }
    public Instant createdAt() { return createdAt; }
    /** When the key last authenticated a request, to {@link #LAST_USE_PRECISION}; null if never. */
    public Instant lastUsedAt() { return lastUsedAt; }
}
