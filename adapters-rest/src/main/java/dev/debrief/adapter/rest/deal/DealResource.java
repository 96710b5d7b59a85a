package dev.debrief.adapter.rest.deal;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.ETags;
import dev.debrief.adapter.rest.shared.InvalidBody;
import dev.debrief.adapter.rest.shared.JsonErrors;
import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.deal.AmendLossAnalysisUseCase;
import dev.debrief.application.port.in.deal.CloseDealUseCase;
import dev.debrief.application.port.in.deal.CreateDealUseCase;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealPage;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.in.deal.DeleteDealUseCase;
import dev.debrief.application.port.in.deal.ReopenDealUseCase;
import dev.debrief.application.port.in.deal.ReviseDealUseCase;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.domain.access.Right;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.Set;

@Authenticated
@Path(Api.WORKSPACE + "/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Deals", description = "Deals, their outcomes and loss analyses")
@IdempotentPosts
public class DealResource {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    /** A deal cursor is at most ~870 characters (base64 of the sort value, at most a 200-character name, and the id). */
    static final int MAX_CURSOR = 1024;
    /** The ETag of a deal: its version in quotes. */
    static final String ETAG_DESCRIPTION = "The deal's version in quotes, e.g. \"3\": send it in If-Match to write";
    static final int ETAG_MAX = 21;
    /** If-Match: an ETag this service sent (W/ accepted), or *. Anything else never matches (412). */
    static final int IF_MATCH_MAX = 64;

    private final CreateDealUseCase create;
    private final ReviseDealUseCase revise;
    private final DeleteDealUseCase delete;
    private final CloseDealUseCase close;
    private final ReopenDealUseCase reopen;
    private final AmendLossAnalysisUseCase amend;
    private final DealQueries queries;
    private final ObjectMapper json;
    private final Validator validator;
    private final Callers callers;

    @Inject
    public DealResource(CreateDealUseCase create, ReviseDealUseCase revise, DeleteDealUseCase delete,
                        CloseDealUseCase close, ReopenDealUseCase reopen, AmendLossAnalysisUseCase amend,
                        DealQueries queries, ObjectMapper json, Validator validator, Callers callers) {
        this.create = create;
        this.revise = revise;
        this.delete = delete;
        this.close = close;
        this.reopen = reopen;
        this.amend = amend;
        this.queries = queries;
        this.json = json;
        this.validator = validator;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "createDeal", summary = "Record a deal",
            description = "A new deal is OPEN. A REP records deals they own (x-relation: owner): naming no ownerId makes them the owner, naming someone else is 403.")
    @APIResponse(responseCode = "201", description = "Created; Location names it, ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = ETAG_MAX)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, invalid or server-owned fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "409", description = "Another deal has this external reference")
    @APIResponse(responseCode = "422", description = "A vocabulary or member id does not resolve in this workspace (reference.not-found), is of the wrong kind, or is archived")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response create(@PathParam("workspaceId") String workspaceId,
                           @Valid @NotNull DealRequest body, @Context UriInfo uri) {
        Deal deal = create.create(callers.access(), body.toDetails());
        return Response.created(uri.getAbsolutePathBuilder().path(deal.id().toString()).build())
                .tag(ETags.of(deal.version())).entity(response(deal)).build();
    }

    @GET
    @Operation(operationId = "listDeals", summary = "List deals, filtered and sorted, one keyset page at a time",
            description = "Follow nextCursor with the same filters and sort until it is null; a cursor made for other filters or "
                    + "another sort is 400 (cursor.mismatch). triage=true lists the deals waiting for triage.")
    @APIResponse(responseCode = "200", description = "A page of deals")
    @APIResponse(responseCode = "400", description = "A bad filter, sort, limit or cursor (e.g. a cursor made with other filters)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public DealResponse.Page list(
            @PathParam("workspaceId") String workspaceId,
            @BeanParam DealFilterParams filters,
            @Parameter(description = "createdAt, updatedAt, closedOn, amount or name; '-' for descending. Nulls last, ties by id. Default -createdAt",
                    schema = @Schema(type = SchemaType.STRING, defaultValue = "-createdAt", enumeration = {"createdAt", "-createdAt",
                            "updatedAt", "-updatedAt", "closedOn", "-closedOn", "amount", "-amount", "name", "-name"}))
            @QueryParam("sort") String sort,
            @Parameter(description = "Page size, 1 to 100 (default 25)", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "25")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page", schema = @Schema(type = SchemaType.STRING, maxLength = MAX_CURSOR))
            @QueryParam("cursor") String cursor) {
        DealFilter filter = filters.toFilter();
        int pageSize = limit == null ? DEFAULT_LIMIT : QueryParams.parse(limit, "limit", Integer::valueOf);
        DealPage page = queries.list(PathIds.workspace(workspaceId), filter, DealSort.parse(sort), cursor, pageSize);
        Map<DealId, List<DealId>> winBacks = queries.winBacks(PathIds.workspace(workspaceId),
                page.items().stream().map(Deal::id).toList());
        return new DealResponse.Page(page.items().stream()
                .map(d -> DealResponse.from(d, winBacks.getOrDefault(d.id(), List.of()))).toList(), page.nextCursor());
    }

    @GET
    @Path("{dealId}")
    @Operation(operationId = "getDeal", summary = "Get a deal with its current loss analysis",
            description = "The deal as it stands, with its current loss analysis (null unless LOST), what waits for triage and its "
                    + "win-backs. The ETag is the version to send in If-Match.")
    @APIResponse(responseCode = "200", description = "The deal; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = ETAG_MAX)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or deal")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public Response get(@PathParam("workspaceId") String workspaceId,
                        @PathParam("dealId") String dealId) {
        DealQueries.DealView view = queries.view(PathIds.workspace(workspaceId), dealId(dealId));
        return withETag(view.deal(), view.winBacks());
    }

    @PATCH
    @Path("{dealId}")
    @Consumes({Api.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "updateDeal", summary = "Change a deal's fields with a JSON merge patch",
            description = "RFC 7396: send only what changes; a field left out is left alone, null clears it (name can't be cleared: 400). "
                    + "The patched deal must again be a valid deal. Outcome changes go through close and reopen.")
    @RequestBody(required = true, content = @Content(mediaType = Api.MERGE_PATCH, schema = @Schema(implementation = DealPatch.class)))
    @APIResponse(responseCode = "200", description = "The changed deal, with its new ETag",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = ETAG_MAX)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed patch, invalid or server-owned fields, or null for name")
    @APIResponse(responseCode = "404", description = "No such workspace or deal")
    @APIResponse(responseCode = "409", description = "Another deal has this external reference")
    @APIResponse(responseCode = "415", description = "Neither application/merge-patch+json nor application/json (media-type.unsupported)")
    @APIResponse(responseCode = "422", description = "A vocabulary id does not resolve, is of the wrong kind, or is archived")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response update(@PathParam("workspaceId") String workspaceId,
                           @PathParam("dealId") String dealId,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = IF_MATCH_MAX)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                           String body) {
        long expected = ETags.requireIfMatch(ifMatch);
        JsonNode patch = readPatch(body);
        return withETag(revise.revise(callers.access(), dealId(dealId), expected,
                details -> patched(details, patch)));
    }

    @DELETE
    @Path("{dealId}")
    @Operation(operationId = "deleteDeal", summary = "Delete a deal",
            description = "Leaves a tombstone of its external reference, so a later partner push of the same id does not silently bring it back.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such workspace or deal")
    @APIResponse(responseCode = "409", description = "Other records cite the deal")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response delete(@PathParam("workspaceId") String workspaceId,
                           @PathParam("dealId") String dealId,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = IF_MATCH_MAX)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        delete.delete(callers.access(), dealId(dealId), ETags.requireIfMatch(ifMatch));
        return Response.noContent().build();
    }

    @POST
    @Path("{dealId}/close")
    @Operation(operationId = "closeDeal", summary = "Close a deal as WON, LOST or NO_DECISION",
            description = "A LOST close carries its loss analysis in the same request.")
    @APIResponse(responseCode = "200", description = "The closed deal, with its new ETag",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = ETAG_MAX)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace or deal")
    @APIResponse(responseCode = "409", description = "The deal is already closed (deal.already-closed)")
    @APIResponse(responseCode = "422", description = "A loss rule is broken (loss-analysis.*, outcome.*) or an id does not resolve (reference.not-found)")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response close(@PathParam("workspaceId") String workspaceId,
                          @PathParam("dealId") String dealId,
                          @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = IF_MATCH_MAX)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                          @Valid @NotNull CloseDealRequest body) {
        long expected = ETags.requireIfMatch(ifMatch);
        return withETag(close.close(new CloseDealUseCase.CloseDealCommand(callers.access(), dealId(dealId),
                expected, body.outcome(), body.closedOn(),
                body.lossAnalysis() == null ? null : body.lossAnalysis().toDraft())));
    }

    @POST
    @Path("{dealId}/reopen")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "reopenDeal", summary = "Reopen a closed deal",
            description = "The deal becomes OPEN; its loss analysis moves to the outcome history.")
    @APIResponse(responseCode = "200", description = "The reopened deal, with its new ETag",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = ETAG_MAX)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DealResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or deal")
    @APIResponse(responseCode = "409", description = "The deal is open (deal.not-closed)")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response reopen(@PathParam("workspaceId") String workspaceId,
                           @PathParam("dealId") String dealId,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = IF_MATCH_MAX)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        long expected = ETags.requireIfMatch(ifMatch);
        return withETag(reopen.reopen(callers.access(), dealId(dealId), expected));
    }

    @GET
    @Path("{dealId}/outcome-history")
    @Operation(operationId = "getOutcomeHistory", summary = "Closes and reopens of a deal, oldest first, with the analyses of LOST closes",
            description = "Every close (CLOSED, with the outcome and its date) and reopen (REOPENED) of the deal, oldest first, in pages of "
                    + "up to 100; a LOST close carries its loss analysis as it last stood. Partner pushes that change the outcome are in it too.")
    @APIResponse(responseCode = "200", description = "A page of the history")
    @APIResponse(responseCode = "400", description = "A bad limit or cursor (page.limit-out-of-range, cursor.invalid, query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace or deal")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public OutcomeHistoryResponse history(@PathParam("workspaceId") String workspaceId,
                                          @PathParam("dealId") String dealId,
                                          @Parameter(description = "Page size, 1 to 100 (default 100)", schema = @Schema(type = SchemaType.INTEGER,
                                                  format = "int32", minimum = "1", maximum = "100", defaultValue = "100"))
                                          @QueryParam("limit") String limit,
                                          @Parameter(description = "The nextCursor of the previous page",
                                                  schema = @Schema(type = SchemaType.STRING, maxLength = OutcomeHistoryResponse.MAX_CURSOR))
                                          @QueryParam("cursor") String cursor) {
        int pageSize = limit == null ? DealQueries.MAX_HISTORY_PAGE : QueryParams.parse(limit, "limit", Integer::valueOf);
        return OutcomeHistoryResponse.from(queries.outcomeHistory(PathIds.workspace(workspaceId), dealId(dealId), cursor, pageSize));
    }

    @GET
    @Path("{dealId}/loss-analysis")
    @Operation(operationId = "getLossAnalysis", summary = "Get the current loss analysis of a LOST deal",
            description = "The analysis of the deal's current LOST close; earlier ones are in the outcome history. The ETag is the "
                    + "deal's version, which amending the analysis needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The analysis; ETag is the deal's version",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = ETAG_MAX)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LossAnalysisResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or deal, or the deal is not LOST (loss-analysis.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public Response lossAnalysis(@PathParam("workspaceId") String workspaceId,
                                 @PathParam("dealId") String dealId) {
        Deal deal = queries.lostDeal(PathIds.workspace(workspaceId), dealId(dealId));
        return Response.ok(LossAnalysisResponse.from(deal.lossAnalysis())).tag(ETags.of(deal.version())).build();
    }

    @PUT
    @Path("{dealId}/loss-analysis")
    @Operation(operationId = "amendLossAnalysis", summary = "Amend the loss analysis of a LOST deal",
            description = "Replaces the analysis as a whole. Reasons and a stage it already holds stay valid even if archived since.")
    @APIResponse(responseCode = "200", description = "The amended analysis; ETag is the deal's new version",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = ETAG_MAX)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LossAnalysisResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace or deal")
    @APIResponse(responseCode = "409", description = "The deal is not LOST (deal.not-lost)")
    @APIResponse(responseCode = "422", description = "A loss rule is broken or an id does not resolve")
    @Extension(name = "x-relation", value = "owner")
    @Extension(name = "x-right", value = "WRITE_DEALS")
    @Requires(Right.WRITE_DEALS)
    public Response amendLossAnalysis(@PathParam("workspaceId") String workspaceId,
                                      @PathParam("dealId") String dealId,
                                      @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = IF_MATCH_MAX)) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                                      @Valid @NotNull LossAnalysisRequest body) {
        long expected = ETags.requireIfMatch(ifMatch);
        Deal deal = amend.amend(callers.access(), dealId(dealId), expected, body.toDraft());
        return Response.ok(LossAnalysisResponse.from(deal.lossAnalysis())).tag(ETags.of(deal.version())).build();
    }

    private Response withETag(Deal deal) {
        return withETag(deal, winBacks(deal));
    }

    private static Response withETag(Deal deal, List<DealId> winBacks) {
        return Response.ok(DealResponse.from(deal, winBacks)).tag(ETags.of(deal.version())).build();
    }

    /** The deal with the win-backs opened from it. */
    private DealResponse response(Deal deal) {
        return DealResponse.from(deal, winBacks(deal));
    }

    private List<DealId> winBacks(Deal deal) {
        return queries.winBacks(deal.workspaceId(), List.of(deal.id())).getOrDefault(deal.id(), List.of());
    }

    private JsonNode readPatch(String body) {
        return MergePatch.read(json, body);
    }

    private DealDetails patched(DealDetails current, JsonNode patch) {
        return MergePatch.patched(json, validator, DealRequest.from(current), patch, DealRequest.class).toDetails();
    }

    private static DealId dealId(String text) {
        return new DealId(PathIds.uuid(text, "deal.not-found", "deal"));
    }
}
