package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.StateConflict;
import dev.debrief.domain.shared.VersionMismatch;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.RoutingContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;

/**
 * The one place where exceptions become HTTP answers. Every answer is application/problem+json
 * with a stable code; only a bug is a 500, and its stack trace goes to the log, never to the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @Inject
    DatabaseOutages outages;

    /**
     * Attributes of an {@link AuthenticationFailedException} (a final class) that give its 401 a code and detail
     * of its own, when the caller can fix what it sends (auth.conflicting-credentials).
     */
    public static final String PROBLEM_CODE = "debrief.problem-code";
    public static final String PROBLEM_DETAIL = "debrief.problem-detail";

    @ServerExceptionMapper
    public Response domain(DomainException e, RoutingContext context) {
        return Problems.response(status(e), e.code(), e.getMessage(), fieldErrors(e.field(), e.getMessage()), context);
    }

    /** The one place a domain error gets its HTTP status. */
    public static int status(DomainException e) {
        int status;
        if (e instanceof NotFound) {
            status = 404;
        } else if (e instanceof ReferenceNotFound || e instanceof RuleViolation) {
            status = 422;
        } else if (e instanceof StateConflict) {
            status = 409;
        } else if (e instanceof VersionMismatch) {
            status = 412;
        } else if (e instanceof InvalidInput) {
            status = 400;
        } else if (e instanceof Forbidden) {
            status = 403;
        } else {
            status = 422;
        }
        return status;
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class})
    public Response unauthenticated(RuntimeException e, RoutingContext context) {
        Response unavailable = outage(e, context); // an API key could not be looked up: not the caller's fault
        if (unavailable != null) {
            return unavailable;
        }
        String code = "auth.unauthenticated";
        String detail = "Send a valid bearer token of your identity provider, or an API key (Authorization: Bearer dbk_...)";
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthenticationFailedException failed && failed.getAttribute(PROBLEM_CODE) != null) {
                code = failed.getAttribute(PROBLEM_CODE);
                detail = failed.getAttribute(PROBLEM_DETAIL);
                break;
            }
        }
        return Response.fromResponse(Problems.response(401, code, detail, null, context))
                .header("WWW-Authenticate", "Bearer realm=\"debrief\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, RoutingContext context) {
        return Problems.response(403, Forbidden.CODE, "You may not do this", null, context);
    }

    @ServerExceptionMapper
    public Response preconditionRequired(PreconditionRequired e, RoutingContext context) {
        return Problems.response(428, "precondition.required", e.getMessage(),
                List.of(new Problem.FieldError("If-Match", "required")), context);
    }

    @ServerExceptionMapper
    public Response invalidBody(InvalidBody e, RoutingContext context) {
        return Problems.response(400, e.code(), e.getMessage(), fieldErrors(e.field(), e.getMessage()), context);
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, RoutingContext context) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(path(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(400, "validation.failed", "The request has invalid fields: see errors", errors, context);
    }

    @ServerExceptionMapper({JsonProcessingException.class, JsonMappingException.class, JsonParseException.class,
            MismatchedInputException.class, UnrecognizedPropertyException.class, InvalidFormatException.class,
            ValueInstantiationException.class})
    public Response json(JsonProcessingException e, RoutingContext context) {
        InvalidBody body = JsonErrors.describe(e);
        return invalidBody(body, context);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, RoutingContext context) {
        return Problems.response(404, "resource.not-found", "There is no resource at this path", null, context);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, RoutingContext context) {
        String method = context == null ? "this method" : context.request().method().name();
        return Problems.response(405, "method.not-allowed",
                "This resource does not support " + method + "; the API reference lists the methods of each path",
                null, context);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, RoutingContext context) {
        return Problems.response(406, "media-type.not-acceptable",
                "This resource answers with none of the media types your Accept header allows: the API reference lists what each operation produces (application/json, text/csv for the export; application/problem+json for errors)",
                List.of(new Problem.FieldError("Accept", "not acceptable")), context);
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e, RoutingContext context) {
        return Problems.response(415, "media-type.unsupported",
                "This resource does not accept a body of this Content-Type: JSON operations read application/json "
                        + "(merge patches application/merge-patch+json), the CSV import text/csv; the API reference lists each operation's",
                List.of(new Problem.FieldError("Content-Type", "unsupported")), context);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(JsonContentType.UnsupportedMediaType e, RoutingContext context) {
        return Problems.response(415, "media-type.unsupported", e.getMessage(),
                List.of(new Problem.FieldError("Content-Type", "expected " + String.join(" or ", e.accepted()))), context);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, RoutingContext context) {
        int status = e.getResponse().getStatus();
        Response unavailable = status >= 500 ? outage(e, context) : null;
        if (unavailable != null) {
            return unavailable;
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Problems.response(status, "internal.error", "The service failed; the request id identifies it in our logs", null, context);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, context);
        }
        return Problems.response(status, "http." + status, Problems.title(status), null, context);
    }

    @ServerExceptionMapper
    public Response bug(Throwable e, RoutingContext context) {
        Response unavailable = outage(e, context);
        if (unavailable != null) {
            return unavailable;
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(500, "internal.error",
                "The service failed; the request id identifies it in our logs", null, context);
    }

    /** The 503 for a failure that is the database being unavailable (noted in {@link DatabaseOutages}); null for any other. */
    private Response outage(Throwable e, RoutingContext context) {
        DatabaseOutages.Cause cause = DatabaseOutages.causeOf(e);
        if (cause == null) {
            return null;
        }
        outages.noticed(cause, e);
        return databaseUnavailable(context);
    }

    /** 503 {@code database.unavailable} with {@code Retry-After}: the request may be sent again (with its Idempotency-Key). */
    public static Response databaseUnavailable(RoutingContext context) {
        return Response.fromResponse(Problems.response(503, DatabaseOutages.CODE,
                        "The database is unavailable; nothing was changed unless a retry with the same Idempotency-Key says so. Retry later",
                        null, context))
                .header("Retry-After", DatabaseOutages.RETRY_AFTER_SECONDS).build();
    }

    private static List<Problem.FieldError> fieldErrors(String field, String message) {
        return field == null ? null : List.of(new Problem.FieldError(field, message));
    }

    /**
     * A violation's path as the client wrote it: body fields as JSON paths ({@code lossAnalysis.contributingReasons[1].reasonId}),
     * query parameters by name. Resource methods name their body parameter {@code body}; it is left out.
     */
    public static String path(ConstraintViolation<?> violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> { }
                case PARAMETER -> {
                    path.setLength(0);
                    if (!"body".equals(node.getName())) {
                        path.append(node.getName());
                    }
                }
                default -> {
                    if (node.getIndex() != null) {
                        path.append('[').append(node.getIndex()).append(']');
                    }
                    if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                        if (path.length() > 0) {
                            path.append('.');
                        }
                        path.append(node.getName());
                    }
                }
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }
}
