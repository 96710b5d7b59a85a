package dev.debrief.bootstrap.support;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The end-to-end tests' calls go through {@link ContractValidation} without asking for it. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class ContractValidationIsOnTest {

    @Test
    void everyCallOfAnEndToEndTestIsCheckedAgainstTheContract() throws IOException {
        String undeclared = "notInTheContract" + System.nanoTime();

        Throwable thrown = catchThrowable(() -> given().queryParam(undeclared, "1").get("/api/v1/me"));

        if (System.getProperty(ContractValidation.MODE, "fail").equals("fail")) {
            assertThat(thrown).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /api/v1/me (getMe) request: ?" + undeclared + ": a query parameter the operation does not declare");
        }
        assertThat(Files.readString(ContractValidation.VIOLATIONS)).contains("ContractValidationIsOnTest#everyCallOfAnEndToEndTestIsCheckedAgainstTheContract\trequest\tGET /api/v1/me (getMe)\t\t\t?" + undeclared);
    }
}
