package dev.debrief.adapter.rest.followup;

import dev.debrief.adapter.rest.shared.Dates;

import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.followup.FollowUpQueries;
import dev.debrief.domain.access.Right;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

/** How often checking in on lost deals wins them back. */
@Authenticated
@Path(Api.WORKSPACE + "/win-backs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups")
public class WinBackResource {

    private final FollowUpQueries queries;

    @Inject
    public WinBackResource(FollowUpQueries queries) {
        this.queries = queries;
    }

    @Schema(name = "WinBackReport")
    public record WinBackReportResponse(
            @Schema(examples = "2026-09-01") LocalDate from,
            @Schema(examples = "2026-11-30") LocalDate to,
            @Schema(description = "Check-ins completed in the period", examples = "40", minimum = "0", maximum = "9223372036854775807") long checkInsDone,
            @Schema(description = "Of those, how many found the buyer ready again and opened a win-back deal", examples = "6", minimum = "0", maximum = "9223372036854775807") long reopened,
            @Schema(description = "Of those win-back deals, how many are WON by now", examples = "2", minimum = "0", maximum = "9223372036854775807") long reopenedThenWon) {
    }

    @GET
    @Operation(operationId = "getWinBackReport", summary = "Check-ins done, reopened, and reopened-then-won in a period",
            description = "Counts check-ins by the day they were completed, in the workspace's calendar. Default period: the 90 days up to today; at most 3660 days.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = "A malformed date, or from after to (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ")
    @Requires(Right.READ)
    public WinBackReportResponse report(
            @PathParam("workspaceId") String workspaceId,
            @Parameter(description = "First day, YYYY-MM-DD (default: 89 days before `to`)") @QueryParam("from") String from,
            @Parameter(description = "Last day, included, YYYY-MM-DD (default: today)") @QueryParam("to") String to) {
        FollowUpQueries.WinBackReport r = queries.winBacks(PathIds.workspace(workspaceId),
                Dates.queryDate(from, "from"), Dates.queryDate(to, "to"));
        return new WinBackReportResponse(r.from(), r.to(), r.checkInsDone(), r.reopened(), r.reopenedThenWon());
    }
}
