package dev.debrief.bootstrap.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.bootstrap.support.EmbeddedPostgresResource;
import dev.debrief.bootstrap.support.Tokens;
import dev.debrief.client.ApiClient;
import dev.debrief.client.ApiException;
import dev.debrief.client.api.DealsApi;
import dev.debrief.client.api.LossReasonsApi;
import dev.debrief.client.api.VocabulariesApi;
import dev.debrief.client.api.WorkspacesApi;
import dev.debrief.client.model.AnalysedReason;
import dev.debrief.client.model.CloseDealRequest;
import dev.debrief.client.model.Deal;
import dev.debrief.client.model.DealPage;
import dev.debrief.client.model.DealPatch;
import dev.debrief.client.model.DealRequest;
import dev.debrief.client.model.Fit;
import dev.debrief.client.model.LossAnalysisRequest;
import dev.debrief.client.model.Outcome;
import dev.debrief.client.model.Problem;
import dev.debrief.client.model.RiskTag;
import dev.debrief.client.model.Workspace;
import dev.debrief.client.model.WorkspaceRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A partner's walk-through with the Java client generated from openapi/openapi.yaml during the build
 * (openapi-generator, library native; see bootstrap/pom.xml), against the real service: what a
 * generated client sends, the service reads, and what the service answers, the client reads.
 */
@QuarkusTest
@WithTestResource(EmbeddedPostgresResource.class)
class GeneratedClientTest {

    @TestHTTPResource("/")
    URI service;

    private ApiClient client() {
        String token = Tokens.person("generated-client-" + System.nanoTime());
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aWalkThroughWithTheGeneratedClient() throws Exception {
        ApiClient client = client();
        DealsApi deals = new DealsApi(client);
        Workspace workspace = new WorkspacesApi(client).createWorkspace(WorkspacesApi.APICreateWorkspaceRequest.newBuilder()
                .workspaceRequest(new WorkspaceRequest().name("Generated").timeZone("Europe/Berlin").defaultCurrency("EUR")).build());
        UUID ws = workspace.getId();

        Deal created = deals.createDeal(DealsApi.APICreateDealRequest.newBuilder().workspaceId(ws)
                .dealRequest(new DealRequest().name("Acme renewal").competitor("Initech").riskTags(List.of(RiskTag.NEW_MARKET))).build());
        assertThat(created.getOwner()).isNull();

        // A patch of one property leaves the others alone (1.0.0's client sent every field and cleared riskTags).
        Deal patched = deals.updateDeal(DealsApi.APIUpdateDealRequest.newBuilder().workspaceId(ws).dealId(created.getId())
                .ifMatch("\"" + created.getVersion() + "\"").dealPatch(new DealPatch().competitor("Globex")).build());
        assertThat(patched.getCompetitor()).isEqualTo("Globex");
        assertThat(patched.getName()).isEqualTo("Acme renewal");
        assertThat(patched.getRiskTags()).containsExactly(RiskTag.NEW_MARKET);

        UUID reason = new LossReasonsApi(client).listLossReasons(ws, null).getItems().stream()
                .filter(r -> r.getCode().equals("SLOW_RESPONSE")).findFirst().orElseThrow().getId();
        UUID proposal = new VocabulariesApi(client).listVocabularyEntries("stages", ws, null).getItems().stream()
                .filter(e -> e.getCode().equals("PROPOSAL")).findFirst().orElseThrow().getId();
        Deal lost = deals.closeDeal(DealsApi.APICloseDealRequest.newBuilder().workspaceId(ws).dealId(created.getId())
                .ifMatch("\"" + patched.getVersion() + "\"")
                .closeDealRequest(new CloseDealRequest().outcome(Outcome.LOST).closedOn(LocalDate.now().minusDays(1))
                        .lossAnalysis(new LossAnalysisRequest().primaryReason(new AnalysedReason().reasonId(reason))
                                .stageLostAtId(proposal).fit(Fit.GOOD_FIT)
                                .whatWeWouldDoDifferently("Send the revised quote the same day"))).build());
        assertThat(lost.getOutcome()).isEqualTo(Outcome.LOST);
        assertThat(lost.getLossAnalysis()).isNotNull();
        assertThat(lost.getRiskTags()).containsExactly(RiskTag.NEW_MARKET);

        for (String name : List.of("Beta", "Gamma")) {
            deals.createDeal(DealsApi.APICreateDealRequest.newBuilder().workspaceId(ws).dealRequest(new DealRequest().name(name)).build());
        }
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            DealPage page = deals.listDeals(DealsApi.APIListDealsRequest.newBuilder().workspaceId(ws).limit(2).cursor(cursor).build());
            page.getItems().forEach(d -> names.add(d.getName()));
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactlyInAnyOrder("Acme renewal", "Beta", "Gamma");

        ApiException notFound = catchThrowableOfType(ApiException.class, () -> deals.getDeal(
                DealsApi.APIGetDealRequest.newBuilder().workspaceId(ws).dealId(UUID.randomUUID()).build()));
        assertThat(notFound.getCode()).isEqualTo(404);
        Problem problem = client.getObjectMapper().readValue(notFound.getResponseBody(), Problem.class);
        assertThat(problem.getCode()).isEqualTo("deal.not-found");
        assertThat(problem.getStatus()).isEqualTo(404);
    }
}
