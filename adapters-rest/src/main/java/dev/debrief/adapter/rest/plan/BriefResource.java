package dev.debrief.adapter.rest.plan;

import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.application.port.in.plan.BriefQueries;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The brief a rep reads before a call on an open deal: the dos, never the failure records. */
@Authenticated
@Path(Api.WORKSPACE + "/deals/{dealId}/brief")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Action plan")
public class BriefResource {

    private final BriefQueries briefs;
    private final Callers callers;

    @Inject
    public BriefResource(BriefQueries briefs, Callers callers) {
        this.briefs = briefs;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "getDealBrief", summary = "The brief before a call on an open deal",
            description = "The adopted lessons that apply to the deal, as dos, most endorsed first (at most 20), and its "
                    + "next OPEN follow-up. Never a failure record: no loss analysis, reason note, partner reason text, "
                    + "debrief answer or lesson rationale (seed 000: don't re-read failures right before a call).")
    @APIResponse(responseCode = "200", description = "The brief",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BriefResponse.class)))
    @APIResponse(responseCode = "404", description = "No such deal in the workspace (deal.not-found)")
    @APIResponse(responseCode = "409", description = "The deal is closed: a brief prepares a call on an OPEN deal (brief.deal-not-open)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public BriefResponse brief(@PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId) {
        return BriefResponse.from(briefs.brief(callers.access(),
                new DealId(PathIds.uuid(dealId, "deal.not-found", "deal"))));
    }
}
