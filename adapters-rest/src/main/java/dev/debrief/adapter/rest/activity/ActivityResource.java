package dev.debrief.adapter.rest.activity;

import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.activity.ActivitiesUseCase;
import dev.debrief.application.port.in.activity.ActivityQueries;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.deal.DealId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The incidentals of a deal (seed 004): calls, emails, meetings and notes. */
@Authenticated
@Path(Api.WORKSPACE + "/deals/{dealId}/activities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Activities", description = "Calls, emails, meetings and notes on a deal, and the response time they show")
@IdempotentPosts
public class ActivityResource {

    static final int DEFAULT_LIMIT = 25;
    /** The longest cursor this list issues: its kind, the fingerprint, an instant and an id, base64url. */
    static final int CURSOR_MAX_LENGTH = 200;

    private final ActivitiesUseCase activities;
    private final ActivityQueries queries;
    private final Callers callers;

    @Inject
    public ActivityResource(ActivitiesUseCase activities, ActivityQueries queries, Callers callers) {
        this.activities = activities;
        this.queries = queries;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "addActivity", summary = "Record an activity on a deal",
            description = "A call, email, meeting or note that happened (occurredAt at most five minutes ahead). A deal holds at most "
                    + Activity.MAX_PER_DEAL + " activities, people's and partners' together. A REP writes activities on their own deals (x-relation: owner).")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivityResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace or deal (deal.not-found)")
    @APIResponse(responseCode = "409", description = "The deal already holds " + Activity.MAX_PER_DEAL + " activities (activity.limit-reached)")
    @APIResponse(responseCode = "422", description = "A member who isn't this workspace's (reference.not-found), occurredAt in the future (activity.occurred-in-future)")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response add(@PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId,
                        @Valid @NotNull ActivityRequest body, @Context UriInfo uri) {
        Activity activity = activities.add(callers.access(), dealId(dealId), body.toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(activity.id().toString()).build())
                .entity(ActivityResponse.from(activity)).build();
    }

    @GET
    @Operation(operationId = "listActivities", summary = "The deal's activities, newest first, one keyset page at a time",
            description = "Sorted by occurredAt, newest first, ties by id; follow nextCursor until it is null. A cursor of another deal is 400 (cursor.mismatch).")
    @APIResponse(responseCode = "200", description = "A page of activities")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor (page.limit-out-of-range, query.invalid, cursor.invalid, cursor.mismatch)")
    @APIResponse(responseCode = "404", description = "No such workspace or deal (deal.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public ActivityResponse.Page list(
            @PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "25")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page", schema = @Schema(type = SchemaType.STRING,
                    maxLength = CURSOR_MAX_LENGTH)) @QueryParam("cursor") String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : QueryParams.parse(limit, "limit", Integer::valueOf);
        ActivityQueries.ActivityPage page = queries.list(PathIds.workspace(workspaceId), dealId(dealId), cursor, size);
        return new ActivityResponse.Page(page.items().stream().map(ActivityResponse::from).toList(), page.nextCursor());
    }

    @DELETE
    @Path("{activityId}")
    @Operation(operationId = "deleteActivity", summary = "Delete an activity",
            description = "A partner's activity leaves a tombstone of its external id on the deal: the partner's next push of it doesn't bring it back.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such workspace, deal (deal.not-found) or activity on it (activity.not-found)")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response delete(@PathParam("workspaceId") String workspaceId, @PathParam("dealId") String dealId,
                           @PathParam("activityId") String activityId) {
        activities.delete(callers.access(), dealId(dealId), PathIds.uuid(activityId, "activity.not-found", "activity"));
        return Response.noContent().build();
    }

    static DealId dealId(String text) {
        return new DealId(PathIds.uuid(text, "deal.not-found", "deal"));
    }
}
