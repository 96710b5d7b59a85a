package dev.debrief.adapter.rest.plan;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.shared.Dates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.plan.ActionPlanQueries;
import dev.debrief.application.port.in.plan.PlanItemsUseCase;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.plan.PlanItem;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A member's action plan for a day (seed 000: end each day with a plan of dos for tomorrow, kept
 * apart from the record of failures) and the member's own plan items in it.
 */
@Authenticated
@Path(Api.WORKSPACE + "/members/{memberId}/action-plan")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Action plan", description = "A plan of dos for a day and the brief before a call, kept apart from the record of failures")
@IdempotentPosts
public class ActionPlanResource {

    private final ActionPlanQueries plans;
    private final PlanItemsUseCase items;
    private final ObjectMapper json;
    private final Validator validator;
    private final Callers callers;

    @Inject
    public ActionPlanResource(ActionPlanQueries plans, PlanItemsUseCase items, ObjectMapper json, Validator validator,
                              Callers callers) {
        this.plans = plans;
        this.items = items;
        this.json = json;
        this.validator = validator;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "getActionPlan", summary = "A member's action plan for a day",
            description = "The member's OPEN follow-ups due that day, up to 5 adopted lessons that apply to each of their "
                    + "OPEN deals (most endorsed first), and their own plan items. Never a failure record: no loss analysis, "
                    + "reason note, partner reason text, debrief answer or lesson rationale. A REP reads only their own plan "
                    + "(x-relation: self); managers, admins and keys with READ anyone's. At most 100 follow-ups and 100 dos "
                    + "(moreFollowUps, moreDos say when there were more) and the day's plan items (at most 50).")
    @APIResponse(responseCode = "200", description = "The plan",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionPlanResponse.class)))
    @APIResponse(responseCode = "400", description = "A date that isn't YYYY-MM-DD (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such member in the workspace (member.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Extension(name = "x-relation", value = "self")
    @Requires(Right.READ)
    public ActionPlanResponse plan(
            @PathParam("workspaceId") String workspaceId, @PathParam("memberId") String memberId,
            @Parameter(description = "The day, YYYY-MM-DD; default: tomorrow in the workspace's time zone", example = "2026-11-24")
            @QueryParam("date") String date) {
        return ActionPlanResponse.from(plans.plan(callers.access(), member(memberId),
                Dates.queryDate(date, "date")));
    }

    @POST
    @Path("items")
    @Operation(operationId = "addPlanItem", summary = "Add a do to one's own plan",
            description = "Only the member themself keeps their plan items (x-relation: self), whatever their role; API keys can't. "
                    + "A day holds at most 50 items (409 plan-item.limit-reached).")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanItemResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "409", description = "The member's plan for that day holds 50 items already (plan-item.limit-reached)")
    @APIResponse(responseCode = "422", description = "A text phrased as a prohibition (phrasing.prohibition), or a date before today in the workspace's time zone (plan-item.date-in-past)")
    @Extension(name = "x-right", value = "PLAN")
    @Extension(name = "x-relation", value = "self")
    @Requires(Right.PLAN)
    public Response add(@PathParam("workspaceId") String workspaceId, @PathParam("memberId") String memberId,
                        @Valid @NotNull PlanItemRequest body, @Context UriInfo uri) {
        PlanItem item = items.add(callers.access(), member(memberId), body.date(), body.text());
        return Response.created(uri.getAbsolutePathBuilder().path(item.id().toString()).build())
                .entity(PlanItemResponse.from(item)).build();
    }

    @PATCH
    @Path("items/{itemId}")
    @Consumes({Api.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "changePlanItem", summary = "Check off, uncheck or reword one's own plan item (JSON merge patch, RFC 7396)",
            description = "Send only what changes; nothing can be cleared (null is 400 body.not-clearable). Its date never changes. "
                    + "Only the member themself (x-relation: self).")
    @RequestBody(content = {
            @Content(mediaType = Api.MERGE_PATCH, schema = @Schema(implementation = PlanItemPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanItemPatch.class))})
    @APIResponse(responseCode = "200", description = "The changed item",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanItemResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed patch, invalid fields, or null for a property that can't be cleared (body.not-clearable)")
    @APIResponse(responseCode = "404", description = "No such item in the member's plan (plan-item.not-found)")
    @APIResponse(responseCode = "422", description = "A text phrased as a prohibition (phrasing.prohibition)")
    @Extension(name = "x-right", value = "PLAN")
    @Extension(name = "x-relation", value = "self")
    @Requires(Right.PLAN)
    public PlanItemResponse change(@PathParam("workspaceId") String workspaceId, @PathParam("memberId") String memberId,
                                   @PathParam("itemId") String itemId, String body) {
        JsonNode patch = MergePatch.read(json, body);
        MergePatch.refuseNulls(patch, PlanItemPatch.class);
        return PlanItemResponse.from(items.change(callers.access(), member(memberId), item(itemId),
                current -> MergePatch.patched(json, validator, PlanItemPatch.from(current), patch, PlanItemPatch.class).toChange()));
    }

    @DELETE
    @Path("items/{itemId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "removePlanItem", summary = "Remove one's own plan item",
            description = "Deletes it for good (it leaves an audit event). Only the member themself (x-relation: self).")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such item in the member's plan (plan-item.not-found)")
    @Extension(name = "x-right", value = "PLAN")
    @Extension(name = "x-relation", value = "self")
    @Requires(Right.PLAN)
    public Response remove(@PathParam("workspaceId") String workspaceId, @PathParam("memberId") String memberId,
                           @PathParam("itemId") String itemId) {
        items.remove(callers.access(), member(memberId), item(itemId));
        return Response.noContent().build();
    }

    private static MemberId member(String text) {
        return new MemberId(PathIds.uuid(text, "member.not-found", "member"));
    }

    private static UUID item(String text) {
        return PathIds.uuid(text, "plan-item.not-found", "plan item");
    }
}
