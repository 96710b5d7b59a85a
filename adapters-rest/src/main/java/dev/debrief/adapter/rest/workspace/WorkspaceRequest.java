package dev.debrief.adapter.rest.workspace;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkspaceRequest")
public record WorkspaceRequest(
        @NotBlank @Size(max = 200) @Schema(examples = "Acme Sales EMEA", maxLength = 200) String name,
        @NotBlank @Size(max = 64) @Schema(description = "IANA time zone: 'today' for closed dates and due dates", examples = "Europe/Berlin") String timeZone,
        @NotBlank @Size(min = 3, max = 3) @Schema(description = "ISO 4217 code used when a deal amount gives none", examples = "EUR") String defaultCurrency,
        @DecimalMin(value = "0", inclusive = false) @DecimalMax("2") @Digits(integer = 1, fraction = 3)
        @Schema(description = "Check-ins on lost good-fit deals fall due after this share of the pitched term "
                + "(0.75: 9 months after the pitch of a 12-month deal). Above 0, at most 2. Absent: unchanged (default 0.75).",
                examples = "0.75", minimum = "0.001", maximum = "2") java.math.BigDecimal checkInRatio,
        @Min(1) @Max(120)
        @Schema(description = "The term, in months, assumed for a check-in when no term was pitched. Absent: unchanged (default 12).",
                examples = "12") Integer checkInAssumedTermMonths) {
}
