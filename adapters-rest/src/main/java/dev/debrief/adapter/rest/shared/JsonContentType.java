package dev.debrief.adapter.rest.shared;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A JSON body is read only when the request says it is JSON, in UTF-8 (RFC 8259 8.1). JAX-RS already
 * refuses a Content-Type the operation doesn't consume, but it reads a body that comes with none, with
 * {@code *}{@code /*}, or with another charset; this refuses those with the same 415 problem, naming
 * what the operation accepts. Operations that consume something else (the CSV import) keep their own rules.
 */
public class JsonContentType {

    @ServerRequestFilter
    public void check(ContainerRequestContext request, ResourceInfo resource) {
        List<MediaType> accepted = consumed(resource);
        if (accepted.isEmpty() || !accepted.stream().allMatch(JsonContentType::isJson) || !hasBody(request)) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        MediaType given = parse(header);
        String charset = given == null ? null : given.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (given == null || given.isWildcardType() || given.isWildcardSubtype()
                || charset != null && !charset.strip().toLowerCase(Locale.ROOT).replace("\"", "").equals("utf-8")
                || accepted.stream().noneMatch(type -> type.isCompatible(given))) {
            throw new UnsupportedMediaType(accepted.stream().map(type -> type.getType() + "/" + type.getSubtype()).toList());
        }
    }

    private static MediaType parse(String header) {
        try {
            return header == null || header.isBlank() ? null : MediaType.valueOf(header);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<MediaType> consumed(ResourceInfo resource) {
        Method method = resource == null ? null : resource.getResourceMethod();
        if (method == null) {
            return List.of();
        }
        Consumes consumes = method.getAnnotation(Consumes.class);
        if (consumes == null) {
            consumes = resource.getResourceClass().getAnnotation(Consumes.class);
        }
        return consumes == null ? List.of()
                : Arrays.stream(consumes.value()).flatMap(v -> Arrays.stream(v.split(","))).map(String::strip)
                .map(MediaType::valueOf).toList();
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.strip().equals("0");
        }
        return request.getHeaderString("Transfer-Encoding") != null;
    }

    /** The body's media type is not one the operation reads (HTTP 415). */
    public static class UnsupportedMediaType extends RuntimeException {

        private final List<String> accepted;

        UnsupportedMediaType(List<String> accepted) {
            super("Send the body as " + String.join(" or ", accepted) + " (UTF-8; no other charset): a missing, wildcard or other Content-Type is not read");
            this.accepted = List.copyOf(accepted);
        }

        public List<String> accepted() {
            return accepted;
        }
    }
}
