package dev.debrief.adapter.rest.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(name = "ApiKeyRequest")
public record ApiKeyRequest(
        @NotBlank @Size(max = NAME_MAX) @Schema(examples = "Salesforce sync") String name,
        @NotEmpty @Size(max = 4) @Schema(description = "deals:read, deals:write, insights:read, admin (an unknown one is 422 api-key.scope-unknown)",
                examples = "[\"deals:write\"]", type = SchemaType.ARRAY, implementation = ApiKeyResponse.ScopeName.class,
                minItems = 1, maxItems = 4)
        List<@NotNull String> scopes,
        @Schema(description = "Optional; the key stops working at this instant", examples = "2027-11-23T00:00:00Z") Instant expiresAt) {

    static final int NAME_MAX = 100;
}
