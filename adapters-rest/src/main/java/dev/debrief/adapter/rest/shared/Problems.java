package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds every error response of the service: one shape, one media type, the request id as instance. */
public final class Problems {

    private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();

    private Problems() {
    }

    public static Problem problem(int status, String code, String detail, List<Problem.FieldError> errors,
                                  String requestId) {
        return new Problem("https://debrief.dev/problems/" + code, title(status), status, detail,
                RequestIds.instance(requestId), code, errors == null || errors.isEmpty() ? null : List.copyOf(errors));
    }

    public static Response response(int status, String code, String detail, List<Problem.FieldError> errors,
                                    RoutingContext context) {
        String requestId = RequestIds.current(context);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem(status, code, detail, errors, requestId)))
                .build();
    }

    /**
     * Ends the request with a problem straight from the HTTP router, for the answers given before any
     * resource is reached (body too large, origin not allowed).
     */
    public static void send(RoutingContext context, int status, String code, String detail) {
        context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(json(problem(status, code, detail, null, RequestIds.current(context))));
    }

    public static String json(Problem problem) {
        try {
            return JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        if (known != null) {
            return known.getReasonPhrase();
        }
        return switch (status) {
            case 422 -> "Unprocessable Content";
            case 428 -> "Precondition Required";
            default -> "HTTP " + status;
        };
    }
}
