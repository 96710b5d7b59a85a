package dev.debrief.bootstrap.demo;

import dev.debrief.application.port.in.demo.SeedDemoWorkspaceUseCase;
import dev.debrief.application.port.in.demo.SeedDemoWorkspaceUseCase.DemoWorkspace;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** The demo workspace, written through the use cases into PostgreSQL and read back with its own key. */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DemoWorkspaceTest {

    @Inject
    SeedDemoWorkspaceUseCase demo;

    @Inject
    Sql sql;

    @Test
    void fillsOneDemoWorkspaceThatItsKeyReadsAndNeverASecond() {
        long started = System.nanoTime();
        DemoWorkspace seeded = demo.seedIfAbsent(7).orElseThrow();
        System.out.printf("demo seeded: %d deals in %d ms%n", seeded.deals(), (System.nanoTime() - started) / 1_000_000);
        String ws = seeded.workspace().id().value().toString();
        assertThat(seeded.workspace().name()).isEqualTo(SeedDemoWorkspaceUseCase.NAME);

        assertThat(sql.count("select count(*) from deal where workspace_id = ?::uuid", ws)).isEqualTo(seeded.deals());
        long lost = sql.count("select count(*) from deal where workspace_id = ?::uuid and outcome = 'LOST'", ws);
        assertThat(sql.count("select count(*) from loss_analysis where workspace_id = ?::uuid and current", ws)).isEqualTo(lost);
        assertThat(sql.count("select count(*) from member where workspace_id = ?::uuid", ws)).isEqualTo(14);
        assertThat(sql.count("select count(*) from follow_up where workspace_id = ?::uuid", ws)).isPositive();
        assertThat(sql.count("select count(*) from deal_activity where workspace_id = ?::uuid", ws)).isGreaterThan(2L * seeded.deals());
        assertThat(sql.count("select count(*) from deal_activity where workspace_id = ?::uuid and occurred_at > now()", ws)).isZero();
        assertThat(sql.count("select count(*) from lesson where workspace_id = ?::uuid and status = 'ADOPTED'", ws)).isEqualTo(2);
        assertThat(sql.count("select count(distinct date_trunc('month', closed_on)) from deal where workspace_id = ?::uuid", ws))
                .isBetween(24L, 25L);

        given().header("Authorization", "Bearer " + seeded.adminKey().secret())
                .queryParam("outcome", "LOST").queryParam("limit", 5)
                .get("/api/v1/workspaces/{ws}/deals", ws)
                .then().statusCode(200).body("items", hasSize(5)).body("items[0].outcome", equalTo("LOST"));

        assertThat(demo.seedIfAbsent(7)).isEmpty();
        assertThat(sql.count("select count(*) from workspace where name = ?", SeedDemoWorkspaceUseCase.NAME)).isEqualTo(1);
    }
}
