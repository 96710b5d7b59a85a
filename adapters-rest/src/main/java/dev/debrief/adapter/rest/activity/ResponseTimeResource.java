package dev.debrief.adapter.rest.activity;

import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.application.port.in.activity.ActivityQueries;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.deal.DealId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A deal's response time, derived from its activities. */
@Authenticated
@Path(Api.WORKSPACE + "/deals/{dealId}/response-time")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Activities")
public class ResponseTimeResource {

    private final ActivityQueries queries;

    @Inject
    public ResponseTimeResource(ActivityQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(operationId = "getDealResponseTime", summary = "How fast the team answered the buyer on a deal",
            description = "For each INBOUND call, email or meeting, the elapsed time to the first OUTBOUND call, email or meeting at or "
                    + "after it; the deal's median and worst in seconds, how many inbound touches were answered and how many wait. "
                    + "Null figures when nothing was answered.")
    @APIResponse(responseCode = "200", description = "The deal's response time")
    @APIResponse(responseCode = "404", description = "No such workspace or deal (deal.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public ResponseTimeResponse get(@PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId) {
        DealId deal = new DealId(PathIds.uuid(dealId, "deal.not-found", "deal"));
        return ResponseTimeResponse.from(deal.value(), queries.responseTime(PathIds.workspace(workspaceId), deal));
    }
}
