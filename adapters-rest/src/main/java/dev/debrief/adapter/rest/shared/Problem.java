package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem details, with Debrief's stable {@code code} and, for validation, the fields at
 * fault. Its OpenAPI schema is written by {@link ProblemResponsesFilter}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field at fault: body fields as JSON paths, query parameters and headers by name. */
    public record FieldError(String field, String message) {
    }
}
