package dev.debrief.adapter.rest.workspace;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkspaceRequest")
public record WorkspaceRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Acme Sales EMEA", maxLength = 200) String name,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone: 'today' for closed dates and due dates", examples = "Europe/Berlin") String timeZone,
        @NotBlank @Size(min = 3, max = 3) @Schema(description = "ISO 4217 code used when a deal amount gives none", examples = "EUR") String defaultCurrency) {
}
