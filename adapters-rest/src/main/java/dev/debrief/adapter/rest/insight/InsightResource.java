package dev.debrief.adapter.rest.insight;

import dev.debrief.adapter.rest.access.Requires;
import dev.debrief.adapter.rest.insight.InsightResponses.Control;
import dev.debrief.adapter.rest.insight.InsightResponses.DealExample;
import dev.debrief.adapter.rest.insight.InsightResponses.Group;
import dev.debrief.adapter.rest.insight.InsightResponses.LossBreakdown;
import dev.debrief.adapter.rest.insight.InsightResponses.LossGroup;
import dev.debrief.adapter.rest.insight.InsightResponses.Period;
import dev.debrief.adapter.rest.insight.InsightResponses.RepeatLoss;
import dev.debrief.adapter.rest.insight.InsightResponses.RepeatLosses;
import dev.debrief.adapter.rest.insight.InsightResponses.RepeatingIssue;
import dev.debrief.adapter.rest.insight.InsightResponses.RepeatingIssues;
import dev.debrief.adapter.rest.insight.InsightResponses.Trend;
import dev.debrief.adapter.rest.shared.Api;
import dev.debrief.adapter.rest.shared.PathIds;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.insight.InsightQueries;
import dev.debrief.application.port.in.insight.Insights;
import dev.debrief.application.port.in.insight.LossGrouping;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the recorded outcomes add up to: the loss breakdown, the trend, repeating issues, repeat losses and
 * control. JSON by default; CSV on {@code Accept: text/csv}; the breakdown and the trend also as an SVG chart
 * on {@code Accept: image/svg+xml}. Every representation is built from the same JSON answer.
 */
@Authenticated
@Path(Api.WORKSPACE + "/insights")
@Tag(name = "Insights")
public class InsightResource {

    static final String TEXT_CSV = "text/csv; charset=UTF-8";
    static final String IMAGE_SVG = "image/svg+xml";
    static final String CSP = "Content-Security-Policy";
    static final String CSP_DESCRIPTION = "default-src 'none' (with frame-ancestors, base-uri and form-action 'none'), on every answer and "
            + "what makes an SVG opened from this URL inert: it can't load or run anything";
    static final String NEGOTIATION = " JSON by default; `Accept: text/csv` answers CSV (RFC 4180, CRLF, the deal export's formula guard: "
            + "a text cell starting with =, +, -, @, TAB or CR gets a leading '; numbers are written as they are)";

    private final InsightQueries insights;

    @Inject
    public InsightResource(InsightQueries insights) {
        this.insights = insights;
    }

    @GET
    @Path("/loss-breakdown")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV, IMAGE_SVG})
    @Operation(operationId = "getLossBreakdown", summary = "Losses of a period grouped by reason, category, stage, segment, persona, team, owner, competitor, lead source or risk tag",
            description = "Deals closed LOST (or NO_DECISION, by `outcome`) in the period, with their current loss analysis. Per group: "
                    + "lost deals, amounts per currency, share of all losses, controllable share (the primary reason's decision), "
                    + "wrong-prospect share. For reason and reasonCategory the primary reason places a deal and contributing "
                    + "reasons are counted apart (contributingDeals); riskTag puts a deal in one group per tag. Those say "
                    + "multiMembership: true, and their shares may sum past 1. A none group holds the deals without a value."
                    + NEGOTIATION + "; `Accept: image/svg+xml` a bar chart (at most the 100 largest groups).")
    @APIResponse(responseCode = "200", description = "The breakdown",
            headers = @Header(name = CSP, description = CSP_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LossBreakdown.class)),
                    @Content(mediaType = "text/csv", example = BREAKDOWN_CSV),
                    @Content(mediaType = IMAGE_SVG, example = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">…</svg>")})
    @APIResponse(responseCode = "400", description = "A bad filter, period or groupBy (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ_INSIGHTS")
    @Requires(Right.READ_INSIGHTS)
    public Response lossBreakdown(
            @PathParam("workspaceId") String workspaceId,
            @BeanParam InsightFilterParams filters,
            @Parameter(description = "What to group by (default reason)", schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "reason", "reasonCategory", "stageLostAt", "segment", "persona", "team", "owner", "competitor", "leadSource", "riskTag"}))
            @QueryParam("groupBy") String groupBy,
            @Context HttpHeaders headers) {
        WorkspaceId workspace = PathIds.workspace(workspaceId);
        LossGrouping grouping = groupBy == null ? LossGrouping.REASON : QueryParams.parse(groupBy, "groupBy", InsightResource::grouping);
        Insights.LossBreakdown b = insights.lossBreakdown(workspace, filters.toFilter(), grouping);
        LossBreakdown body = new LossBreakdown(b.from(), b.to(), camel(grouping.name()), b.multiMembership(), b.lostDeals(),
                InsightResponses.AmountTotal.of(b.amounts()), b.groups().stream().map(g -> LossGroup.of(g, b.lostDeals())).toList(),
                b.truncated());
        return answer(headers, true, body, "loss-breakdown-" + body.from() + "-" + body.to(),
                () -> InsightCsv.breakdown(body), () -> InsightCharts.breakdown(body));
    }

    @GET
    @Path("/trend")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV, IMAGE_SVG})
    @Operation(operationId = "getLossTrend", summary = "Losses, win rate and no-decision rate per week, month or quarter",
            description = "Every period of the range (widened to whole periods: weeks from Monday, months, quarters, by the closed "
                    + "date, which is a date in the workspace's calendar), empty ones with zeros. Per period: losses, amounts, "
                    + "controllable and wrong-prospect shares, won, no-decision and closed deals, win rate and no-decision rate, "
                    + "and the change against the previous period and the same period a year earlier (52 weeks for a week)."
                    + NEGOTIATION + "; `Accept: image/svg+xml` a line chart of lost, no-decision and won deals.")
    @APIResponse(responseCode = "200", description = "The trend",
            headers = @Header(name = CSP, description = CSP_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class)),
                    @Content(mediaType = "text/csv", example = TREND_CSV),
                    @Content(mediaType = IMAGE_SVG, example = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\">…</svg>")})
    @APIResponse(responseCode = "400", description = "A bad filter, period or interval (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ_INSIGHTS")
    @Requires(Right.READ_INSIGHTS)
    public Response trend(
            @PathParam("workspaceId") String workspaceId,
            @BeanParam InsightFilterParams filters,
            @Parameter(description = "The period length (default MONTH)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"WEEK", "MONTH", "QUARTER"}))
            @QueryParam("interval") String interval,
            @Context HttpHeaders headers) {
        WorkspaceId workspace = PathIds.workspace(workspaceId);
        Insights.Interval length = interval == null ? Insights.Interval.MONTH
                : QueryParams.parse(interval, "interval", Insights.Interval::valueOf);
        Insights.Trend t = insights.trend(workspace, filters.toFilter(), length);
        Trend body = new Trend(t.from(), t.to(), length.name(), t.periods().stream().map(p -> Period.of(p, length)).toList());
        return answer(headers, true, body, "trend-" + body.from() + "-" + body.to(),
                () -> InsightCsv.trend(body), () -> InsightCharts.trend(body));
    }

    @GET
    @Path("/repeating-issues")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(operationId = "getRepeatingIssues", summary = "Loss reasons or categories that recur across teams or owners",
            description = "Reasons (or categories) named, as primary or contributing reason, on losses of at least `minGroups` "
                    + "different teams (or owners) in the period; deals without a team (owner) don't count towards it. Ranked by "
                    + "how many teams (owners), then by lost deals; each with its teams (owners) and its 3 newest deals." + NEGOTIATION + ".")
    @APIResponse(responseCode = "200", description = "The repeating issues",
            headers = @Header(name = CSP, description = CSP_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RepeatingIssues.class)),
                    @Content(mediaType = "text/csv", example = ISSUES_CSV)})
    @APIResponse(responseCode = "400", description = "A bad filter, period, level, across, minGroups or limit (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ_INSIGHTS")
    @Requires(Right.READ_INSIGHTS)
    public Response repeatingIssues(
            @PathParam("workspaceId") String workspaceId,
            @BeanParam InsightFilterParams filters,
            @Parameter(description = "reason (default) or reasonCategory", schema = @Schema(type = SchemaType.STRING, enumeration = {"reason", "reasonCategory"}))
            @QueryParam("level") String level,
            @Parameter(description = "team (default) or owner", schema = @Schema(type = SchemaType.STRING, enumeration = {"team", "owner"}))
            @QueryParam("across") String across,
            @Parameter(description = "How many teams or owners an issue must recur across", schema = @Schema(type = SchemaType.INTEGER,
                    format = "int32", minimum = "2", maximum = "1000", defaultValue = "2"))
            @QueryParam("minGroups") String minGroups,
            @Parameter(description = "The most issues answered", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "20"))
            @QueryParam("limit") String limit,
            @Context HttpHeaders headers) {
        WorkspaceId workspace = PathIds.workspace(workspaceId);
        Insights.IssueLevel issueLevel = level == null ? Insights.IssueLevel.REASON
                : QueryParams.parse(level, "level", text -> Insights.IssueLevel.valueOf(constant(text)));
        Insights.IssueSpread spread = across == null ? Insights.IssueSpread.TEAM
                : QueryParams.parse(across, "across", text -> Insights.IssueSpread.valueOf(constant(text)));
        int min = bounded(minGroups, "minGroups", 2, 2, 1000);
        int max = bounded(limit, "limit", 20, 1, 100);
        Insights.RepeatingIssues r = insights.repeatingIssues(workspace, filters.toFilter(), issueLevel, spread, min, max);
        RepeatingIssues body = new RepeatingIssues(r.from(), r.to(), camel(issueLevel.name()), camel(spread.name()), r.minGroups(),
                r.issues().stream().map(i -> new RepeatingIssue(Group.of(i.issue()), i.groups().size(),
                        i.groups().stream().map(Group::of).toList(), i.lostDeals(), i.primaryDeals(),
                        DealExample.of(i.examples()))).toList(), r.truncated());
        return answer(headers, false, body, "repeating-issues-" + body.from() + "-" + body.to(),
                () -> InsightCsv.repeatingIssues(body), null);
    }

    @GET
    @Path("/repeat-losses")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(operationId = "getRepeatLosses", summary = "Accounts lost more than once",
            description = "Accounts (deals' account names, ignoring case and surrounding blanks) with at least two LOST deals, or at "
                    + "least two NO_DECISION deals, closed in the period (default: the 24 months up to today). A NO_DECISION counts "
                    + "apart from a LOST: one of each is not a repeat. Most LOST first; each with its 5 newest such deals." + NEGOTIATION + ".")
    @APIResponse(responseCode = "200", description = "The accounts",
            headers = @Header(name = CSP, description = CSP_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RepeatLosses.class)),
                    @Content(mediaType = "text/csv", example = REPEAT_CSV)})
    @APIResponse(responseCode = "400", description = "A bad filter, period or limit (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ_INSIGHTS")
    @Requires(Right.READ_INSIGHTS)
    public Response repeatLosses(
            @PathParam("workspaceId") String workspaceId,
            @BeanParam InsightFilterParams filters,
            @Parameter(description = "The most accounts answered", schema = @Schema(type = SchemaType.INTEGER, format = "int32",
                    minimum = "1", maximum = "100", defaultValue = "50"))
            @QueryParam("limit") String limit,
            @Context HttpHeaders headers) {
        WorkspaceId workspace = PathIds.workspace(workspaceId);
        int max = bounded(limit, "limit", 50, 1, 100);
        Insights.RepeatLosses r = insights.repeatLosses(workspace, filters.toFilter(), max);
        RepeatLosses body = new RepeatLosses(r.from(), r.to(), r.accounts().stream().map(a -> new RepeatLoss(a.account(),
                a.lostDeals(), a.noDecisionDeals(), a.lastClosedOn(), DealExample.of(a.deals()))).toList(), r.truncated());
        return answer(headers, false, body, "repeat-losses-" + body.from() + "-" + body.to(), () -> InsightCsv.repeatLosses(body), null);
    }

    @GET
    @Path("/control")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(operationId = "getLossControl", summary = "How much of the losses was controllable, per team, owner and quarter, and the losses on risk-tagged deals",
            description = "The share of losses whose primary reason was decided controllable and the wrong-prospect rate (a "
                    + "qualification signal), overall, per team, per owner and per quarter of the closed date; and the losses on "
                    + "deals tagged NEW_MARKET, BIGGER_DEAL or NEW_PRODUCT_LINE beside the untagged ones: what growth costs."
                    + NEGOTIATION + " (one line per group, its dimension first).")
    @APIResponse(responseCode = "200", description = "The control figures",
            headers = @Header(name = CSP, description = CSP_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, maxLength = 100)),
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Control.class)),
                    @Content(mediaType = "text/csv", example = CONTROL_CSV)})
    @APIResponse(responseCode = "400", description = "A bad filter or period (query.invalid)")
    @APIResponse(responseCode = "404", description = "No such workspace")
    @Extension(name = "x-right", value = "READ_INSIGHTS")
    @Requires(Right.READ_INSIGHTS)
    public Response control(
            @PathParam("workspaceId") String workspaceId,
            @BeanParam InsightFilterParams filters,
            @Context HttpHeaders headers) {
        WorkspaceId workspace = PathIds.workspace(workspaceId);
        Insights.Control c = insights.control(workspace, filters.toFilter());
        long total = c.overall().lostDeals();
        Function<java.util.List<Insights.GroupFigures>, java.util.List<LossGroup>> groups =
                list -> list.stream().map(g -> LossGroup.of(g, total)).toList();
        Control body = new Control(c.from(), c.to(), LossGroup.of(c.overall(), total), groups.apply(c.teams()),
                groups.apply(c.owners()), groups.apply(c.quarters()), groups.apply(c.riskTags()));
        return answer(headers, false, body, "control-" + body.from() + "-" + body.to(), () -> InsightCsv.control(body), null);
    }

    /** The representation the caller accepts first (JSON when it accepts anything). */
    private static Response answer(HttpHeaders headers, boolean chart, Object json, String fileName, Supplier<String> csv,
                                   Supplier<String> svg) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
            }
            if (accepted.isCompatible(MediaType.valueOf("text/csv"))) {
                return Response.ok(csv.get(), TEXT_CSV)
                        .header("Content-Disposition", "attachment; filename=\"" + fileName + ".csv\"").build();
            }
            if (chart && accepted.isCompatible(MediaType.valueOf(IMAGE_SVG))) {
                return Response.ok(svg.get(), IMAGE_SVG + "; charset=UTF-8").build();
            }
        }
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static int bounded(String text, String name, int absent, int min, int max) {
        if (text == null) {
            return absent;
        }
        int value = QueryParams.parse(text, name, Integer::valueOf);
        if (value < min || value > max) {
            throw new dev.debrief.domain.shared.InvalidInput("query.invalid", name + " must be between " + min + " and " + max, name);
        }
        return value;
    }

    private static LossGrouping grouping(String text) {
        LossGrouping grouping = LossGrouping.valueOf(constant(text));
        if (grouping == LossGrouping.CLOSED_QUARTER) {
            throw new IllegalArgumentException(text);
        }
        return grouping;
    }

    /** reasonCategory → REASON_CATEGORY; anything not in camelCase doesn't parse. */
    static String constant(String camel) {
        if (!camel.matches("[a-z]+([A-Z][a-z]+)*")) {
            throw new IllegalArgumentException(camel);
        }
        return camel.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
    }

    /** REASON_CATEGORY → reasonCategory. */
    static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : constant.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    static final String BREAKDOWN_CSV = "group_id,group_code,group_name,none,lost_deals,share,controllable_deals,controllable_share,"
            + "undecided_deals,wrong_prospect_deals,wrong_prospect_share,contributing_deals,contributing_share,amount_EUR\r\n"
            + "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e,SLOW_RESPONSE,\"Slow response, missed call or email\",false,12,0.25,12,1.0000,0,1,0.0833,4,0.0833,148000.00\r\n"
            + ",,No primary reason,true,2,0.0417,0,0.0000,2,0,0.0000,0,0.0000,0.00\r\n";
    static final String TREND_CSV = "period,start,end,lost_deals,controllable_share,wrong_prospect_share,won_deals,no_decision_deals,"
            + "closed_deals,win_rate,no_decision_rate,previous_lost_deals,lost_change,lost_change_ratio,win_rate_change,"
            + "year_earlier_lost_deals,year_earlier_lost_change,year_earlier_lost_change_ratio,year_earlier_win_rate_change,amount_EUR\r\n"
            + "2026-03,2026-03-01,2026-03-31,12,0.5000,0.0833,6,2,20,0.3000,0.1000,8,4,0.5000,-0.0500,10,2,0.2000,0.0200,148000.00\r\n";
    static final String ISSUES_CSV = "issue_id,issue_code,issue_name,group_count,groups,lost_deals,primary_deals,example_deal_ids,example_deal_names\r\n"
            + "0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e,SLOW_RESPONSE,\"Slow response, missed call or email\",3,EMEA|Nordics|US,9,5,"
            + "0192f0c4-6a2f-7b4d-8e3f-4a5b6c7d8e9f,Acme renewal\r\n";
    static final String REPEAT_CSV = "account,lost_deals,no_decision_deals,last_closed_on,deal_ids,deal_names\r\n"
            + "Acme,2,1,2026-11-20,0192f0c4-6a2f-7b4d-8e3f-4a5b6c7d8e9f|0192f0c4-5b1e-7a3c-9d2e-3f4a5b6c7d8e,Acme renewal|Acme pilot\r\n";
    static final String CONTROL_CSV = "dimension,group_id,group_code,group_name,none,lost_deals,share,controllable_deals,controllable_share,"
            + "undecided_deals,wrong_prospect_deals,wrong_prospect_share,amount_EUR\r\n"
            + "overall,,,All,false,48,1.0000,30,0.6250,2,6,0.1250,1200000.00\r\n"
            + "quarter,,2026-Q1,2026-Q1,false,12,0.2500,9,0.7500,0,1,0.0833,310000.00\r\n";
}
