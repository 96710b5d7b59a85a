package dev.debrief.adapter.rest.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.BodySizeLimit;
import dev.debrief.adapter.rest.shared.IdempotencyKeys;
import dev.debrief.adapter.rest.shared.IdempotentResponses;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.Problems;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.imports.ImportQueries;
import dev.debrief.application.port.in.imports.StartImportUseCase;
import dev.debrief.application.port.in.imports.StartImportUseCase.StartImportCommand;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.imports.ImportId;
import dev.debrief.domain.imports.ImportRejection;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * CSV imports: the upload is received, checked, stored and queued as a job (202), which a runner imports in
 * batches; its progress and rejected rows are read here.
 *
 * <p>The body arrives as an {@link InputStream} on a worker thread (Quarkus REST hands a blocking method with an
 * {@code InputStream} parameter the body as it streams in, once it is larger than its 10 KB input buffer;
 * {@link BodySizeLimit} leaves the import path unbuffered). {@link ImportUploads} copies it into a spool file
 * (caps, idle and upload timeouts, the import size limit) before the use case takes a database connection.
 */
@Authenticated
@Path(Api.WORKSPACE + "/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "CSV files of deals, imported as jobs")
public class ImportResource {

    static final String TEXT_CSV = "text/csv";
    static final int RETRY_AFTER_SECONDS = 30;
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    /** The default of DEBRIEF_IMPORT_MAX_SIZE, 50 MB: a file of that many bytes has at most that many characters. */
    static final int MAX_FILE = 52_428_800;
    private static final String SAMPLE = """
            name,account,owner_email,amount,currency,outcome,closed_on,primary_reason,contributing_reasons,partner_reason_text
            Acme renewal,Acme Corp,jane@example.com,48000.00,EUR,LOST,2026-11-20,PRICE,TIMING,
            Globex expansion,Globex,,12000.00,EUR,WON,2026-11-18,,,
            """;

    private final StartImportUseCase start;
    private final ImportQueries imports;
    private final ObjectMapper json;
    private final Callers callers;
    private final BodySizeLimit limits;
    private final ImportUploads uploads;

    @Inject
    public ImportResource(StartImportUseCase start, ImportQueries imports, ObjectMapper json, Callers callers,
                          BodySizeLimit limits, ImportUploads uploads) {
        this.start = start;
        this.imports = imports;
        this.json = json;
        this.callers = callers;
        this.limits = limits;
        this.uploads = uploads;
    }

    @POST
    @Consumes(TEXT_CSV)
    @Operation(operationId = "startImport", summary = "Import a CSV file of deals, as a job",
            description = "The body is the file: UTF-8 with or without a byte order mark, comma or semicolon (detected from the "
                    + "header row), quoted fields may hold delimiters, doubled quotes and line breaks. Header names are those of "
                    + "the export (case-insensitive; name and outcome are required, unknown columns are ignored). The file is "
                    + "stored and a job imports it in batches, with the ingest's semantics (upsert by source + external_id, "
                    + "or a reference generated from name and account; stale rows; pending triage; mappings). Requires an "
                    + "Idempotency-Key: the same key with the same file answers the same job again (Idempotent-Replayed: true).")
    @RequestBody(required = true, description = "The CSV file: at most DEBRIEF_IMPORT_MAX_SIZE bytes (default 50 MB; maxLength states the default)",
            content = @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING, maxLength = MAX_FILE), example = SAMPLE))
    @APIResponse(responseCode = "202", description = "The job, queued; poll its Location",
            headers = {@Header(name = "Location", description = "The job's URL", required = true,
                    schema = @Schema(type = SchemaType.STRING, format = "uri", maxLength = 2048)),
                    @Header(name = IdempotentResponses.REPLAYED_HEADER, description = "true when this is the stored answer to an earlier request with the same key and file",
                            schema = @Schema(type = SchemaType.STRING, enumeration = {"true"}))},
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key, an empty file (import.empty-file), no header row "
            + "(import.header-missing), a header without name or outcome (import.column-required), or a file that isn't "
            + "CSV the import reads, naming the row: a quote that never closes (import.unterminated-quote), text after a "
            + "closing quote (import.text-after-quote), a field over 100,000 characters (import.field-too-large) or a row "
            + "over 1,000,000 (import.row-too-large)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "408", description = "The upload sent nothing for DEBRIEF_IMPORT_IDLE_TIMEOUT (30 s) or took "
            + "longer than DEBRIEF_IMPORT_UPLOAD_TIMEOUT (10 min) (import.upload-timeout)")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running (idempotency.in-flight)")
    @APIResponse(responseCode = "413", description = "The file is larger than the import limit (request.too-large)")
    @APIResponse(responseCode = "415", description = "The body is not text/csv")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another file (idempotency.key-reused)")
    @APIResponse(responseCode = "429", description = "Too many uploads at once in this workspace (DEBRIEF_IMPORT_MAX_UPLOADS_PER_WORKSPACE) "
            + "or on this instance (DEBRIEF_IMPORT_MAX_UPLOADS), with Retry-After (import.too-many-uploads)")
    @Extension(name = "x-right", value = "INGEST_DEALS")
    @Requires(Right.INGEST_DEALS)
    public Response start(@PathParam("workspaceId") String workspaceId,
                          @Parameter(description = "A unique key per upload (e.g. a UUID): 1 to 255 printable ASCII characters; a retry sends the same key and file",
                                  required = true, example = "9f1c2e7a-0d4b-4a51-9d0e-6c1f3b2a8e77",
                                  schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = IdempotencyKeys.MAX_LENGTH))
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          InputStream body, @Context UriInfo uri) {
        String key = IdempotencyKeys.require(idempotencyKey);
        IdempotentResponse response;
        // Received in full into a spool file first (no database connection while the client sends), then checked
        // and stored in one short transaction; the file is deleted when the request ends.
        try (ImportUploads.Permit permit = uploads.acquire(workspace());
             ImportUploads.Spooled file = uploads.receive(body == null ? InputStream.nullInputStream() : body,
                     limits.importMaxBytes())) {
            response = start.start(new StartImportCommand(callers.access(), key, "POST " + uri.getPath(), null, file::open),
                    job -> {
                        try {
                            return IdempotentResponse.of(202, json.writeValueAsString(ImportResponse.from(job)));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("The job could not be written as JSON", e);
                        }
                    });
        }
        UUID id;
        try {
            id = UUID.fromString(json.readTree(response.body()).get("id").asText());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored answer is not the job", e);
        }
        URI location = uri.getAbsolutePathBuilder().path(id.toString()).build();
        return Response.fromResponse(IdempotentResponses.toResponse(response)).location(location).build();
    }

    @GET
    @Path("/{importId}")
    @Operation(operationId = "getImport", summary = "An import job: status, counts, error",
            description = "Poll it (every few seconds) until SUCCEEDED or FAILED; the counts grow batch by batch while it RUNS. "
                    + "The rows it refused are listed by its rejections.")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "404", description = "No such workspace or import (import.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public ImportResponse get(@PathParam("workspaceId") String workspaceId, @PathParam("importId") String importId) {
        return ImportResponse.from(imports.get(workspace(), id(importId)));
    }

    @GET
    @Path("/{importId}/rejections")
    @Operation(operationId = "listImportRejections", summary = "The rows an import refused, in row order",
            description = "Row numbers are a spreadsheet's: the header is row 1, and a quoted line break stays inside its row.")
    @APIResponse(responseCode = "200", description = "A page of rejected rows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportRejectionResponse.Page.class)))
    @APIResponse(responseCode = "400", description = "A bad limit or cursor (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace or import (import.not-found)")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public ImportRejectionResponse.Page rejections(@PathParam("workspaceId") String workspaceId,
                                                   @PathParam("importId") String importId,
                                                   @Parameter(description = "Page size, 1 to 500 (default 100)", schema = @Schema(type = SchemaType.INTEGER,
                                                           format = "int32", minimum = "1", maximum = "500", defaultValue = "100"))
                                                   @QueryParam("limit") String limit,
                                                   @Parameter(description = "The nextCursor of the previous page",
                                                           schema = @Schema(type = SchemaType.STRING, maxLength = 10))
                                                   @QueryParam("cursor") String cursor) {
        int pageSize = limit == null ? DEFAULT_LIMIT : QueryParams.parse(limit, "limit", Integer::valueOf);
        if (pageSize < 1 || pageSize > MAX_LIMIT) {
            throw new InvalidInput("query.invalid", "limit is 1 to 500", "limit");
        }
        int after = cursor == null ? 1 : QueryParams.parse(cursor, "cursor", Integer::valueOf);
        List<ImportRejection> page = imports.rejections(workspace(), id(importId), after, pageSize + 1);
        boolean more = page.size() > pageSize;
        List<ImportRejection> items = more ? page.subList(0, pageSize) : page;
        return new ImportRejectionResponse.Page(items.stream().map(ImportRejectionResponse::from).toList(),
                more ? String.valueOf(items.get(items.size() - 1).rowNumber()) : null);
    }

    private WorkspaceId workspace() {
        return callers.access().workspaceId();
    }

    private static ImportId id(String text) {
        return new ImportId(PathIds.uuid(text, "import.not-found", "import"));
    }

    /** The upload passed the import limit while it was read. */
    static final class ImportTooLarge extends RuntimeException {
        ImportTooLarge(long max) {
            super("The file is larger than the " + max + " bytes an import accepts");
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(ImportTooLarge e, RoutingContext context) {
        BodySizeLimit.closeOnceAnswered(context);
        return Problems.response(413, BodySizeLimit.CODE, e.getMessage(), List.of(), context);
    }

    @ServerExceptionMapper
    public Response timedOut(ImportUploads.UploadTimedOut e, RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close"); // the rest of the body is never read
        return Problems.response(408, ImportUploads.TIMEOUT, e.getMessage(), List.of(), context);
    }

    @ServerExceptionMapper
    public Response aborted(ImportUploads.UploadAborted e, RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close");
        return Problems.response(400, ImportUploads.ABORTED, e.getMessage(), List.of(), context);
    }

    @ServerExceptionMapper
    public Response tooMany(ImportUploads.TooManyUploads e, RoutingContext context) {
        context.response().putHeader(HttpHeaders.CONNECTION, "close"); // refused before the body is read
        return Response.fromResponse(Problems.response(429, ImportUploads.TOO_MANY, e.getMessage(), List.of(), context))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
