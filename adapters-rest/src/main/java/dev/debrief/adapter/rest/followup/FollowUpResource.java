package dev.debrief.adapter.rest.followup;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.ETags;
import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.followup.FollowUpQueries;
import dev.debrief.application.port.in.followup.FollowUpQueries.FollowUpFilter;
import dev.debrief.application.port.in.followup.FollowUpsUseCase;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.followup.DueState;
import dev.debrief.domain.followup.FollowUpKind;
import dev.debrief.domain.followup.FollowUpStatus;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Follow-ups: the check-ins the service schedules on lost good-fit deals and the action items people write. */
@Authenticated
@Path(Api.WORKSPACE + "/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "Check-ins on lost deals and action items: due dates, completion, win-backs")
@IdempotentPosts
public class FollowUpResource {

    static final int DEFAULT_LIMIT = 25;
    /** The longest cursor this list issues: its kind, filters' fingerprint, a due date and an id, base64url. */
    static final int CURSOR_MAX_LENGTH = 200;
    static final String UUID_OR_ME = "^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$";

    private final FollowUpsUseCase followUps;
    private final FollowUpQueries queries;
    private final ObjectMapper json;
    private final Validator validator;
    private final Callers callers;

    @Inject
    public FollowUpResource(FollowUpsUseCase followUps, FollowUpQueries queries, ObjectMapper json, Validator validator,
                            Callers callers) {
        this.followUps = followUps;
        this.queries = queries;
        this.json = json;
        this.validator = validator;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "createActionItem", summary = "Write an action item",
            description = "Check-ins are never created here: the service schedules them when a good-fit deal is lost. "
                    + "A REP writes action items for themselves (x-relation: assignee): naming no assigneeId assigns the caller, naming someone else is 403.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The follow-up's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "Text phrased as a prohibition (phrasing.prohibition), a due date in the past (follow-up.due-in-past), or a member, deal or lesson that isn't this workspace's (reference.not-found)")
    @Extension(name = "x-relation", value = "assignee")
    @Extension(name = "x-right", value = "WRITE_FOLLOW_UPS")
    @Requires(Right.WRITE_FOLLOW_UPS)
    public Response create(@PathParam("workspaceId") String workspaceId, @Valid @NotNull ActionItemRequest body,
                           @Context UriInfo uri) {
        FollowUpQueries.Listed item = followUps.createActionItem(callers.access(), body.toDraft(), null);
        return Response.created(uri.getAbsolutePathBuilder().path(item.followUp().id().toString()).build())
                .tag(ETags.of(item.followUp().version())).entity(FollowUpResponse.from(item)).build();
    }

    @GET
    @Operation(operationId = "listFollowUps", summary = "List follow-ups by due date, one keyset page at a time",
            description = "Mine: assigneeId=me (with due=OVERDUE, TODAY or UPCOMING for the three views); a team's: teamId; a deal's: dealId. "
                    + "Filters combine; no status means every status. An API key can't ask for `me` (400 query.invalid).")
    @APIResponse(responseCode = "200", description = "A page of follow-ups, earliest due first")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor (query.invalid, cursor.invalid, cursor.mismatch)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public FollowUpResponse.Page list(
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "A member id, or `me` for the calling member",
                    schema = @Schema(type = SchemaType.STRING, format = "uuid-or-me", maxLength = 36, pattern = UUID_OR_ME))
            @QueryParam("assigneeId") String assigneeId,
            @Parameter(description = "Follow-ups assigned to members of this team") @QueryParam("teamId") String teamId,
            @Parameter(description = "Follow-ups of this deal") @QueryParam("dealId") String dealId,
            @Parameter(description = "OPEN, DONE or CANCELLED", schema = @Schema(implementation = FollowUpStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "CHECK_IN or ACTION_ITEM", schema = @Schema(implementation = FollowUpKind.class))
            @QueryParam("kind") String kind,
            @Parameter(description = "OPEN follow-ups due before today (OVERDUE), today (TODAY) or later (UPCOMING), in the workspace's time zone",
                    schema = @Schema(implementation = DueState.class))
            @QueryParam("due") String due,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "25")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page", schema = @Schema(type = SchemaType.STRING,
                    maxLength = CURSOR_MAX_LENGTH)) @QueryParam("cursor") String cursor) {
        Access access = callers.access();
        FollowUpFilter filter = new FollowUpFilter(assignee(access, assigneeId),
                teamId == null ? null : new VocabularyEntryId(QueryParams.parse(teamId, "teamId", UUID::fromString)),
                dealId == null ? null : new DealId(QueryParams.parse(dealId, "dealId", UUID::fromString)),
                QueryParams.parse(status, "status", FollowUpStatus::valueOf),
                QueryParams.parse(kind, "kind", FollowUpKind::valueOf),
                QueryParams.parse(due, "due", DueState::valueOf));
        int size = limit == null ? DEFAULT_LIMIT : QueryParams.parse(limit, "limit", Integer::valueOf);
        FollowUpQueries.FollowUpPage page = queries.list(access, filter, cursor, size);
        return new FollowUpResponse.Page(page.items().stream().map(FollowUpResponse::from).toList(), page.nextCursor());
    }

    private static MemberId assignee(Access access, String text) {
        if (text == null) {
            return null;
        }
        if ("me".equals(text)) {
            if (access.actor() instanceof Access.MemberActor member) {
                return member.memberId();
            }
            throw new InvalidInput("query.invalid", "assigneeId=me needs a member: an API key has no follow-ups", "assigneeId");
        }
        return new MemberId(QueryParams.parse(text, "assigneeId", UUID::fromString));
    }

    @GET
    @Path("{followUpId}")
    @Operation(operationId = "getFollowUp", summary = "Get a follow-up",
            description = "A check-in or an action item with where its due date stands today; its ETag is the version a write sends in If-Match.")
    @APIResponse(responseCode = "200", description = "The follow-up; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The follow-up's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or follow-up (follow-up.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("followUpId") String followUpId) {
        return withETag(queries.get(PathIds.workspace(workspaceId), id(followUpId)));
    }

    @PATCH
    @Path("{followUpId}")
    @Consumes({Api.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "reviseFollowUp", summary = "Change an OPEN follow-up's text, assignee or due date with a JSON merge patch (RFC 7396)",
            description = "Send only what changes, with If-Match. Nothing can be cleared: null is 400 body.not-clearable. "
                    + "A REP can't hand a follow-up to someone else (403); a changed due date can't be in the past (422).")
    @RequestBody(content = {
            @Content(mediaType = Api.MERGE_PATCH, schema = @Schema(implementation = FollowUpPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpPatch.class))})
    @APIResponse(responseCode = "200", description = "The changed follow-up; ETag is its new version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The follow-up's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed patch, invalid fields, or null for a property (body.not-clearable)")
    @APIResponse(responseCode = "404", description = "No such workspace or follow-up (follow-up.not-found)")
    @APIResponse(responseCode = "409", description = "It is DONE or CANCELLED (follow-up.not-open)")
    @APIResponse(responseCode = "422", description = "Text phrased as a prohibition (phrasing.prohibition), a new due date in the past (follow-up.due-in-past), or an unknown assignee (reference.not-found)")
    @Extension(name = "x-relation", value = "assignee")
    @Extension(name = "x-right", value = "WRITE_FOLLOW_UPS")
    @Requires(Right.WRITE_FOLLOW_UPS)
    public Response revise(@PathParam("workspaceId") String workspaceId, @PathParam("followUpId") String followUpId,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ETags.IF_MATCH_MAX_LENGTH))
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        long version = ETags.requireIfMatch(ifMatch);
        JsonNode patch = MergePatch.read(json, body);
        MergePatch.refuseNulls(patch, FollowUpPatch.class);
        return withETag(followUps.revise(callers.access(), id(followUpId), version,
                revision -> MergePatch.patched(json, validator, FollowUpPatch.from(revision), patch, FollowUpPatch.class)
                        .toRevision()));
    }

    @POST
    @Path("{followUpId}/complete")
    @Operation(operationId = "completeFollowUp", summary = "Complete an OPEN follow-up",
            description = "A check-in names its outcome; REOPENED opens a new OPEN deal linked to the lost one (winBackOf) in the same transaction.")
    @APIResponse(responseCode = "200", description = "The DONE follow-up, with winBackDealId after a REOPENED check-in; ETag is its new version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The follow-up's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace or follow-up (follow-up.not-found)")
    @APIResponse(responseCode = "409", description = "It is already DONE or CANCELLED (follow-up.not-open)")
    @APIResponse(responseCode = "422", description = "A check-in without an outcome (follow-up.outcome-required), or an action item with one (follow-up.outcome-only-for-check-ins)")
    @Extension(name = "x-relation", value = "assignee")
    @Extension(name = "x-right", value = "WRITE_FOLLOW_UPS")
    @Requires(Right.WRITE_FOLLOW_UPS)
    public Response complete(@PathParam("workspaceId") String workspaceId, @PathParam("followUpId") String followUpId,
                             @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ETags.IF_MATCH_MAX_LENGTH))
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CompleteFollowUpRequest body) {
        long version = ETags.requireIfMatch(ifMatch);
        return withETag(followUps.complete(callers.access(), id(followUpId), version, body.outcome(), body.note()));
    }

    @POST
    @Path("{followUpId}/cancel")
    @Operation(operationId = "cancelFollowUp", summary = "Cancel an OPEN follow-up",
            description = "Ends it without doing it, with an optional note; a DONE or CANCELLED follow-up can't be cancelled (409 follow-up.not-open).")
    @APIResponse(responseCode = "200", description = "The CANCELLED follow-up; ETag is its new version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The follow-up's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FollowUpResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace or follow-up (follow-up.not-found)")
    @APIResponse(responseCode = "409", description = "It is already DONE or CANCELLED (follow-up.not-open)")
    @Extension(name = "x-relation", value = "assignee")
    @Extension(name = "x-right", value = "WRITE_FOLLOW_UPS")
    @Requires(Right.WRITE_FOLLOW_UPS)
    public Response cancel(@PathParam("workspaceId") String workspaceId, @PathParam("followUpId") String followUpId,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ETags.IF_MATCH_MAX_LENGTH))
                           @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull CancelFollowUpRequest body) {
        long version = ETags.requireIfMatch(ifMatch);
        return withETag(followUps.cancel(callers.access(), id(followUpId), version, body.note()));
    }

    private static Response withETag(FollowUpQueries.Listed listed) {
        return Response.ok(FollowUpResponse.from(listed)).tag(ETags.of(listed.followUp().version())).build();
    }

    private static UUID id(String text) {
        return PathIds.uuid(text, "follow-up.not-found", "follow-up");
    }
}
