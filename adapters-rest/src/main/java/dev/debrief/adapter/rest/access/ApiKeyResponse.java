package dev.debrief.adapter.rest.access;

import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Scope;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An API key as listed and revoked: never its secret (that is only in {@link NewApiKey}, the creation's answer). */
@Schema(name = "ApiKey")
public record ApiKeyResponse(
        UUID id,
        @Schema(examples = "Salesforce sync", maxLength = ApiKeyRequest.NAME_MAX) String name,
        @Schema(description = "Identifies the key in listings: its secret starts with dbk_<prefix>_", examples = "k7m2q9xa",
                maxLength = 8) String prefix,
        @Schema(type = SchemaType.ARRAY, implementation = ScopeName.class, maxItems = 4, examples = "[\"deals:write\"]") List<String> scopes,
        @Schema(description = "When the key stops working; null: never", nullable = true) Instant expiresAt,
        @Schema(description = "When it was revoked; null while it is not (only the revocation's answer shows a revoked key)",
                nullable = true) Instant revokedAt,
        Instant createdAt,
        @Schema(description = "When the key last authenticated a request, to the minute; null if never used", nullable = true)
        Instant lastUsedAt) {

    static ApiKeyResponse from(ApiKey key) {
        return new ApiKeyResponse(key.id().value(), key.name(), key.prefix(), scopes(key), key.expiresAt(), key.revokedAt(),
                key.createdAt(), key.lastUsedAt());
    }

    static List<String> scopes(ApiKey key) {
        return key.scopes().stream().map(Scope::value).sorted().toList();
    }

    /** A scope as written in requests and answers. */
    @Schema(name = "ApiKeyScope", type = SchemaType.STRING, enumeration = {"deals:read", "deals:write", "insights:read", "admin"})
    public static final class ScopeName {

        private ScopeName() {
        }
    }

    @Schema(name = "ApiKeyList")
    public record ListResponse(@Schema(description = "The keys that are not revoked, newest first (at most 100)",
            maxItems = ApiKey.MAX_UNREVOKED) List<ApiKeyResponse> items) {
    }

    /** The answer that creates a key: the key with its secret, shown this once. */
    @Schema(name = "NewApiKey", description = "A new API key with its secret: store the secret now, it is never shown again")
    public record NewApiKey(
            UUID id,
            @Schema(examples = "Salesforce sync", maxLength = ApiKeyRequest.NAME_MAX) String name,
            @Schema(examples = "k7m2q9xa", maxLength = 8) String prefix,
            @Schema(type = SchemaType.ARRAY, implementation = ScopeName.class, maxItems = 4, examples = "[\"deals:write\"]") List<String> scopes,
            @Schema(description = "When the key stops working; null: never", nullable = true) Instant expiresAt,
            Instant createdAt,
            @Schema(description = "dbk_<prefix>_<256 random bits, base64url>; send it as Authorization: Bearer <secret>",
                    examples = "dbk_k7m2q9xa_3q2-7wEjW8vP1bTt0n6yQ4s9aLkZcR5uVfXhJmNoPgI", maxLength = 56,
                    pattern = "^dbk_[a-z2-9]{8}_[A-Za-z0-9_-]{43}$") String secret) {

        static NewApiKey from(ApiKey.Issued issued) {
            ApiKey key = issued.key();
            return new NewApiKey(key.id().value(), key.name(), key.prefix(), ApiKeyResponse.scopes(key), key.expiresAt(), key.createdAt(),
                    issued.secret());
        }
    }
}
