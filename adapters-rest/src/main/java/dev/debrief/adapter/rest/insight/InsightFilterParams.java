package dev.debrief.adapter.rest.insight;

import dev.debrief.adapter.rest.shared.Dates;
import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.insight.InsightFilter;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.RiskTag;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.util.UUID;

/**
 * The period and filters of every insight ({@code @BeanParam}), declared, documented and parsed once. A value
 * that doesn't parse is a 400 {@code query.invalid} naming the parameter.
 */
public class InsightFilterParams {

    @Parameter(description = "First closed date counted, YYYY-MM-DD (default: the day after the same date 12 months before `to`; "
            + "24 months for repeat losses)")
    @QueryParam("from")
    String from;

    @Parameter(description = "Last closed date counted, included, YYYY-MM-DD (default: today in the workspace's time zone). "
            + "At most 3660 days from `from`")
    @QueryParam("to")
    String to;

    @Parameter(description = "Only deals of this team")
    @QueryParam("teamId")
    String teamId;

    @Parameter(description = "Only deals of this owner (a member id)")
    @QueryParam("ownerId")
    String ownerId;

    @Parameter(description = "Only deals of this segment")
    @QueryParam("segmentId")
    String segmentId;

    @Parameter(description = "Only deals of this persona")
    @QueryParam("personaId")
    String personaId;

    @Parameter(description = "Only deals of this lead source")
    @QueryParam("leadSourceId")
    String leadSourceId;

    @Parameter(description = "Only deals whose current loss analysis says they were lost at this stage")
    @QueryParam("stageLostAtId")
    String stageLostAtId;

    @Parameter(description = "Only deals lost to this competitor: the current analysis's competitor, or the deal's when the analysis "
            + "names none; compared ignoring case and surrounding blanks",
            schema = @Schema(type = SchemaType.STRING, maxLength = InsightFilter.COMPETITOR_MAX))
    @QueryParam("competitor")
    String competitor;

    @Parameter(description = "Only deals carrying this risk tag",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"NEW_MARKET", "BIGGER_DEAL", "NEW_PRODUCT_LINE"}))
    @QueryParam("riskTag")
    String riskTag;

    @Parameter(description = "The loss the insight measures: LOST (default) or NO_DECISION. The trend's win and no-decision "
            + "rates always count every closed deal matching the other filters",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"LOST", "NO_DECISION"}))
    @QueryParam("outcome")
    String outcome;

    /** @throws dev.debrief.domain.shared.InvalidInput {@code query.invalid} */
    public InsightFilter toFilter() {
        return new InsightFilter(Dates.queryDate(from, "from"), Dates.queryDate(to, "to"),
                entry(teamId, "teamId"), QueryParams.parse(ownerId, "ownerId", UUID::fromString),
                entry(segmentId, "segmentId"), entry(personaId, "personaId"), entry(leadSourceId, "leadSourceId"),
                entry(stageLostAtId, "stageLostAtId"), competitor,
                QueryParams.parse(riskTag, "riskTag", RiskTag::valueOf),
                QueryParams.parse(outcome, "outcome", InsightFilterParams::loss));
    }

    private static Outcome loss(String text) {
        Outcome value = Outcome.valueOf(text);
        if (value != Outcome.LOST && value != Outcome.NO_DECISION) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }

    private static VocabularyEntryId entry(String text, String field) {
        return text == null ? null : new VocabularyEntryId(QueryParams.parse(text, field, UUID::fromString));
    }
}
