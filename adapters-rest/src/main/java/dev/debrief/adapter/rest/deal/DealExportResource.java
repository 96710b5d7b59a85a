package dev.debrief.adapter.rest.deal;

import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.Csv;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.deal.DealExportQueries;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.workspace.WorkspaceId;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The deals of a workspace with their current loss analyses as CSV, streamed. Everything that can
 * be refused (credentials, right, workspace, filters, options) is checked in {@link #export} before
 * the response starts, so it is a problem+json like any other error. The rows are written by the
 * {@link StreamingOutput}, which Quarkus REST calls on the same worker thread right after this
 * method returns: the use case's transaction (and its database cursor) lives inside that call.
 */
@Authenticated
@Path(Api.WORKSPACE + "/deals/export")
@Tag(name = "Deals")
public class DealExportResource {

    public static final String TEXT_CSV = "text/csv; charset=UTF-8";

    static final String EXAMPLE = """
            id,source,external_id,occurred_at,name,account,owner_email,amount,currency,team,stage,segment,persona,lead_source,pitched_at,pitched_term_months,risk_tags,competitor,outcome,closed_on,analysis_status,analysis_source,primary_reason,primary_controllable,contributing_reasons,contributing_controllable,stage_lost_at,fit,loss_competitor,what_happened,what_we_would_do_differently,partner_reason_text,created_at,updated_at\r
            0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e,,,,Acme renewal,Acme,rep@example.com,48000.00,EUR,EMEA,PROPOSAL,ENTERPRISE,CFO,OUTBOUND,2026-10-01,24,NEW_MARKET|BIGGER_DEAL,Globex,LOST,2026-11-20,COMPLETE,DEBRIEF,PRICE_ONLY,true,SLOW_RESPONSE|LOST_TO_COMPETITOR,true|false,PROPOSAL,GOOD_FIT,Globex,"They chose Globex, 20% cheaper",Send the revised quote the same day,,2026-10-01T08:00:00Z,2026-11-20T10:15:30Z\r
            0192f0c4-6a2f-7b4d-8e3f-4a5b6c7d8e9f,salesforce,006A000001,2026-01-10T10:00:00Z,Initech pilot,Initech,,,,,,,,,,,,,LOST,2026-01-09,PENDING_TRIAGE,PARTNER,,,,,,,,,,'=HYPERLINK(""evil""),2026-01-10T10:00:01Z,2026-01-10T10:00:01Z\r
            """;

    private final DealExportQueries exports;
    private final Clock clock;
    private final dev.debrief.adapter.rest.shared.TransactionTimeouts timeouts;
    private final java.time.Duration timeout;

    @Inject
    public DealExportResource(DealExportQueries exports, Clock clock, dev.debrief.adapter.rest.shared.TransactionTimeouts timeouts,
                              @org.eclipse.microprofile.config.inject.ConfigProperty(name = "debrief.export.transaction-timeout")
                              java.time.Duration timeout) {
        this.exports = exports;
        this.clock = clock;
        this.timeouts = timeouts;
        this.timeout = timeout;
    }

    @GET
    @Produces(TEXT_CSV)
    @Operation(operationId = "exportDeals", summary = "Export deals with their loss analyses as CSV",
            description = "The deals matching the list's filters, oldest first (created_at, id), each with its current loss "
                    + "analysis, one line per deal, streamed. RFC 4180 with CRLF line ends; a cell containing the "
                    + "delimiter, a quote or a line break is quoted (quotes doubled); a cell starting with =, +, -, @, TAB "
                    + "or CR gets a leading ' so that spreadsheets don't run it as a formula. Vocabulary values and "
                    + "reasons are codes; lists are joined with |; dates ISO-8601, instants ISO-8601 UTC. The columns "
                    + "are those of the example, in that order.")
    @APIResponse(responseCode = "200", description = "The CSV, as an attachment named deals-<yyyy-mm-dd>.csv (UTC date). The file "
            + "has no schema in the contract: it is streamed, one line per deal, as large as the workspace (see the example)",
            headers = @Header(name = "Content-Disposition", description = "attachment, with the file's name",
                    schema = @Schema(type = SchemaType.STRING, maxLength = 64, example = "attachment; filename=\"deals-2026-11-20.csv\"")),
            content = @Content(mediaType = "text/csv", example = EXAMPLE))
    @APIResponse(responseCode = "400", description = "A bad filter, bom or delimiter (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public Response export(
            @PathParam("workspaceId") String workspaceId,
            @BeanParam DealFilterParams filters,
            @Parameter(description = "true: start with a UTF-8 byte order mark, for Excel (default false)",
                    schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("bom") String bom,
            @Parameter(description = "comma (default) or semicolon, for spreadsheets whose locale uses the decimal comma",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"comma", "semicolon"}))
            @QueryParam("delimiter") String delimiter) {
        WorkspaceId workspace = PathIds.workspace(workspaceId);
        DealFilter filter = filters.toFilter();
        boolean withBom = Boolean.TRUE.equals(QueryParams.parse(bom, "bom", QueryParams::bool));
        Csv csv = new Csv(delimiter == null ? ',' : QueryParams.parse(delimiter, "delimiter", DealExportResource::delimiter));
        StreamingOutput body = output -> {
            if (withBom) {
                output.write(Csv.BOM);
            }
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16 * 1024);
            csv.row(out, DealCsvColumn.headers());
            // The export's read transaction may outlive the default timeout: it gets its own.
            timeouts.within(timeout, () -> {
                exports.export(workspace, filter, row -> {
                    try {
                        csv.row(out, DealCsvColumn.cells(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                return null;
            });
            out.flush();
        };
        return Response.ok(body, TEXT_CSV)
                .header("Content-Disposition", "attachment; filename=\"deals-" + LocalDate.now(clock) + ".csv\"")
                .build();
    }

    private static char delimiter(String text) {
        return switch (text) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            default -> throw new IllegalArgumentException(text);
        };
    }
}
