package dev.debrief.bootstrap.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.adapter.rest.shared.IdempotencyKeys;
import dev.debrief.adapter.rest.shared.ProblemMappers;
import dev.debrief.domain.shared.InvalidInput;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Idempotency-Key header's rules (a plain unit test: adapters-rest has no test sources). */
class IdempotencyKeysTest {

    @Test
    void acceptsABareKeyAsStripeClientsSendIt() {
        assertThat(IdempotencyKeys.require("8e03978e-40d5-43e8-bc93-6894a57f9324"))
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
    }

    @Test
    void acceptsAQuotedStructuredFieldStringAsTheIetfDraftWritesItAsTheSameKey() {
        assertThat(IdempotencyKeys.require("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""))
                .isEqualTo("8e03978e-40d5-43e8-bc93-6894a57f9324");
        assertThat(IdempotencyKeys.require("\"say \\\"hi\\\" \\\\ bye\"")).isEqualTo("say \"hi\" \\ bye");
    }

    @Test
    void acceptsEveryPrintableAsciiCharacterUpTo255() {
        String printable = java.util.stream.IntStream.rangeClosed(0x21, 0x7e)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        assertThat(IdempotencyKeys.require(printable)).isEqualTo(printable);
        assertThat(IdempotencyKeys.require("k".repeat(255))).hasSize(255);
        assertThat(IdempotencyKeys.require("  padded key  ")).isEqualTo("padded key");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\"\"", "\" \""})
    void requiresAKey(String header) {
        assertThatThrownBy(() -> IdempotencyKeys.require(header)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.code()).isEqualTo("idempotency.key-required");
            assertThat(e.field()).isEqualTo("Idempotency-Key");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"schlüssel", "tab\tinside", "line\nbreak", "\"unfinished \\\"", "\"bad \\x escape\"",
            "\"inner \" quote\""})
    void refusesKeysThatAreNotPrintableAscii(String header) {
        assertThatThrownBy(() -> IdempotencyKeys.require(header)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.code()).isEqualTo("idempotency.key-invalid");
            assertThat(e.field()).isEqualTo("Idempotency-Key");
        });
    }

    @Test
    void refusesKeysLongerThan255Characters() {
        assertThatThrownBy(() -> IdempotencyKeys.require("k".repeat(256)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.code()).isEqualTo("idempotency.key-invalid"));
    }

    @Test
    void aMissingKeyIsA400ProblemBlamingTheHeader() throws Exception {
        InvalidInput missing = catchInvalid(null);

        Response response = new ProblemMappers().domain(missing, null);

        assertThat(response.getStatus()).isEqualTo(400);
        JsonNode problem = new ObjectMapper().readTree((String) response.getEntity());
        assertThat(problem.path("code").asText()).isEqualTo("idempotency.key-required");
        assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("Idempotency-Key");
    }

    private static InvalidInput catchInvalid(String header) {
        try {
            IdempotencyKeys.require(header);
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("accepted " + header);
    }
}
