package dev.debrief.adapter.rest.taxonomy;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.adapter.rest.shared.PathIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import dev.debrief.application.port.in.taxonomy.AddLossReasonUseCase;
import dev.debrief.application.port.in.taxonomy.ChangeLossReasonUseCase;
import dev.debrief.application.port.in.taxonomy.LossReasonQueries;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.domain.access.Right;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path(Api.WORKSPACE + "/loss-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Loss reasons", description = "The workspace's loss-reason taxonomy")
@IdempotentPosts
public class LossReasonResource {

    private final AddLossReasonUseCase add;
    private final ChangeLossReasonUseCase change;
    private final LossReasonQueries queries;
    private final Callers callers;
    private final ObjectMapper json;
    private final Validator validator;

    @Inject
    public LossReasonResource(AddLossReasonUseCase add, ChangeLossReasonUseCase change, LossReasonQueries queries,
                              Callers callers, ObjectMapper json, Validator validator) {
        this.callers = callers;
        this.json = json;
        this.validator = validator;
        this.add = add;
        this.change = change;
        this.queries = queries;
    }

    @GET
    @Operation(operationId = "listLossReasons", summary = "List the taxonomy, by category then name",
            description = "The whole taxonomy in one answer, never paged: a workspace has at most 100 reasons, archived ones included. "
                    + "Archived reasons only with includeArchived=true.")
    @APIResponse(responseCode = "200", description = "The reasons")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public LossReasonResponse.ListResponse list(
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "Include archived reasons") @QueryParam("includeArchived") @DefaultValue("false") boolean includeArchived) {
        return new LossReasonResponse.ListResponse(queries.list(PathIds.workspace(workspaceId), includeArchived).stream()
                .map(LossReasonResponse::from).toList());
    }

    @POST
    @Operation(operationId = "addLossReason", summary = "Add a loss reason",
            description = "Its code is derived from the name when not given, and never changes. A workspace has at most 100 reasons, "
                    + "archived ones included (409 loss-reason.limit-reached): archive and rename rather than add.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LossReasonResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "409", description = "The code or name is taken (loss-reason.code-taken, loss-reason.name-taken), or the workspace has 100 reasons (loss-reason.limit-reached)")
    @APIResponse(responseCode = "422", description = "The code is not UPPER_SNAKE_CASE")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Response add(@PathParam("workspaceId") String workspaceId,
                        @Valid @NotNull LossReasonRequest body, @Context UriInfo uri) {
        LossReasonResponse created = LossReasonResponse.from(add.add(new AddLossReasonUseCase.AddLossReasonCommand(
                callers.access(), body.code(), body.name(), body.category(), body.defaultControllability())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PATCH
    @Path("{reasonId}")
    @Consumes({Api.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "changeLossReason", summary = "Rename, recategorise, archive or restore a loss reason",
            description = "A JSON merge patch (RFC 7396): send only what changes. Nothing can be cleared (null is 400 body.not-clearable); "
                    + "the code never changes and can't be sent. Analyses that chose the reason keep it, archived or not.")
    @RequestBody(content = {
            @Content(mediaType = Api.MERGE_PATCH, schema = @Schema(implementation = LossReasonPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LossReasonPatch.class))})
    @APIResponse(responseCode = "200", description = "The changed reason",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LossReasonResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, invalid fields, or null for a property (body.not-clearable); the code can't be sent: it never changes")
    @APIResponse(responseCode = "404", description = "No such workspace or reason")
    @APIResponse(responseCode = "409", description = "The name is taken")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public LossReasonResponse change(@PathParam("workspaceId") String workspaceId,
                                     @PathParam("reasonId") String reasonId, String patch) {
        LossReasonId id = new LossReasonId(PathIds.uuid(reasonId, "loss-reason.not-found", "loss reason"));
        LossReasonPatch body = MergePatch.typed(json, validator, MergePatch.read(json, patch), LossReasonPatch.class);
        return LossReasonResponse.from(change.change(new ChangeLossReasonUseCase.ChangeLossReasonCommand(
                callers.access(), id, body.name(), body.category(), body.defaultControllability(),
                body.archived())));
    }
}
