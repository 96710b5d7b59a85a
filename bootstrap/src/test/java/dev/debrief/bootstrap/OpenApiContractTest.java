package dev.debrief.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed contract (openapi/openapi.yaml) is what the service serves. Nothing in the test
 * profile touches the OpenAPI settings, so what is served here is what production serves.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class OpenApiContractTest {

    static final Path COMMITTED = Path.of("..", "openapi", "openapi.yaml");
    static final Path SERVED_COPY = Path.of("target", "openapi-served.yaml");
    static final String REGENERATE = "cp bootstrap/target/openapi-served.yaml openapi/openapi.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void committedContractEqualsTheServedOne() throws IOException {
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(SERVED_COPY, served);
        assertThat(Files.exists(COMMITTED)).as("openapi/openapi.yaml is missing; create it with: " + REGENERATE).isTrue();
        JsonNode committed = yaml.readTree(Files.readString(COMMITTED));
        assertThat(yaml.readTree(served))
                .as("openapi/openapi.yaml differs from what the service serves. If the change is intended (and compatible), run the tests, then: "
                        + REGENERATE)
                .isEqualTo(committed);
    }

    @Test
    void servesSwaggerUi() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyOperationIsNamedSummarisedTaggedAndDocumentsItsErrorsAsProblems() throws IOException {
        JsonNode contract = yaml.readTree(Files.readString(COMMITTED));
        List<String> defects = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = contract.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (!operation.hasNonNull("operationId")) defects.add(name + ": no operationId");
                if (!operation.hasNonNull("summary")) defects.add(name + ": no summary");
                if (!operation.hasNonNull("tags")) defects.add(name + ": no tags");
                JsonNode responses = operation.get("responses");
                if (responses == null || !responses.has("500") || !responses.has("406")) {
                    defects.add(name + ": 406 and 500 not documented");
                    continue;
                }
                if (operation.has("requestBody") && !responses.has("415")) defects.add(name + ": 415 not documented");
                for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
                    Map.Entry<String, JsonNode> response = rs.next();
                    if (response.getKey().compareTo("400") >= 0) {
                        JsonNode problem = response.getValue().path("content").path("application/problem+json");
                        if (problem.isMissingNode() || !problem.has("example")) {
                            defects.add(name + " " + response.getKey() + ": not a problem+json with an example");
                        }
                    } else if (!response.getKey().equals("204")) {
                        JsonNode content = response.getValue().path("content");
                        JsonNode schema = content.path("application/json").path("schema");
                        if (content.has("text/csv")) {
                            // A download (the CSV export): a string with an example of its first lines.
                            if (!content.path("text/csv").has("example")) {
                                defects.add(name + " " + response.getKey() + ": text/csv without an example");
                            }
                        } else if (!schema.has("$ref") && !schema.has("type")) {
                            defects.add(name + " " + response.getKey() + ": no application/json schema");
                        }
                    }
                }
            }
        }
        assertThat(defects).isEmpty();
    }
}
