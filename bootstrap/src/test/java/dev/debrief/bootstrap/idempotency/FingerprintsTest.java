package dev.debrief.bootstrap.idempotency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.debrief.adapter.rest.shared.Fingerprints;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Fingerprints of idempotent requests (a plain unit test: adapters-rest has no test sources). */
class FingerprintsTest {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/v1/workspaces/0190/deal-outcomes/batch";

    /** Read as Quarkus's ObjectMapper reads a JsonNode body: fractions as doubles. */
    private static JsonNode json(String text) {
        return read(JSON, text);
    }

    private static String post(String body) {
        return Fingerprints.of("POST", PATH, json(body));
    }

    @Test
    void isALowercaseHexSha256() {
        assertThat(post("{\"a\":1}")).matches("[0-9a-f]{64}");
    }

    @Test
    void ignoresTheOrderOfObjectMembersAtEveryDepth() {
        assertThat(post("{\"a\":1,\"b\":{\"x\":true,\"y\":[{\"p\":1,\"q\":2}]}}"))
                .isEqualTo(post("{\"b\":{\"y\":[{\"q\":2,\"p\":1}],\"x\":true},\"a\":1}"));
    }

    @Test
    void ignoresInsignificantWhitespace() {
        assertThat(post("{\"a\":[1,2],\"b\":\"x y\"}"))
                .isEqualTo(post(" {\n  \"a\" : [ 1 , 2 ] ,\r\n\t\"b\":\"x y\"\n} "));
    }

    @Test
    void comparesNumbersByValue() {
        assertThat(post("{\"n\":1}")).isEqualTo(post("{\"n\":1.0}")).isEqualTo(post("{\"n\":1.00}"))
                .isEqualTo(post("{\"n\":1e0}")).isEqualTo(post("{\"n\":0.1e1}"));
        assertThat(post("{\"n\":1000}")).isEqualTo(post("{\"n\":1e3}")).isEqualTo(post("{\"n\":1000.000}"));
        assertThat(post("{\"n\":0}")).isEqualTo(post("{\"n\":0.0}")).isEqualTo(post("{\"n\":-0.0}"));
        assertThat(Fingerprints.canonical(json("{\"n\":2.50,\"m\":-3.000,\"k\":1e21}")))
                .isEqualTo("{\"k\":1E+21,\"m\":-3,\"n\":2.5}");
    }

    @Test
    void comparesNumbersExactlyWhenTheTreeHoldsFractionsAsBigDecimals() {
        ObjectMapper exact = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        JsonNode big = read(exact, "{\"n\":12345678901234567890123}");

        assertThat(Fingerprints.of("POST", PATH, big))
                .isEqualTo(Fingerprints.of("POST", PATH, read(exact, "{\"n\":12345678901234567890123.000}")));
        assertThat(Fingerprints.of("POST", PATH, read(exact, "{\"n\":0.10000000000000000001}")))
                .isNotEqualTo(Fingerprints.of("POST", PATH, read(exact, "{\"n\":0.1}")));
        assertThat(Fingerprints.canonical(read(exact, "{\"k\":1e400,\"n\":1.50}"))).isEqualTo("{\"k\":1E+400,\"n\":1.5}");
    }

    private static JsonNode read(ObjectMapper mapper, String text) {
        try {
            return mapper.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void tellsDifferentValuesApart() {
        String original = post("{\"amount\":100,\"name\":\"Acme\",\"won\":true,\"tags\":[\"a\"]}");

        assertThat(post("{\"amount\":101,\"name\":\"Acme\",\"won\":true,\"tags\":[\"a\"]}")).isNotEqualTo(original);
        assertThat(post("{\"amount\":100,\"name\":\"acme\",\"won\":true,\"tags\":[\"a\"]}")).isNotEqualTo(original);
        assertThat(post("{\"amount\":100,\"name\":\"Acme \",\"won\":true,\"tags\":[\"a\"]}")).isNotEqualTo(original);
        assertThat(post("{\"amount\":100,\"name\":\"Acme\",\"won\":false,\"tags\":[\"a\"]}")).isNotEqualTo(original);
        assertThat(post("{\"amount\":100,\"name\":\"Acme\",\"won\":true,\"tags\":[]}")).isNotEqualTo(original);
        assertThat(post("{\"amount\":100,\"name\":\"Acme\",\"won\":true,\"tags\":[\"a\"],\"x\":null}")).isNotEqualTo(original);
        assertThat(post("{\"amount\":\"100\",\"name\":\"Acme\",\"won\":true,\"tags\":[\"a\"]}")).isNotEqualTo(original);
    }

    @Test
    void keepsTheOrderOfArrays() {
        assertThat(post("[1,2,3]")).isNotEqualTo(post("[3,2,1]"));
        assertThat(post("{\"items\":[{\"id\":1},{\"id\":2}]}")).isNotEqualTo(post("{\"items\":[{\"id\":2},{\"id\":1}]}"));
    }

    @Test
    void keepsStringsAsTheyAreIncludingEscapesThatMeanTheSameCharacter() {
        assertThat(post("{\"s\":\"caf\\u00e9\"}")).isEqualTo(post("{\"s\":\"café\"}"));
        assertThat(post("{\"s\":\"café\"}")).isNotEqualTo(post("{\"s\":\"cafe\\u0301\"}"));
        assertThat(Fingerprints.canonical(json("{\"s\":\"line\\nquote\\\" ü\"}"))).isEqualTo("{\"s\":\"line\\nquote\\\" ü\"}");
    }

    @Test
    void includesTheMethodAndThePath() {
        JsonNode body = json("{\"a\":1}");

        assertThat(Fingerprints.of("post", PATH, body)).isEqualTo(Fingerprints.of("POST", PATH, body));
        assertThat(Fingerprints.of("PUT", PATH, body)).isNotEqualTo(Fingerprints.of("POST", PATH, body));
        assertThat(Fingerprints.of("POST", PATH + "x", body)).isNotEqualTo(Fingerprints.of("POST", PATH, body));
    }

    @Test
    void treatsAMissingBodyAsJsonNull() {
        assertThat(Fingerprints.of("POST", PATH, null)).isEqualTo(Fingerprints.of("POST", PATH, json("null")));
        assertThat(Fingerprints.of("POST", PATH, null)).isNotEqualTo(Fingerprints.of("POST", PATH, json("{}")));
    }
}
