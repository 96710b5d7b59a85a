package dev.debrief.bootstrap.idempotency;

import dev.debrief.adapter.rest.shared.IdempotentResponses;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotent answers as HTTP responses (a plain unit test: adapters-rest has no test sources). */
class IdempotentResponsesTest {

    @Test
    void aFirstAnswerCarriesItsStatusAndJsonBodyAndNoReplayHeader() {
        Response response = IdempotentResponses.toResponse(new IdempotentResponse(201, "{\"id\":1}", false));

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(response.getEntity()).isEqualTo("{\"id\":1}");
        assertThat(response.getHeaderString("Idempotent-Replayed")).isNull();
    }

    @Test
    void aReplayedAnswerSaysSo() {
        Response response = IdempotentResponses.toResponse(new IdempotentResponse(207, "{\"results\":[]}", true));

        assertThat(response.getStatus()).isEqualTo(207);
        assertThat(response.getEntity()).isEqualTo("{\"results\":[]}");
        assertThat(response.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void anAnswerWithoutBodyHasNoEntity() {
        Response response = IdempotentResponses.toResponse(new IdempotentResponse(204, null, true));

        assertThat(response.getStatus()).isEqualTo(204);
        assertThat(response.hasEntity()).isFalse();
    }
}
