package dev.debrief.adapter.rest.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.idempotency.RunIdempotentlyUseCase;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Set;

/**
 * An optional {@code Idempotency-Key} on every {@code POST} of an {@link IdempotentPosts} resource,
 * with the semantics the partner batch has (IETF draft, Stripe): the first request runs and its answer
 * (status, body, Location, ETag) is stored in the same transaction as its writes; the same key with the
 * same request replays that answer ({@code Idempotent-Replayed: true}) and writes nothing; with another
 * request it is 422 {@code idempotency.key-reused}; while the first still runs, 409
 * {@code idempotency.in-flight}. A request that fails stores nothing, so it may be sent again with its key.
 * Runs after {@code RightsInterceptor}: a key is the caller's, in the path's workspace. Without the
 * header, the resource runs as it always did.
 */
@IdempotentPosts
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class IdempotentPostInterceptor {

    private static final Set<Class<? extends Annotation>> NOT_THE_BODY = Set.of(PathParam.class, QueryParam.class,
            HeaderParam.class, Context.class, BeanParam.class, CookieParam.class, FormParam.class, MatrixParam.class);

    @Inject
    RunIdempotentlyUseCase idempotency;

    @Inject
    Callers callers;

    @Inject
    CurrentVertxRequest current;

    @Inject
    ObjectMapper json;

    @AroundInvoke
    Object keyed(InvocationContext context) throws Exception {
        Method method = context.getMethod();
        if (!method.isAnnotationPresent(POST.class) || current.getCurrent() == null) {
            return context.proceed();
        }
        String header = current.getCurrent().request().getHeader(IdempotencyKeys.HEADER);
        if (header == null || handlesItsOwnKey(method)) {
            return context.proceed();
        }
        String key = IdempotencyKeys.require(header);
        String path = current.getCurrent().request().path();
        IdempotentRequest request = new IdempotentRequest(callers.access(), key, Fingerprints.of("POST", path, body(context)));
        Response[] fresh = new Response[1];
        IdempotentResponse answer = idempotency.run(request, () -> {
            fresh[0] = (Response) proceed(context);
            return IdempotentResponse.of(fresh[0].getStatus(), stored(fresh[0]));
        });
        return answer.replayed() ? replay(answer) : fresh[0];
    }

    /** The batch and the import take a required key themselves. */
    private static boolean handlesItsOwnKey(Method method) {
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof HeaderParam param && param.value().equalsIgnoreCase(IdempotencyKeys.HEADER)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request's body as the resource read it (its parameter without a JAX-RS annotation), or null. */
    private JsonNode body(InvocationContext context) {
        Annotation[][] annotations = context.getMethod().getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean body = true;
            for (Annotation annotation : annotations[i]) {
                body &= !NOT_THE_BODY.contains(annotation.annotationType());
            }
            if (body) {
                return json.valueToTree(context.getParameters()[i]);
            }
        }
        return NullNode.getInstance();
    }

    private static Object proceed(InvocationContext context) {
        try {
            return context.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is kept of an answer: its entity, and the two headers a client of a POST relies on. */
    private String stored(Response response) {
        ObjectNode stored = json.createObjectNode();
        stored.set("entity", json.valueToTree(response.getEntity()));
        if (response.getLocation() != null) {
            stored.put("location", response.getLocation().toString());
        }
        if (response.getEntityTag() != null) {
            stored.put("etag", response.getHeaderString(HttpHeaders.ETAG));
        }
        try {
            return json.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The answer could not be kept as JSON", e);
        }
    }

    private Response replay(IdempotentResponse answer) throws JsonProcessingException {
        JsonNode stored = json.readTree(answer.body());
        JsonNode entity = stored.get("entity");
        Response.ResponseBuilder replay = Response.fromResponse(IdempotentResponses.toResponse(
                new IdempotentResponse(answer.status(), entity == null || entity.isNull() ? null : json.writeValueAsString(entity), true)));
        if (stored.hasNonNull("location")) {
            replay.location(URI.create(stored.get("location").asText()));
        }
        if (stored.hasNonNull("etag")) {
            replay.header(HttpHeaders.ETAG, stored.get("etag").asText());
        }
        return replay.build();
    }
}
