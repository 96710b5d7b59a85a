package dev.debrief.adapter.rest.deal;

import dev.debrief.adapter.rest.shared.Dates;

import dev.debrief.adapter.rest.shared.QueryParams;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The deal filters as query parameters, shared by the deal list and the CSV export
 * ({@code @BeanParam}): declared, documented and parsed once. A value that doesn't parse is a 400
 * {@code query.invalid} naming the parameter.
 */
public class DealFilterParams {

    static final int MAX_QUERY_LENGTH = 200;

    @Parameter(description = "OPEN, WON, LOST or NO_DECISION", schema = @Schema(type = SchemaType.STRING, enumeration = {"OPEN", "WON", "LOST", "NO_DECISION"}))
    @QueryParam("outcome")
    String outcome;

    @Parameter(description = "Owner's member id")
    @QueryParam("ownerId")
    String ownerId;

    @QueryParam("teamId")
    String teamId;

    @QueryParam("stageId")
    String stageId;

    @QueryParam("segmentId")
    String segmentId;

    @QueryParam("personaId")
    String personaId;

    @QueryParam("leadSourceId")
    String leadSourceId;

    @Parameter(description = "Closed on or after (YYYY-MM-DD)")
    @QueryParam("closedFrom")
    String closedFrom;

    @Parameter(description = "Closed on or before (YYYY-MM-DD)")
    @QueryParam("closedTo")
    String closedTo;

    @Parameter(description = "Text in the name or account, case-insensitive (at most 200 characters)",
            schema = @Schema(type = SchemaType.STRING, maxLength = MAX_QUERY_LENGTH))
    @QueryParam("q")
    String q;

    @Parameter(description = "true: only deals waiting for triage (a partner value that matched nothing, listed in the deal's triage, or a PENDING_TRIAGE analysis); false: only the others")
    @QueryParam("triage")
    String triage;

    /** @throws InvalidInput {@code query.invalid} for a value that doesn't parse or a q over 200 characters */
    public DealFilter toFilter() {
        DealFilter filter = new DealFilter(
                QueryParams.parse(outcome, "outcome", Outcome::valueOf),
                QueryParams.parse(ownerId, "ownerId", UUID::fromString),
                entry(teamId, "teamId"), entry(stageId, "stageId"), entry(segmentId, "segmentId"),
                entry(personaId, "personaId"), entry(leadSourceId, "leadSourceId"),
                date(closedFrom, "closedFrom"), date(closedTo, "closedTo"),
                q == null || q.isBlank() ? null : q.strip(),
                QueryParams.parse(triage, "triage", QueryParams::bool));
        if (filter.q() != null && filter.q().length() > MAX_QUERY_LENGTH) {
            throw new InvalidInput("query.invalid", "q must be at most " + MAX_QUERY_LENGTH + " characters", "q");
        }
        return filter;
    }

    private static VocabularyEntryId entry(String text, String field) {
        return text == null ? null : new VocabularyEntryId(QueryParams.parse(text, field, UUID::fromString));
    }

    private static LocalDate date(String text, String field) {
        return Dates.queryDate(text, field);
    }
}
