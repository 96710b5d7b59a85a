package dev.debrief.adapter.rest.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "ApiKeyRequest")
public record ApiKeyRequest(
        @NotBlank @Size(max = 100) @Schema(examples = "Salesforce sync") String name,
        @NotEmpty @Size(max = 4) @Schema(description = "deals:read, deals:write, insights:read, admin", examples = "[\"deals:write\"]")
        List<@NotNull String> scopes,
        @Schema(description = "Optional; the key stops working at this instant", examples = "2027-11-23T00:00:00Z") Instant expiresAt) {
}
