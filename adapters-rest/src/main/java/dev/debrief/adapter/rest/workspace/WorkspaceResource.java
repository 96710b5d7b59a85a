package dev.debrief.adapter.rest.workspace;

import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.application.port.in.workspace.CreateWorkspaceUseCase;
import dev.debrief.application.port.in.workspace.UpdateWorkspaceUseCase;
import dev.debrief.application.port.in.workspace.WorkspaceQueries;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.PeopleOnly;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.domain.access.Right;
import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Authenticated
@Path(Api.ROOT + "/workspaces")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workspaces", description = "A sales organisation's private space; everything else lives in one")
public class WorkspaceResource {

    private final CreateWorkspaceUseCase create;
    private final UpdateWorkspaceUseCase update;
    private final WorkspaceQueries queries;
    private final Callers callers;

    @Inject
    public WorkspaceResource(CreateWorkspaceUseCase create, UpdateWorkspaceUseCase update, WorkspaceQueries queries,
                             Callers callers) {
        this.create = create;
        this.update = update;
        this.queries = queries;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "createWorkspace", summary = "Create a workspace",
            description = "Seeded with the default pipeline stages and loss-reason taxonomy; the caller becomes its first ADMIN. "
                    + "People only: an API key gets 403.")
    @APIResponse(responseCode = "403", description = "API keys can't create workspaces; with DEBRIEF_BOOTSTRAP_ADMIN_EMAIL set, only that person can")
    @APIResponse(responseCode = "201", description = "Created; Location names the new workspace; the caller is its first ADMIN",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WorkspaceResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "422", description = "Unknown time zone or currency (workspace.time-zone-invalid)")
    @Extension(name = "x-right", value = "PERSON")
    @PeopleOnly
    public Response create(@Valid @NotNull WorkspaceRequest body, @Context UriInfo uri) {
        WorkspaceResponse created = WorkspaceResponse.from(create.create(
                new CreateWorkspaceUseCase.CreateWorkspaceCommand(body.name(), body.timeZone(), body.defaultCurrency(),
                        callers.person(), body.checkInRatio(), body.checkInAssumedTermMonths())));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("{workspaceId}")
    @Operation(operationId = "getWorkspace", summary = "Get a workspace",
            description = "Its name, time zone, default currency and check-in settings. Any member, or a key of this workspace.")
    @APIResponse(responseCode = "200", description = "The workspace")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public WorkspaceResponse get(@PathParam("workspaceId") String workspaceId) {
        return WorkspaceResponse.from(queries.get(PathIds.workspace(workspaceId)));
    }

    @PUT
    @Path("{workspaceId}")
    @Operation(operationId = "updateWorkspace", summary = "Update a workspace's name, time zone, default currency and check-in settings",
            description = "The check-in settings are optional: absent, they stay as they are.")
    @APIResponse(responseCode = "200", description = "The updated workspace")
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "Unknown time zone or currency")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public WorkspaceResponse update(@PathParam("workspaceId") String workspaceId,
                                    @Valid @NotNull WorkspaceRequest body) {
        return WorkspaceResponse.from(update.update(new UpdateWorkspaceUseCase.UpdateWorkspaceCommand(
                callers.access(), body.name(), body.timeZone(), body.defaultCurrency(), body.checkInRatio(),
                body.checkInAssumedTermMonths())));
    }
}
