package dev.debrief.bootstrap.idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.debrief.bootstrap.support.Api;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.SendsInvalidInput;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An optional Idempotency-Key on the POSTs that don't require one: a retry with the same key and request
 * replays the first answer (status, body, Location, ETag) and writes nothing more; a failed request keeps
 * nothing, so it can be sent again with its key.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class IdempotentPostsTest {

    static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    @Inject
    Sql sql;

    String ws;

    @BeforeEach
    void workspace() {
        ws = Api.createWorkspace();
    }

    private ExtractableResponse<Response> createDeal(String key, String name) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("name", name))
                .post(DEALS, ws).then().extract();
    }

    @Test
    void replaysACreatedDealInsteadOfCreatingItTwice() {
        String key = UUID.randomUUID().toString();
        ExtractableResponse<Response> first = createDeal(key, "Acme renewal");
        ExtractableResponse<Response> retry = createDeal(key, "Acme renewal");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location")).isNotNull();
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag")).isNotNull();
        assertThat(retry.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(retry.<String>path("name")).isEqualTo("Acme renewal");
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid and name = 'Acme renewal'", ws)).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherRequest() {
        String key = UUID.randomUUID().toString();
        assertThat(createDeal(key, "Globex").statusCode()).isEqualTo(201);
        Api.problem(given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("name", "Initech"))
                .post(DEALS, ws).then(), 422, "idempotency.key-reused");
        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid and name = 'Initech'", ws)).isZero();
    }

    @Test
    void replaysAnOutcomeChangeWithoutRecordingItTwice() {
        String id = Api.createDeal(ws, "Umbrella");
        String key = UUID.randomUUID().toString();
        Map<String, Object> won = Map.of("outcome", "WON", "closedOn", "2026-11-20");
        ExtractableResponse<Response> first = given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .header("Idempotency-Key", key).body(won).post(DEALS + "/{deal}/close", ws, id).then().extract();
        ExtractableResponse<Response> retry = given().contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .header("Idempotency-Key", key).body(won).post(DEALS + "/{deal}/close", ws, id).then().extract();

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(retry.statusCode()).as("replayed, not 412 for the stale If-Match").isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.body().asString()).isEqualTo(first.body().asString());
        assertThat(sql.count("select count(*) from deal_outcome_change where workspace_id = ?::uuid and deal_id = ?::uuid", ws, id))
                .isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void keepsNothingOfARejectedRequestSoItCanBeSentAgainWithItsKey() {
        String key = UUID.randomUUID().toString();
        Api.problem(given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(Map.of("name", ""))
                .post(DEALS, ws).then(), 400, "validation.failed");
        assertThat(createDeal(key, "Hooli").statusCode()).isEqualTo(201);
    }

    @Test
    void everyPostOffersAKeyButCreatingAWorkspaceOrAnApiKey() throws Exception {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(served).get("paths");
        List<String> withoutKey = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            JsonNode post = it.next().getValue().get("post");
            if (post == null) {
                continue;
            }
            boolean offered = false;
            for (JsonNode parameter : post.path("parameters")) {
                offered |= "Idempotency-Key".equals(parameter.path("name").asText()) && "header".equals(parameter.path("in").asText());
            }
            if (!offered) {
                withoutKey.add(post.get("operationId").asText());
            }
        }
        assertThat(withoutKey).containsExactlyInAnyOrderElementsOf(Set.of("createWorkspace", "createApiKey"));
    }
}
