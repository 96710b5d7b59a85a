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

    /** The contract's limits: a client may rely on them, whatever a request echoes back. */
    static final int MAX_DETAIL = 10_000;
    static final int MAX_ERRORS = 100;
    static final int MAX_FIELD = 300;
    static final int MAX_MESSAGE = 2_000;

    public Problem {
        detail = cut(detail, MAX_DETAIL);
        errors = errors == null || errors.size() <= MAX_ERRORS ? errors : List.copyOf(errors.subList(0, MAX_ERRORS));
    }

    /** One field at fault: body fields as JSON paths, query parameters and headers by name. */
    public record FieldError(String field, String message) {

        public FieldError {
            field = cut(field, MAX_FIELD);
            message = cut(message, MAX_MESSAGE);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
