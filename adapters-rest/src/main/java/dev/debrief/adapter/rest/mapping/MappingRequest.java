package dev.debrief.adapter.rest.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "MappingRequest")
public record MappingRequest(
        @NotBlank @Size(max = 50) @Pattern(regexp = "[a-z0-9][a-z0-9._-]*", message = "must be lower-case letters, digits, '.', '_' or '-'")
        @Schema(description = "The partner system whose text this is", examples = "salesforce") String source,
        @NotBlank @Size(max = 320) @Schema(description = "The partner's text, matched trimmed and case-insensitively", examples = "Closed Lost – Discovery") String partnerValue,
        @NotNull @Schema(description = "A loss reason (reason-mappings), an entry of the kind's vocabulary, or a member (owner-mappings) of this workspace",
                examples = "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e") UUID targetId) {
}
