package dev.debrief.adapter.rest.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.deal.DealResponse;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.ETags;
import dev.debrief.adapter.rest.shared.Fingerprints;
import dev.debrief.adapter.rest.shared.IdempotencyKeys;
import dev.debrief.adapter.rest.shared.IdempotentResponses;
import dev.debrief.application.port.in.idempotency.IdempotentRequest;
import dev.debrief.application.port.in.idempotency.IdempotentResponse;
import dev.debrief.application.port.in.idempotency.RunIdempotentlyUseCase;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import dev.debrief.adapter.rest.shared.InvalidBody;
import dev.debrief.adapter.rest.shared.JsonErrors;
import dev.debrief.adapter.rest.shared.Problem;
import dev.debrief.adapter.rest.shared.ProblemMappers;
import dev.debrief.adapter.rest.shared.Problems;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.adapter.rest.shared.RequestIds;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.ingest.IngestDealsUseCase;
import dev.debrief.application.port.in.ingest.IngestDealsUseCase.IngestCommand;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.in.ingest.IngestReport;
import dev.debrief.application.port.in.ingest.IngestReport.ItemResult;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.shared.DomainException;
import dev.debrief.domain.shared.InvalidInput;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Partners push the states of their deals, by external reference: one at a time (PUT, idempotent by
 * itself) or in batches with a result per item (POST, with an Idempotency-Key).
 */
@Authenticated
@Path(Api.WORKSPACE)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Partner ingest", description = "Deal outcomes pushed from CRMs: upserts by external id, ordered by the source system's time")
public class DealIngestResource {

    private final IngestDealsUseCase ingest;
    private final RunIdempotentlyUseCase idempotency;
    private final DealQueries queries;
    private final ObjectMapper json;
    private final Validator validator;
    private final Callers callers;
    private final int maxItems;

    @Inject
    public DealIngestResource(IngestDealsUseCase ingest, RunIdempotentlyUseCase idempotency, DealQueries queries, ObjectMapper json, Validator validator,
                              Callers callers, @ConfigProperty(name = "debrief.ingest.max-batch-items") int maxItems) {
        this.ingest = ingest;
        this.idempotency = idempotency;
        this.queries = queries;
        this.json = json;
        this.validator = validator;
        this.callers = callers;
        this.maxItems = maxItems;
    }

    /** The ETag of a deal: its version in quotes. */
    private static final String ETAG = "The deal's version in quotes, e.g. \"3\": send it in If-Match to write through the deal API";
    private static final String REPLAYED = "true when this is the stored answer to an earlier request with the same key and body";

    @PUT
    @Path("/deals-by-external-id/{source}/{externalId}")
    @Operation(operationId = "upsertDealByExternalId", summary = "Create or update the deal with this external reference",
            description = "Idempotent by itself: the same state again is `unchanged`, an older one `stale` (ordering is by occurredAt, so no If-Match). "
                    + "A loss analysis written in Debrief is never overwritten. A LOST state without a usable reason is accepted with a PENDING_TRIAGE analysis.")
    @APIResponse(responseCode = "201", description = "Created (result `created`); Location names the deal in the deal API",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestedDealResponse.class)))
    @APIResponse(responseCode = "200", description = "Updated, unchanged or stale: the deal as it now stands",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = SchemaType.STRING, maxLength = 21)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestedDealResponse.class)))
    @APIResponse(responseCode = "400", description = "Malformed body, invalid fields, or a body naming another deal than the path")
    @APIResponse(responseCode = "404", description = "No such workspace, or (updateOnly=true) no such deal (deal.not-found)")
    @APIResponse(responseCode = "409", description = "The deal was deleted in Debrief (deal.deleted)")
    @APIResponse(responseCode = "422", description = "A rule the state breaks: an unknown or archived reason code, a closed date in the future, occurredAt ahead of Debrief's clock…")
    @Extension(name = "x-right", value = "INGEST_DEALS")
    @Requires(Right.INGEST_DEALS)
    public Response upsert(@PathParam("workspaceId") String workspaceId,
                           @Parameter(description = "The partner system: lower-case letters, digits, '.', '_' or '-'", example = "salesforce",
                                   schema = @Schema(type = SchemaType.STRING, maxLength = 50, pattern = "^[a-z0-9][a-z0-9._-]*$"))
                           @PathParam("source") String source,
                           @Parameter(description = "The deal's id there", example = "0065e00000AbCdE",
                                   schema = @Schema(type = SchemaType.STRING, maxLength = 200))
                           @PathParam("externalId") String externalId,
                           @Parameter(description = "true: refuse to create (404 when the deal doesn't exist)",
                                   schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
                           @QueryParam("updateOnly") String updateOnly,
                           @Valid @NotNull DealOutcomeRequest body, @Context UriInfo uri) {
        boolean onlyUpdate = Boolean.TRUE.equals(QueryParams.parse(updateOnly, "updateOnly", QueryParams::bool));
        if (body.source() != null && !body.source().equals(source)
                || body.externalId() != null && !body.externalId().equals(externalId)) {
            throw new InvalidInput("ingest.reference-mismatch",
                    "The body names another deal than the path: leave source and externalId out, or make them agree",
                    body.source() != null && !body.source().equals(source) ? "source" : "externalId");
        }
        ItemResult result = ingest.ingest(new IngestCommand(callers.access(), List.of(body.toItem(source, externalId)),
                onlyUpdate)).results().get(0);
        if (result.isRejected()) {
            throw result.problem();
        }
        Deal deal = queries.get(callers.access().workspaceId(), result.deal().id());
        Response.ResponseBuilder answer = result.result() == SyncResult.CREATED
                ? Response.created(uri.getBaseUriBuilder().path(Api.WORKSPACE).path("deals").path(deal.id().toString())
                        .build(workspaceId))
                : Response.ok();
        return answer.tag(ETags.of(deal.version()))
                .entity(new IngestedDealResponse(IngestResultResponse.name(result.result()), IngestResultResponse.sorted(result.triage()),
                        DealResponse.from(deal), result.activitiesRecorded(), result.activitiesSkipped()))
                .build();
    }

    @POST
    @Path("/deal-outcomes/batch")
    @Operation(operationId = "ingestDealOutcomes", summary = "Push up to 1,000 deal states, with a result per item",
            description = "Items are independent: an invalid one is rejected alone (its problem names items[i].field). "
                    + "Several items of one deal apply in occurredAt order. Requires an Idempotency-Key: the same key with the same body replays the stored answer "
                    + "(header Idempotent-Replayed: true), with another body is 422 (idempotency.key-reused), while the first is still running 409 (idempotency.in-flight).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DealOutcomeBatchRequest.class)))
    @APIResponse(responseCode = "200", description = "Every item was applied (created, updated, unchanged or stale): a result per item, in the request's order, and totals",
            headers = @Header(name = IdempotentResponses.REPLAYED_HEADER, description = REPLAYED,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"true"})),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResultResponse.class)))
    @APIResponse(responseCode = "207", description = "Multi-Status: at least one item (perhaps every one) was rejected. The same document as 200: "
            + "each rejected item carries its problem (status, code, items[i].field); the others were applied. Fix and resend the rejected items only, under a new Idempotency-Key",
            headers = @Header(name = IdempotentResponses.REPLAYED_HEADER, description = REPLAYED,
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"true"})),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IngestResultResponse.class)))
    @APIResponse(responseCode = "400", description = "No Idempotency-Key (idempotency.key-required), a malformed body, or no items")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still running (idempotency.in-flight): retry later")
    @APIResponse(responseCode = "413", description = "More items than the configured maximum (batch.too-large), or a body over the size limit")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used with another body (idempotency.key-reused)")
    @Extension(name = "x-right", value = "INGEST_DEALS")
    @Requires(Right.INGEST_DEALS)
    public Response batch(@PathParam("workspaceId") String workspaceId,
                          @Parameter(description = "A unique key per batch (e.g. a UUID): 1 to 255 printable ASCII characters; a retry sends the same key and body",
                                  required = true, example = "9f1c2e7a-0d4b-4a51-9d0e-6c1f3b2a8e77",
                                  schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = IdempotencyKeys.MAX_LENGTH))
                          @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
                          JsonNode body, @Context UriInfo uri, @Context RoutingContext routing) {
        List<JsonNode> items = items(body);
        String key = IdempotencyKeys.require(idempotencyKey);
        IdempotentRequest request = new IdempotentRequest(callers.access(), key, Fingerprints.of("POST", uri.getPath(), body));
        return IdempotentResponses.toResponse(idempotency.run(request, () -> {
            try {
                IngestResultResponse result = ingestAll(items, RequestIds.current(routing));
                return IdempotentResponse.of(result.totals().rejected() == 0 ? 200 : 207, json.writeValueAsString(result));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The batch result could not be written as JSON", e);
            }
        }));
    }

    /** Reads each item on its own, ingests the readable ones, and puts every result back at its index. */
    private IngestResultResponse ingestAll(List<JsonNode> items, String requestId) {
        List<IngestResultResponse.Item> results = new ArrayList<>(items.size());
        List<IngestItem> readable = new ArrayList<>();
        List<Integer> readableIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                readable.add(read(items.get(i)));
                readableIndex.add(i);
                results.add(null);
            } catch (DomainException e) {
                results.add(rejected(i, items.get(i), e, requestId));
            }
        }
        IngestReport report = ingest.ingest(new IngestCommand(callers.access(), readable, false));
        for (int k = 0; k < readableIndex.size(); k++) {
            int index = readableIndex.get(k);
            ItemResult result = report.results().get(k);
            results.set(index, result.isRejected() ? rejected(index, items.get(index), result.problem(), requestId)
                    : new IngestResultResponse.Item(index, result.reference().source(), result.reference().externalId(),
                    IngestResultResponse.name(result.result()), result.deal().id().value(),
                    IngestResultResponse.sorted(result.triage()), null, result.activitiesRecorded(), result.activitiesSkipped()));
        }
        return IngestResultResponse.of(results);
    }

    private List<JsonNode> items(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidBody("body.invalid", "The body is an object with an items array", "body");
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("items")) {
                throw new InvalidBody("body.unknown-field", "'" + name + "' is not a field you can send here", name);
            }
        });
        JsonNode items = body.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            throw new InvalidInput("value.required", "items is a non-empty array of deal states", "items");
        }
        if (items.size() > maxItems) {
            throw new BatchTooLarge(items.size(), maxItems);
        }
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        return list;
    }

    /** One item, read and validated on its own; its problems are named relative to the item. */
    private IngestItem read(JsonNode node) {
        DealOutcomeRequest item;
        try {
            item = json.treeToValue(node, DealOutcomeRequest.class);
        } catch (JsonProcessingException e) {
            InvalidBody invalid = JsonErrors.describe(e);
            throw new InvalidInput(invalid.code(), invalid.getMessage(), invalid.field());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("body.invalid", "The item could not be read", null);
        }
        if (item == null) {
            throw new InvalidInput("body.invalid", "An item is an object", null);
        }
        Set<ConstraintViolation<DealOutcomeRequest>> violations = validator.validate(item);
        if (!violations.isEmpty()) {
            ConstraintViolation<DealOutcomeRequest> first = violations.stream()
                    .min(Comparator.comparing(ProblemMappers::path)).orElseThrow();
            String field = ProblemMappers.path(first);
            throw new InvalidInput("validation.failed", field + " " + first.getMessage(), field);
        }
        if (item.source() == null) {
            throw new InvalidInput("value.required", "source is required: the partner system, e.g. salesforce", "source");
        }
        if (item.externalId() == null) {
            throw new InvalidInput("value.required", "externalId is required: the deal's id in the partner system",
                    "externalId");
        }
        return item.toItem(item.source(), item.externalId());
    }

    /** A rejected item's result: its problem is a whole one (type, instance: the batch's request), naming items[i].field. */
    private static IngestResultResponse.Item rejected(int index, JsonNode node, DomainException e, String requestId) {
        String field = e.field() == null ? "items[" + index + "]" : "items[" + index + "]." + e.field();
        Problem problem = Problems.problem(ProblemMappers.status(e), e.code(), e.getMessage(),
                List.of(new Problem.FieldError(field, e.getMessage())), requestId);
        return new IngestResultResponse.Item(index, text(node, "source", 50), text(node, "externalId", 200), "rejected", null,
                List.of(), problem, 0, 0);
    }

    /** A text field of a rejected item, as sent: null when it is missing, not text, or longer than the contract allows. */
    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() && value.asText().length() <= max ? value.asText() : null;
    }

    /** More items than allowed: 413, the client splits the batch. */
    static final class BatchTooLarge extends RuntimeException {
        BatchTooLarge(int size, int max) {
            super("A batch holds at most " + max + " items; this one has " + size + ": split it");
        }
    }

    @ServerExceptionMapper
    public Response tooLarge(BatchTooLarge e, RoutingContext context) {
        return Problems.response(413, "batch.too-large", e.getMessage(),
                List.of(new Problem.FieldError("items", e.getMessage())), context);
    }
}
