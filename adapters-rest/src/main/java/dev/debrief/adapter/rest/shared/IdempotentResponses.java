package dev.debrief.adapter.rest.shared;

import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The HTTP answer of an idempotent request; a replayed one says so in {@code Idempotent-Replayed: true} (as Stripe does). */
public final class IdempotentResponses {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private IdempotentResponses() {
    }

    public static Response toResponse(IdempotentResponse response) {
        Response.ResponseBuilder builder = Response.status(response.status());
        if (response.body() != null) {
            builder.type(MediaType.APPLICATION_JSON_TYPE).entity(response.body());
        }
        if (response.replayed()) {
            builder.header(REPLAYED_HEADER, "true");
        }
        return builder.build();
    }
}
