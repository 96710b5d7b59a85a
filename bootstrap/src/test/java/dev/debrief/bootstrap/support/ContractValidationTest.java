package dev.debrief.bootstrap.support;

import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The validating filter against a small OpenAPI 3.1 document ({@code contract/things.yaml}) and a
 * tiny HTTP server that answers what each test tells it to.
 */
class ContractValidationTest {

    static final Contract THINGS = Contract.read(Path.of("src", "test", "resources", "contract", "things.yaml"));
    static final String ID = "0190f0f0-0000-7000-8000-000000000001";
    static final String THING = "{\"id\":\"" + ID + "\",\"name\":\"Anvil\",\"owner\":null}";

    @TempDir
    Path directory;

    private HttpServer server;
    private volatile int status = 200;
    private volatile String contentType = "application/json";
    private volatile String body = THING;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void passesAnExchangeTheContractDescribes() {
        client().get("/things/" + ID).then().statusCode(200);
        assertThat(violations()).doesNotExist();
    }

    @Test
    void catchesAnUndeclaredNull() {
        answer(200, "application/json", "{\"id\":\"" + ID + "\",\"name\":null}");
        assertThatThrownBy(() -> client().get("/things/" + ID))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /things/{thingId} (getThing) → 200 application/json")
                .hasMessageContaining("/name: null found, string expected");
    }

    @Test
    void catchesAMissingRequiredProperty() {
        answer(200, "application/json", "{\"id\":\"" + ID + "\"}");
        assertThatThrownBy(() -> client().get("/things/" + ID))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /things/{thingId} (getThing) → 200")
                .hasMessageContaining("required property 'name' not found");
    }

    @Test
    void catchesAWrongTypeDeepInABody() {
        answer(200, "application/json", "{\"items\":[" + THING + ",{\"id\":\"" + ID + "\",\"name\":7}]}");
        assertThatThrownBy(() -> client().get("/things"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /things (listThings) → 200")
                .hasMessageContaining("/items/1/name: integer found, string expected");
    }

    @Test
    void catchesAnUndeclaredStatus() {
        answer(418, "application/problem+json", "{\"status\":418,\"code\":\"teapot\"}");
        assertThatThrownBy(() -> client().get("/things/" + ID))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /things/{thingId} (getThing) → 418")
                .hasMessageContaining("status 418 is not declared");
    }

    @Test
    void catchesAnUndeclaredMediaType() {
        answer(200, "text/plain", "Anvil");
        assertThatThrownBy(() -> client().get("/things/" + ID))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /things/{thingId} (getThing) → 200 text/plain")
                .hasMessageContaining("Content-Type text/plain is not declared");
    }

    @Test
    void checksProblemsWhateverTheirCharset() {
        answer(404, "application/problem+json;charset=UTF-8", "{\"status\":\"404\",\"code\":\"thing.not-found\"}");
        assertThatThrownBy(() -> client().get("/things/" + ID))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("→ 404 application/problem+json")
                .hasMessageContaining("/status: string found, integer expected");
    }

    @Test
    void catchesAWrongRequestBody() {
        answer(201, "application/json", THING);
        assertThatThrownBy(() -> client().contentType(ContentType.JSON).body("{\"name\":5}").post("/things"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /things (createThing) request")
                .hasMessageContaining("/name: integer found, string expected");
    }

    @Test
    void catchesAQueryParameterOfTheWrongTypeOrNotDeclared() {
        answer(200, "application/json", "{\"items\":[]}");
        client().get("/things?limit=5&archived=true").then().statusCode(200);
        assertThatThrownBy(() -> client().get("/things?limit=abc"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /things (listThings) request")
                .hasMessageContaining("?limit: string found, integer expected");
        assertThatThrownBy(() -> client().get("/things?colour=red"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("?colour: a query parameter the operation does not declare");
    }

    @Test
    void catchesAPathTheContractDoesNotHave() {
        assertThatThrownBy(() -> client().get("/gadgets/1"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("GET /gadgets/1 request")
                .hasMessageContaining("no path of the contract matches");
        assertThatThrownBy(() -> client().delete("/things/" + ID))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("DELETE is not declared for /things/{thingId}");
    }

    @Test
    void literalSegmentsWinOverTemplates() {
        answer(200, "application/json", "\"the special one\"");
        client().get("/things/special").then().statusCode(200);
    }

    @Test
    void aDeclaredDefaultResponseCoversOtherStatusesAndCsvIsCheckedForItsMediaTypeOnly() {
        answer(200, "text/csv; charset=UTF-8", "id,name\n1,Anvil\n");
        client().get("/things/" + ID + "/export").then().statusCode(200);
        answer(503, "application/problem+json", "{\"status\":503,\"code\":\"database.unavailable\"}");
        client().get("/things/" + ID + "/export").then().statusCode(503);
    }

    @Test
    void pathsUnderQAreNotPartOfTheApi() {
        answer(200, "text/plain", "UP");
        client().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aTestThatSendsInvalidInputOnPurposeStillHasItsResponsesChecked() {
        answer(201, "application/json", THING);
        client(false, true).contentType(ContentType.JSON).body("{\"name\":5}").post("/things").then().statusCode(201);

        answer(201, "application/json", "{\"name\":\"Anvil\"}");
        assertThatThrownBy(() -> client(false, true).contentType(ContentType.JSON).body("{\"name\":5}").post("/things"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("POST /things (createThing) → 201")
                .hasMessageContaining("required property 'id' not found")
                .hasMessageNotContaining("request");
    }

    @Test
    void reportModeRecordsEveryViolationWithoutFailing() throws IOException {
        answer(200, "application/json", "{\"id\":\"not-a-uuid\",\"name\":null}");
        client(true, false).get("/things/" + ID).then().statusCode(200);
        assertThat(Files.readAllLines(violations()))
                .anyMatch(line -> line.contains("ContractValidationTest\tresponse\tGET /things/{thingId} (getThing)\t200\tapplication/json\t/name\ttype\t"))
                .anyMatch(line -> line.contains("\t/id\tformat\t"));
    }

    private void answer(int status, String contentType, String body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    private RequestSpecification client() {
        return client(true, true);
    }

    private RequestSpecification client(boolean checkRequests, boolean failing) {
        ContractValidation validation = new ContractValidation(THINGS, "ContractValidationTest", checkRequests, failing, violations());
        return given().noFilters().filter(validation).baseUri("http://127.0.0.1").port(server.getAddress().getPort());
    }

    private Path violations() {
        return directory.resolve("contract-violations.txt");
    }
}
