package dev.debrief.bootstrap.support;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end tests' calls go through {@link ContractValidation} without asking for it; a test
 * marked {@link SendsInvalidInput} has only its responses checked. (What the filter catches:
 * {@link ContractValidationTest}.)
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ContractValidationIsOnTest {

    @Test
    void checksTheRequestAndTheResponseOfEveryCall() {
        long[] before = ContractValidation.checked();

        given().get("/api/v1/me").then().statusCode(200);

        long[] after = ContractValidation.checked();
        assertThat(after[0] - before[0]).as("requests checked").isEqualTo(1);
        assertThat(after[1] - before[1]).as("responses checked").isEqualTo(1);
    }

    @Test
    @SendsInvalidInput
    void checksOnlyTheResponsesOfATestThatSendsInvalidInputOnPurpose() {
        long[] before = ContractValidation.checked();

        given().get("/api/v1/me").then().statusCode(200);

        long[] after = ContractValidation.checked();
        assertThat(after[0] - before[0]).as("requests checked").isZero();
        assertThat(after[1] - before[1]).as("responses checked").isEqualTo(1);
    }
}
