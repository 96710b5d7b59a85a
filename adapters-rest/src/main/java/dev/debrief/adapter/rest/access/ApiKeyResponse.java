package dev.debrief.adapter.rest.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.debrief.domain.access.ApiKey;
import dev.debrief.domain.access.Scope;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "ApiKey")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiKeyResponse(
        UUID id,
        @Schema(examples = "Salesforce sync") String name,
        @Schema(description = "Identifies the key in listings: its secret starts with dbk_<prefix>_", examples = "k7m2q9xa") String prefix,
        @Schema(examples = "[\"deals:write\"]") List<String> scopes,
        Instant expiresAt,
        Instant revokedAt,
        Instant createdAt,
        @Schema(description = "When the key last authenticated a request, to the minute; absent if never used")
        Instant lastUsedAt,
        @Schema(description = "Only in the response that creates the key: store it now, it is never shown again",
                examples = "dbk_k7m2q9xa_3q2-7wEjW8vP1bTt0n6yQ4s9aLkZcR5uVfXhJmNoPgI")
        String secret) {

    static ApiKeyResponse from(ApiKey key, String secret) {
        return new ApiKeyResponse(key.id().value(), key.name(), key.prefix(),
                key.scopes().stream().map(Scope::value).sorted().toList(), key.expiresAt(), key.revokedAt(),
                key.createdAt(), key.lastUsedAt(), secret);
    }

    @Schema(name = "ApiKeyList")
    public record ListResponse(List<ApiKeyResponse> items) {
    }
}
