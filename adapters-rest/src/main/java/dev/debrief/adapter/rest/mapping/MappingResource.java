package dev.debrief.adapter.rest.mapping;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.mapping.MappingsUseCase;
import dev.debrief.application.port.in.mapping.ReclassifyUseCase;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.shared.InvalidInput;
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
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;


/**
 * What partner text means in Debrief, one kind per collection ({@code mappings/reason},
 * {@code mappings/stage}, …, {@code mappings/owner}), and the partner values still unmapped.
 */
@Authenticated
@Path(Api.WORKSPACE + "/mappings/{kind: reason|stage|segment|persona|lead-source|team|owner}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Mappings and triage", description = "Partner text mapped onto Debrief's reasons, vocabularies and members; what still waits for triage")
@IdempotentPosts
public class MappingResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    /** The most mappings a workspace holds of one kind (dev.debrief.domain.mapping.PartnerMapping.MAX_PER_KIND). */
    static final int MAX_MAPPINGS = dev.debrief.domain.mapping.PartnerMapping.MAX_PER_KIND;

    private static final String KIND = "reason, stage, segment, persona, lead-source, team or owner";

    private final MappingsUseCase mappings;
    private final ReclassifyUseCase reclassify;
    private final Callers callers;

    @Inject
    public MappingResource(MappingsUseCase mappings, ReclassifyUseCase reclassify, Callers callers) {
        this.mappings = mappings;
        this.reclassify = reclassify;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "listMappings", summary = "List the mappings of one kind",
            description = "Every mapping of the kind (a workspace holds at most 1,000 of a kind), by source and partner value; "
                    + "source narrows them to one partner system.")
    @APIResponse(responseCode = "200", description = "The mappings, by source and partner value",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MappingResponse.ListResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public MappingResponse.ListResponse list(@PathParam("workspaceId") String workspaceId,
                                             @PathParam("kind") @Parameter(description = KIND, schema = @Schema(implementation = MappingKindSchema.class))
                                             String kind,
                                             @Parameter(description = "Only this partner system", schema = @Schema(type = SchemaType.STRING, maxLength = 50))
                                             @QueryParam("source") String source) {
        return new MappingResponse.ListResponse(mappings.list(PathIds.workspace(workspaceId), MappingKind.ofSlug(kind), source)
                .stream().map(MappingResponse::from).toList());
    }

    @POST
    @Operation(operationId = "setMapping", summary = "Set what a partner value means, and re-classify the deals waiting on it",
            description = "Creates the mapping, or replaces the target of the one with the same source and partner value (trimmed, case-insensitive). "
                    + "Then the deals of that source waiting on the value get it: an empty owner, stage, segment, persona, lead source or team is filled, "
                    + "a PENDING_TRIAGE analysis whose partner text it names gets the reason (and becomes COMPLETE when the loss rules hold). "
                    + "Values a member set by hand are never changed. Re-classification runs in batches that commit one by one; setting the same mapping again changes nothing.")
    @APIResponse(responseCode = "201", description = "Created, with the number of deals re-classified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MappingResponse.Applied.class)))
    @APIResponse(responseCode = "200", description = "Replaced an existing mapping's target, with the number of deals re-classified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MappingResponse.Applied.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "409", description = "The workspace already holds 1,000 mappings of this kind and the value is a new one (mapping.limit-reached)")
    @APIResponse(responseCode = "422", description = "The target is not a reason, entry of the kind's vocabulary or member of this workspace (reference.not-found), or is archived or removed")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Response set(@PathParam("workspaceId") String workspaceId,
                        @PathParam("kind") @Parameter(description = KIND, schema = @Schema(implementation = MappingKindSchema.class)) String kind,
                        @Valid @NotNull MappingRequest body, @Context UriInfo uri) {
        MappingsUseCase.SetResult result = mappings.set(callers.access(), MappingKind.ofSlug(kind), body.source(),
                body.partnerValue(), body.targetId());
        int reclassified = reclassify.reclassify(callers.access(), result.mapping());
        MappingResponse.Applied applied = MappingResponse.Applied.from(result.mapping(), reclassified);
        return (result.created() ? Response.created(uri.getAbsolutePathBuilder().path(result.mapping().id().toString()).build())
                : Response.ok()).entity(applied).build();
    }

    @DELETE
    @Path("{mappingId}")
    @Operation(operationId = "deleteMapping", summary = "Delete a mapping",
            description = "Later pushes no longer resolve the value; deals it already re-classified keep their values.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such workspace or mapping (mapping.not-found)")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Response delete(@PathParam("workspaceId") String workspaceId,
                           @PathParam("kind") @Parameter(description = KIND, schema = @Schema(implementation = MappingKindSchema.class)) String kind,
                           @PathParam("mappingId") String mappingId) {
        mappings.delete(callers.access(), MappingKind.ofSlug(kind), PathIds.uuid(mappingId, "mapping.not-found", "mapping"));
        return Response.noContent().build();
    }

    @GET
    @Path("unmapped")
    @Operation(operationId = "listUnmappedValues", summary = "Partner values of this kind that match nothing yet, most deals first",
            description = "For reason: the partner reason texts of PENDING_TRIAGE analyses; for the others: owner emails and vocabulary values left empty on deals.")
    @APIResponse(responseCode = "200", description = "Each value with its source, how many deals wait on it and a few of them",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MappingResponse.UnmappedList.class)))
    @APIResponse(responseCode = "400", description = "A bad limit (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public MappingResponse.UnmappedList unmapped(@PathParam("workspaceId") String workspaceId,
                                                 @PathParam("kind") @Parameter(description = KIND, schema = @Schema(implementation = MappingKindSchema.class))
                                                 String kind,
                                                 @Parameter(description = "Only this partner system", schema = @Schema(type = SchemaType.STRING, maxLength = 50))
                                                 @QueryParam("source") String source,
                                                 @Parameter(description = "How many values, 1 to 500 (default 50)", schema = @Schema(type = SchemaType.INTEGER,
                                                         format = "int32", minimum = "1", maximum = "500", defaultValue = "50"))
                                                 @QueryParam("limit") String limit) {
        int size = limit == null ? DEFAULT_LIMIT : QueryParams.parse(limit, "limit", Integer::valueOf);
        if (size < 1 || size > MAX_LIMIT) {
            throw new InvalidInput("query.invalid", "limit must be between 1 and 500", "limit");
        }
        return new MappingResponse.UnmappedList(mappings.unmapped(PathIds.workspace(workspaceId), MappingKind.ofSlug(kind),
                source, size).stream().map(MappingResponse.UnmappedResponse::from).toList());
    }
}
