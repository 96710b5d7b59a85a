package dev.debrief.adapter.rest.lesson;

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
import dev.debrief.application.port.in.lesson.LessonQueries;
import dev.debrief.application.port.in.lesson.LessonQueries.LessonFilter;
import dev.debrief.application.port.in.lesson.LessonsUseCase;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.lesson.Lesson;
import dev.debrief.domain.lesson.LessonStatus;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.taxonomy.ReasonCategory;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Lessons: things to do, learned from lost deals, adopted by the team and endorsed by its members. */
@Authenticated
@Path(Api.WORKSPACE + "/lessons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lessons", description = "Lessons phrased as things to do, their lifecycle and endorsements")
@IdempotentPosts
public class LessonResource {

    static final int DEFAULT_LIMIT = 25;
    /** The longest cursor this list issues: kind, fingerprint, endorsements, an instant and an id, base64url. */
    static final int CURSOR_MAX_LENGTH = 200;

    private final LessonsUseCase lessons;
    private final LessonQueries queries;
    private final ObjectMapper json;
    private final Validator validator;
    private final Callers callers;

    @Inject
    public LessonResource(LessonsUseCase lessons, LessonQueries queries, ObjectMapper json, Validator validator,
                          Callers callers) {
        this.lessons = lessons;
        this.queries = queries;
        this.json = json;
        this.validator = validator;
        this.callers = callers;
    }

    @POST
    @Operation(operationId = "proposeLesson", summary = "Propose a lesson", description = "A new lesson is PROPOSED.")
    @APIResponse(responseCode = "201", description = "Proposed; Location names it, ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The lesson's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body or invalid fields")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "422", description = "A statement phrased as a prohibition (phrasing.prohibition), or a deal or vocabulary entry that isn't this workspace's (reference.not-found)")
    @Extension(name = "x-right", value = "WRITE_LESSONS")
    @Requires(Right.WRITE_LESSONS)
    public Response propose(@PathParam("workspaceId") String workspaceId, @Valid @NotNull LessonRequest body,
                            @Context UriInfo uri) {
        Lesson lesson = lessons.propose(callers.access(), body.toDraft());
        return Response.created(uri.getAbsolutePathBuilder().path(lesson.id().toString()).build())
                .tag(ETags.of(lesson.version())).entity(LessonResponse.from(lesson)).build();
    }

    @GET
    @Operation(operationId = "listLessons", summary = "List and search lessons, one keyset page at a time",
            description = "Filters combine; a scope filter matches lessons whose scope for it is empty (everywhere) or holds the value. "
                    + "Sorted by most endorsed or newest first; a cursor is valid only with the filters and sort it was made with (cursor.mismatch).")
    @APIResponse(responseCode = "200", description = "A page of lessons")
    @APIResponse(responseCode = "400", description = "A bad filter, sort, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public LessonResponse.Page list(
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "PROPOSED, ADOPTED or RETIRED", schema = @Schema(implementation = LessonStatus.class))
            @QueryParam("status") String status,
            @Parameter(description = "A reason category it addresses", schema = @Schema(implementation = ReasonCategory.class))
            @QueryParam("category") String category,
            @Parameter(description = "Lessons that apply in this segment (their segment scope is empty or holds it)") @QueryParam("segmentId") String segmentId,
            @Parameter(description = "Lessons that apply at this stage") @QueryParam("stageId") String stageId,
            @Parameter(description = "Lessons that apply to this persona") @QueryParam("personaId") String personaId,
            @Parameter(description = "Lessons that came from this deal") @QueryParam("dealId") String dealId,
            @Parameter(description = "Text in the statement or rationale, case-insensitive",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 200)) @QueryParam("q") String q,
            @Parameter(description = "-endorsements (most first) or -createdAt (newest first)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"-endorsements", "-createdAt"}, defaultValue = "-createdAt")) @QueryParam("sort") String sort,
            @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                    maximum = "100", defaultValue = "25")) @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page", schema = @Schema(type = SchemaType.STRING,
                    maxLength = CURSOR_MAX_LENGTH)) @QueryParam("cursor") String cursor) {
        if (sort != null && !sort.equals("-endorsements") && !sort.equals("-createdAt")) {
            throw new InvalidInput("query.invalid", "sort is -endorsements or -createdAt", "sort");
        }
        if (q != null && q.length() > 200) {
            throw new InvalidInput("query.invalid", "q must be at most 200 characters", "q");
        }
        LessonFilter filter = new LessonFilter(
                QueryParams.parse(status, "status", LessonStatus::valueOf),
                QueryParams.parse(category, "category", ReasonCategory::valueOf),
                entry(segmentId, "segmentId"), entry(stageId, "stageId"), entry(personaId, "personaId"),
                dealId == null ? null : new DealId(QueryParams.parse(dealId, "dealId", UUID::fromString)),
                q == null || q.isBlank() ? null : q.strip());
        int size = limit == null ? DEFAULT_LIMIT : QueryParams.parse(limit, "limit", Integer::valueOf);
        LessonQueries.LessonPage page = queries.list(PathIds.workspace(workspaceId), filter,
                "-endorsements".equals(sort), cursor, size);
        return new LessonResponse.Page(page.items().stream().map(LessonResponse::from).toList(), page.nextCursor());
    }

    private static VocabularyEntryId entry(String text, String name) {
        return text == null ? null : new VocabularyEntryId(QueryParams.parse(text, name, UUID::fromString));
    }

    @GET
    @Path("{lessonId}")
    @Operation(operationId = "getLesson", summary = "Get a lesson",
            description = "What it says, where it applies, its status and endorsement count; its ETag is the version a write sends in If-Match.")
    @APIResponse(responseCode = "200", description = "The lesson; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The lesson's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or lesson (lesson.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public Response get(@PathParam("workspaceId") String workspaceId, @PathParam("lessonId") String lessonId) {
        return withETag(queries.get(PathIds.workspace(workspaceId), id(lessonId)));
    }

    @PATCH
    @Path("{lessonId}")
    @Consumes({Api.MERGE_PATCH, MediaType.APPLICATION_JSON})
    @Operation(operationId = "reviseLesson", summary = "Change a lesson with a JSON merge patch (RFC 7396)",
            description = "Send only what changes, with If-Match; null clears the rationale, the categories and a scope list, "
                    + "and is 400 body.not-clearable for the statement and the source deals. A changed statement keeps the earlier one "
                    + "in the lesson's history, at most 100 of them (409 lesson.history-limit-reached).")
    @RequestBody(content = {
            @Content(mediaType = Api.MERGE_PATCH, schema = @Schema(implementation = LessonPatch.class)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonPatch.class))})
    @APIResponse(responseCode = "200", description = "The changed lesson; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The lesson's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed patch, invalid fields, or null for the statement or the source deals (body.not-clearable)")
    @APIResponse(responseCode = "404", description = "No such workspace or lesson (lesson.not-found)")
    @APIResponse(responseCode = "409", description = "The statement was changed 100 times already (lesson.history-limit-reached)")
    @APIResponse(responseCode = "422", description = "A statement phrased as a prohibition (phrasing.prohibition), or an unknown deal or entry")
    @Extension(name = "x-right", value = "MANAGE_LESSONS")
    @Requires(Right.MANAGE_LESSONS)
    public Response revise(@PathParam("workspaceId") String workspaceId, @PathParam("lessonId") String lessonId,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ETags.IF_MATCH_MAX_LENGTH))
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, String body) {
        long version = ETags.requireIfMatch(ifMatch);
        JsonNode patch = MergePatch.read(json, body);
        MergePatch.refuseNulls(patch, LessonPatch.class);
        return withETag(lessons.revise(callers.access(), id(lessonId), version,
                draft -> MergePatch.patched(json, validator, LessonPatch.from(draft), patch, LessonPatch.class).toDraft()));
    }

    @POST
    @Path("{lessonId}/adopt")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "adoptLesson", summary = "Adopt a PROPOSED or RETIRED lesson",
            description = "An adopted lesson shows in action plans and briefs of the deals it applies to. Needs If-Match; no body.")
    @APIResponse(responseCode = "200", description = "The ADOPTED lesson; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The lesson's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or lesson (lesson.not-found)")
    @APIResponse(responseCode = "409", description = "The lesson is already ADOPTED (lesson.invalid-transition)")
    @Extension(name = "x-right", value = "MANAGE_LESSONS")
    @Requires(Right.MANAGE_LESSONS)
    public Response adopt(@PathParam("workspaceId") String workspaceId, @PathParam("lessonId") String lessonId,
                          @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ETags.IF_MATCH_MAX_LENGTH))
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(lessons.adopt(callers.access(), id(lessonId), ETags.requireIfMatch(ifMatch)));
    }

    @POST
    @Path("{lessonId}/retire")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "retireLesson", summary = "Retire an ADOPTED lesson",
            description = "A retired lesson leaves action plans and briefs and can be adopted again. Needs If-Match; no body.")
    @APIResponse(responseCode = "200", description = "The RETIRED lesson; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The lesson's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or lesson (lesson.not-found)")
    @APIResponse(responseCode = "409", description = "Only an ADOPTED lesson can be retired (lesson.invalid-transition)")
    @Extension(name = "x-right", value = "MANAGE_LESSONS")
    @Requires(Right.MANAGE_LESSONS)
    public Response retire(@PathParam("workspaceId") String workspaceId, @PathParam("lessonId") String lessonId,
                           @Parameter(schema = @Schema(type = SchemaType.STRING, maxLength = ETags.IF_MATCH_MAX_LENGTH))
                          @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withETag(lessons.retire(callers.access(), id(lessonId), ETags.requireIfMatch(ifMatch)));
    }

    @GET
    @Path("{lessonId}/history")
    @Operation(operationId = "getLessonHistory", summary = "The lesson's earlier statements, oldest first",
            description = "Every statement the lesson had before its current one, with when it was replaced; at most 100, never paged.")
    @APIResponse(responseCode = "200", description = "Its history",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.History.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or lesson (lesson.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public LessonResponse.History history(@PathParam("workspaceId") String workspaceId, @PathParam("lessonId") String lessonId) {
        return new LessonResponse.History(queries.history(PathIds.workspace(workspaceId), id(lessonId)).stream()
                .map(LessonResponse.Change::from).toList());
    }

    @PUT
    @Path("{lessonId}/endorsement")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "endorseLesson", summary = "Endorse the lesson as the calling member",
            description = "Idempotent: each member endorses a lesson at most once, also when two requests arrive at once.")
    @APIResponse(responseCode = "200", description = "The lesson with its endorsement count; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The lesson's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or lesson (lesson.not-found)")
    @Extension(name = "x-right", value = "ENDORSE")
    @Requires(Right.ENDORSE)
    public Response endorse(@PathParam("workspaceId") String workspaceId, @PathParam("lessonId") String lessonId) {
        return withETag(lessons.endorse(callers.access(), id(lessonId)));
    }

    @DELETE
    @Path("{lessonId}/endorsement")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "withdrawLessonEndorsement", summary = "Withdraw the calling member's endorsement",
            description = "Idempotent: withdrawing an endorsement the member never gave changes nothing and answers the lesson. Members only: an API key gets 403.")
    @APIResponse(responseCode = "200", description = "The lesson with its endorsement count; ETag is its version",
            headers = @Header(name = HttpHeaders.ETAG, description = "The lesson's version: send it in If-Match to write",
                    schema = @Schema(type = SchemaType.STRING, maxLength = ETags.MAX_LENGTH, pattern = ETags.PATTERN)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LessonResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or lesson (lesson.not-found)")
    @Extension(name = "x-right", value = "ENDORSE")
    @Requires(Right.ENDORSE)
    public Response withdraw(@PathParam("workspaceId") String workspaceId, @PathParam("lessonId") String lessonId) {
        return withETag(lessons.withdraw(callers.access(), id(lessonId)));
    }

    private static Response withETag(Lesson lesson) {
        return Response.ok(LessonResponse.from(lesson)).tag(ETags.of(lesson.version())).build();
    }

    private static UUID id(String text) {
        return PathIds.uuid(text, "lesson.not-found", "lesson");
    }
}
