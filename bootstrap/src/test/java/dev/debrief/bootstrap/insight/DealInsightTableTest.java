package dev.debrief.bootstrap.insight;

import dev.debrief.bootstrap.insight.InsightData.D;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Sql;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deal_insight}, the table the insights read (V15), is kept by triggers in the writing transaction:
 * after closes, reopens, re-closes, an amended analysis, a changed deal, a deleted deal and a write in plain
 * SQL, it holds exactly what this test computes from the base tables with its own query.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class DealInsightTableTest {

    private static final String DEALS = "/api/v1/workspaces/{ws}/deals";

    /** The test's own reading of the base tables, in the table's column order. */
    private static final String FROM_BASE_TABLES = """
            select d.id, d.outcome, d.closed_on, d.owner_id, d.team_id, d.segment_id, d.persona_id, d.lead_source_id,
                   d.currency, d.amount, d.risk_tags::text,
                   case when a.competitor is not null and btrim(a.competitor) <> '' then btrim(a.competitor)
                        when d.competitor is not null and btrim(d.competitor) <> '' then btrim(d.competitor) end,
                   a.stage_lost_at_id, a.fit,
                   (select r.reason_id from loss_analysis_reason r where r.analysis_id = a.id and r.role = 'PRIMARY'),
                   (select r.controllable from loss_analysis_reason r where r.analysis_id = a.id and r.role = 'PRIMARY'),
                   coalesce((select string_agg(r.reason_id::text, ',' order by r.position) from loss_analysis_reason r
                             where r.analysis_id = a.id and r.role = 'CONTRIBUTING'), '')
            from deal d left join loss_analysis a on a.deal_id = d.id and a.current
            where d.workspace_id = ?::uuid""";

    private static final String FROM_INSIGHT_TABLE = """
            select i.id, i.outcome, i.closed_on, i.owner_id, i.team_id, i.segment_id, i.persona_id, i.lead_source_id,
                   i.currency, i.amount, i.risk_tags::text, i.competitor, i.stage_lost_at_id, i.fit, i.primary_reason_id,
                   i.controllable, array_to_string(i.contributing_reason_ids, ',')
            from deal_insight i where i.workspace_id = ?::uuid""";

    @Inject
    Sql sql;

    @Test
    void followsEveryWriteInItsTransaction() {
        InsightData data = new InsightData().standard();
        assertMatchesTheBaseTables(data.ws);

        // an analysis amended to another primary reason, stage, fit and competitor
        String acme = id(data, "Acme expansion");
        Map<String, Object> amended = new HashMap<>(data.analysis(InsightData.SUPERSEDED));
        given().contentType(ContentType.JSON).header("If-Match", version(data.ws, acme)).body(amended)
                .put(DEALS + "/{d}/loss-analysis", data.ws, acme).then().statusCode(200);
        assertThat(sql.count("select count(*) from deal_insight where id = ?::uuid and primary_reason_id = ?::uuid",
                acme, data.ids.get("PRICE_ONLY"))).isEqualTo(1);

        // the deal itself changed: another team, amount and risk tags
        given().contentType("application/merge-patch+json").header("If-Match", version(data.ws, id(data, "Globex deal <&\">")))
                .body(Map.of("teamId", data.ids.get("Nordics"), "riskTags", List.of("BIGGER_DEAL"),
                        "amount", Map.of("value", 650, "currency", "USD")))
                .patch(DEALS + "/{d}", data.ws, id(data, "Globex deal <&\">")).then().statusCode(200);

        // reopened: no longer closed, no current analysis
        String stark = id(data, "No team");
        given().header("If-Match", version(data.ws, stark)).post(DEALS + "/{d}/reopen", data.ws, stark).then().statusCode(200);

        // deleted: its row goes with it
        String umbrella = id(data, "Umbrella a");
        given().header("If-Match", version(data.ws, umbrella)).delete(DEALS + "/{d}", data.ws, umbrella).then().statusCode(204);

        // a write that bypasses the service (a data fix by hand) is followed too
        sql.execute("update deal set segment_id = ?::uuid where id = ?::uuid", data.ids.get("Enterprise"), id(data, "Won one"));

        assertMatchesTheBaseTables(data.ws);
        assertThat(sql.count("select count(*) from deal_insight where id = ?::uuid", umbrella)).isZero();
        assertThat(sql.count("select count(*) from deal_insight where id = ?::uuid and outcome = 'OPEN' and closed_on is null"
                + " and primary_reason_id is null", stark)).isEqualTo(1);
    }

    private void assertMatchesTheBaseTables(String ws) {
        long deals = sql.count("select count(*) from deal where workspace_id = ?::uuid", ws);
        assertThat(sql.count("select count(*) from deal_insight where workspace_id = ?::uuid", ws)).isEqualTo(deals);
        assertThat(sql.rows("(" + FROM_BASE_TABLES + ") except all (" + FROM_INSIGHT_TABLE + ")", ws, ws))
                .as("rows the base tables say and deal_insight doesn't").isEmpty();
        assertThat(sql.rows("(" + FROM_INSIGHT_TABLE + ") except all (" + FROM_BASE_TABLES + ")", ws, ws))
                .as("rows deal_insight says and the base tables don't").isEmpty();
    }

    private static String id(InsightData data, String name) {
        D deal = data.deals.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
        return data.dealIds.get(deal);
    }

    private static String version(String ws, String deal) {
        return given().get(DEALS + "/{d}", ws, deal).then().statusCode(200).extract().header("ETag");
    }
}
