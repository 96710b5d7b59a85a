package dev.debrief.adapter.rest.audit;

import dev.debrief.adapter.rest.shared.Dates;

import dev.debrief.adapter.rest.access.Callers;
import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.audit.AuditFilter;
import dev.debrief.application.port.in.audit.AuditQueries;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.audit.AuditEvent;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Authenticated
@Path(Api.WORKSPACE + "/audit-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who changed what, when, with which request")
public class AuditResource {

    private final AuditQueries audit;
    private final Callers callers;

    @Inject
    public AuditResource(AuditQueries audit, Callers callers) {
        this.audit = audit;
        this.callers = callers;
    }

    @Schema(name = "AuditEvent")
    public record AuditEventResponse(
            UUID id,
            @Schema(examples = "2026-11-23T10:15:30.123456Z") Instant occurredAt,
            @Schema(description = "MEMBER, API_KEY or SYSTEM", examples = "MEMBER", enumeration = {"MEMBER", "API_KEY", "SYSTEM"}) String actorKind,
            @Schema(description = "The member's or key's id; null for SYSTEM", nullable = true) UUID actorId,
            @Schema(examples = "deal", maxLength = AuditEvent.MAX_NAME) String resource,
            @Schema(nullable = true) UUID resourceId,
            @Schema(examples = "close", maxLength = AuditEvent.MAX_NAME) String action,
            @Schema(examples = "[\"outcome\", \"closedOn\", \"lossAnalysis\"]", maxItems = AuditEvent.MAX_FIELDS)
            List<@Size(max = AuditEvent.MAX_FIELD) String> changedFields,
            @Schema(description = "The X-Request-Id of the write; null for the service's own jobs", examples = "4f9e1c2a-58b4-4a8e-9f8b-2d1c0b7a6e5f",
                    maxLength = AuditEvent.MAX_REQUEST_ID, nullable = true) String requestId) {

        static AuditEventResponse from(AuditEvent e) {
            return new AuditEventResponse(e.id(), e.occurredAt(), e.actorKind().name(), e.actorId(), e.resource(),
                    e.resourceId(), e.action(), e.changedFields(), e.requestId());
        }
    }

    @Schema(name = "AuditEventPage")
    public record Page(@Schema(maxItems = AuditQueries.MAX_PAGE_SIZE) List<AuditEventResponse> items,
                       @Schema(description = "Pass as `cursor` with the same filters for the next page; null on the last page",
                               maxLength = CURSOR_MAX_LENGTH, nullable = true)
                       String nextCursor) {
    }

    /** The longest cursor this list issues: kind, fingerprint, an instant and an id, base64url. */
    static final int CURSOR_MAX_LENGTH = 200;

    @GET
    @Operation(operationId = "listAuditEvents", summary = "The workspace's audit trail, newest first, one keyset page at a time",
            description = "Every write: who (member, key or the service), what (resource, id, action, changed fields), when and with "
                    + "which request. Admins only; from and to are instants (ISO-8601 with Z or an offset), not dates.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A bad filter, limit or cursor")
    @Extension(name = "x-right", value = "ADMINISTER")
    @Requires(Right.ADMINISTER)
    public Page list(@PathParam("workspaceId") String workspaceId,
                     @Parameter(description = "A member's or key's id") @QueryParam("actorId") String actorId,
                     @Parameter(description = "deal, workspace, vocabulary-entry, loss-reason, member, api-key, follow-up, lesson, plan-item…",
                             schema = @Schema(type = SchemaType.STRING, maxLength = AuditEvent.MAX_NAME)) @QueryParam("resource") String resource,
                     @Parameter(description = "From this instant (inclusive, ISO-8601)", schema = @Schema(type = SchemaType.STRING,
                             format = "date-time", maxLength = 35)) @QueryParam("from") String from,
                     @Parameter(description = "Up to this instant (exclusive, ISO-8601)", schema = @Schema(type = SchemaType.STRING,
                             format = "date-time", maxLength = 35)) @QueryParam("to") String to,
                     @Parameter(description = "Page size", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1",
                             maximum = "100", defaultValue = "50")) @QueryParam("limit") String limit,
                     @Parameter(description = "The nextCursor of the previous page", schema = @Schema(type = SchemaType.STRING,
                             maxLength = CURSOR_MAX_LENGTH)) @QueryParam("cursor") String cursor) {
        AuditFilter filter = new AuditFilter(
                QueryParams.parse(actorId, "actorId", UUID::fromString),
                resource == null || resource.isBlank() ? null : resource.strip(),
                Dates.queryInstant(from, "from"),
                Dates.queryInstant(to, "to"));
        int pageSize = limit == null ? 50 : QueryParams.parse(limit, "limit", Integer::valueOf);
        AuditQueries.AuditPage page = audit.list(callers.access(), filter, cursor, pageSize);
        return new Page(page.items().stream().map(AuditEventResponse::from).toList(), page.nextCursor());
    }
}
