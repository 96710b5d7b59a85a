package dev.debrief.adapter.rest.vocabulary;

import dev.debrief.adapter.rest.shared.IdempotentPosts;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.MergePatch;
import dev.debrief.adapter.rest.shared.PathIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Validator;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import dev.debrief.application.port.in.vocabulary.AddVocabularyEntryUseCase;
import dev.debrief.application.port.in.vocabulary.ChangeVocabularyEntryUseCase;
import dev.debrief.application.port.in.vocabulary.ReorderStagesUseCase;
import dev.debrief.application.port.in.vocabulary.VocabularyQueries;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.vocabulary.VocabularyKind;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Pipeline stages, segments, buyer personas, lead sources and teams: one mechanism for all five. */
@Authenticated
@Path(Api.WORKSPACE + "/vocabularies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Vocabularies", description = "The workspace's own pipeline stages, segments, personas, lead sources and teams")
@IdempotentPosts
public class VocabularyResource {

    private final AddVocabularyEntryUseCase add;
    private final ChangeVocabularyEntryUseCase change;
    private final ReorderStagesUseCase reorder;
    private final VocabularyQueries queries;
    private final Callers callers;
    private final ObjectMapper json;
    private final Validator validator;

    @Inject
    public VocabularyResource(AddVocabularyEntryUseCase add, ChangeVocabularyEntryUseCase change,
                              ReorderStagesUseCase reorder, VocabularyQueries queries, Callers callers, ObjectMapper json,
                              Validator validator) {
        this.callers = callers;
        this.json = json;
        this.validator = validator;
        this.add = add;
        this.change = change;
        this.reorder = reorder;
        this.queries = queries;
    }

    @GET
    @Path("{vocabulary}")
    @Operation(operationId = "listVocabularyEntries", summary = "List a vocabulary's entries, by position then name",
            description = "The whole vocabulary in one answer, never paged: it holds at most 200 entries, archived ones included. "
                    + "Archived entries only with includeArchived=true.")
    @APIResponse(responseCode = "200", description = "The entries")
    @APIResponse(responseCode = "404", description = "No such workspace or vocabulary")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public VocabularyEntryResponse.ListResponse list(
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "Which vocabulary", schema = @Schema(type = SchemaType.STRING, enumeration = {"stages", "segments", "personas", "lead-sources", "teams"}))
            @PathParam("vocabulary") String vocabulary,
            @Parameter(description = "Include archived entries") @QueryParam("includeArchived") @DefaultValue("false") boolean includeArchived) {
        return new VocabularyEntryResponse.ListResponse(queries.list(PathIds.workspace(workspaceId), kind(vocabulary), includeArchived)
                .stream().map(VocabularyEntryResponse::from).toList());
    }

    @POST
    @Path("{vocabulary}")
    @Operation(operationId = "addVocabularyEntry", summary = "Add an entry at the end of a vocabulary",
            description = "Its code is derived from the name when not given, and never changes. A vocabulary holds at most 200 entries, "
                    + "archived ones included (409 vocabulary.limit-reached): archive and rename rather than add.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VocabularyEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace or vocabulary")
    @APIResponse(responseCode = "409", description = "The code or name is taken in this vocabulary (vocabulary.code-taken, vocabulary.name-taken), or it holds 200 entries (vocabulary.limit-reached)")
    @APIResponse(responseCode = "422", description = "The code is not UPPER_SNAKE_CASE")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Response add(
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "Which vocabulary", schema = @Schema(type = SchemaType.STRING, enumeration = {"stages", "segments", "personas", "lead-sources", "teams"}))
            @PathParam("vocabulary") String vocabulary,
            @Valid @NotNull VocabularyEntryRequest body, @Context UriInfo uri) {
        VocabularyEntryResponse created = VocabularyEntryResponse.from(
                add.add(callers.access(), kind(vocabulary), body.code(), body.name()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PATCH
    @Path("{vocabulary}/{entryId}")
    @Consumes({Api.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "changeVocabularyEntry", summary = "Rename, archive or restore an entry",
            description = "A JSON merge patch (RFC 7396): send only what changes. Nothing can be cleared (null is 400 body.not-clearable); "
                    + "the code never changes. Deals that use the entry keep it, archived or not.")
    @RequestBody(content = {
            @Content(mediaType = Api.MERGE_PATCH, schema = @Schema(implementation = VocabularyEntryPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VocabularyEntryPatch.class))})
    @APIResponse(responseCode = "200", description = "The changed entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VocabularyEntryResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, invalid fields, or null for a property (body.not-clearable)")
    @APIResponse(responseCode = "404", description = "No such workspace, vocabulary or entry")
    @APIResponse(responseCode = "409", description = "The name is taken in this vocabulary")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public VocabularyEntryResponse change(
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "Which vocabulary", schema = @Schema(type = SchemaType.STRING, enumeration = {"stages", "segments", "personas", "lead-sources", "teams"}))
            @PathParam("vocabulary") String vocabulary,
            @PathParam("entryId") String entryId, String patch) {
        VocabularyKind kind = kind(vocabulary);
        VocabularyEntryPatch body = MergePatch.typed(json, validator, MergePatch.read(json, patch), VocabularyEntryPatch.class);
        VocabularyEntryId id = new VocabularyEntryId(PathIds.uuid(entryId, "vocabulary.entry-not-found", kind.label()));
        return VocabularyEntryResponse.from(change.change(callers.access(), kind, id, body.name(), body.archived()));
    }

    @PUT
    @Path("stages/order")
    @Operation(operationId = "reorderStages", summary = "Put the pipeline stages in a new order",
            description = "The order lists every pipeline stage of the workspace, archived ones too, exactly once (422 vocabulary.order-incomplete). "
                    + "Answers the stages in their new order.")
    @APIResponse(responseCode = "200", description = "The stages in their new order")
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "The order does not list every stage exactly once")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public VocabularyEntryResponse.ListResponse reorder(
            @PathParam("workspaceId") String workspaceId,
            @Valid @NotNull StageOrderRequest body) {
        List<VocabularyEntryId> order = body.order().stream().map(VocabularyEntryId::new).toList();
        return new VocabularyEntryResponse.ListResponse(reorder.reorder(callers.access(), order)
                .stream().map(VocabularyEntryResponse::from).toList());
    }

    private static VocabularyKind kind(String pathName) {
        VocabularyKind kind = VocabularyKind.fromPathName(pathName);
        if (kind == null) {
            throw new NotFound("vocabulary.not-found",
                    "There is no vocabulary '" + pathName + "': use stages, segments, personas, lead-sources or teams");
        }
        return kind;
    }
}
