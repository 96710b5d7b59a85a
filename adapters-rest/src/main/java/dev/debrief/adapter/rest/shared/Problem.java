package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** RFC 9457 problem details, with Debrief's stable {@code code} and, for validation, the fields at fault. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details. Switch on `code`, not on `title` or `detail`.")
public record Problem(
        @Schema(description = "A URI naming the problem type", examples = "https://debrief.dev/problems/deal.not-found")
        String type,
        @Schema(description = "Short summary of the problem type", examples = "Not Found")
        String title,
        @Schema(description = "The HTTP status", examples = "404")
        int status,
        @Schema(description = "What went wrong this time, for people", examples = "There is no deal 0191c3a0-7b7e-7c1e-9d4b-1f2e3d4c5b6a in this workspace")
        String detail,
        @Schema(description = "This occurrence: the request id, also sent as X-Request-Id and written in the logs",
                examples = "urn:debrief:request:4f9e1c2a-58b4-4a8e-9f8b-2d1c0b7a6e5f")
        String instance,
        @Schema(description = "Stable machine-readable code", examples = "deal.not-found")
        String code,
        @Schema(description = "The fields at fault (validation problems)")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Path of the field in the request: body fields as JSON paths, query parameters and headers by name",
                    examples = "lossAnalysis.primaryReason.reasonId")
            String field,
            @Schema(examples = "must not be blank")
            String message) {
    }
}
