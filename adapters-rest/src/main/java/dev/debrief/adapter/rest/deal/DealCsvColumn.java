package dev.debrief.adapter.rest.deal;

import dev.debrief.application.port.in.deal.DealExportRow;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the deal CSV, in file order, with the header each one has: the export writes
 * them, the CSV import reads the same names. Change a name only with both sides.
 *
 * <p>Values: vocabulary entries (team, stage, segment, persona, lead source, stage lost at) and
 * loss reasons by their <b>code</b>, never their id, so a file reads the same in another workspace
 * with the same codes; the owner by email; enums by name; lists ({@code risk_tags},
 * {@code contributing_reasons}, {@code contributing_controllable}) joined with {@code |} in position
 * order, one {@code contributing_controllable} per contributing reason; controllability
 * {@code true}, {@code false} or empty (undecided); dates ISO-8601 ({@code 2026-11-20}); instants
 * ISO-8601 in UTC ({@code 2026-11-20T10:15:30Z}, with fractional seconds when the stored value
 * has them); amounts plain decimals ({@code 48000.00}). Empty means null. {@code occurred_at} is the
 * source system's time of the newest partner state (empty if no partner ever pushed the deal);
 * the analysis columns are empty for a deal without a current loss analysis.
 */
public enum DealCsvColumn {
    ID("id", r -> text(r.id())),
    SOURCE("source", DealExportRow::source),
    EXTERNAL_ID("external_id", DealExportRow::externalId),
    OCCURRED_AT("occurred_at", r -> text(r.occurredAt())),
    NAME("name", DealExportRow::name),
    ACCOUNT("account", DealExportRow::account),
    OWNER_EMAIL("owner_email", DealExportRow::ownerEmail),
    AMOUNT("amount", r -> amount(r.amount())),
    CURRENCY("currency", DealExportRow::currency),
    TEAM("team", DealExportRow::team),
    STAGE("stage", DealExportRow::stage),
    SEGMENT("segment", DealExportRow::segment),
    PERSONA("persona", DealExportRow::persona),
    LEAD_SOURCE("lead_source", DealExportRow::leadSource),
    PITCHED_AT("pitched_at", r -> text(r.pitchedAt())),
    PITCHED_TERM_MONTHS("pitched_term_months", r -> text(r.pitchedTermMonths())),
    RISK_TAGS("risk_tags", r -> r.riskTags().stream().map(Enum::name).collect(Collectors.joining(DealCsvColumn.LIST_SEPARATOR))),
    COMPETITOR("competitor", DealExportRow::competitor),
    OUTCOME("outcome", DealExportRow::outcome),
    CLOSED_ON("closed_on", r -> text(r.closedOn())),
    ANALYSIS_STATUS("analysis_status", DealExportRow::analysisStatus),
    ANALYSIS_SOURCE("analysis_source", DealExportRow::analysisSource),
    PRIMARY_REASON("primary_reason", DealExportRow::primaryReason),
    PRIMARY_CONTROLLABLE("primary_controllable", r -> text(r.primaryControllable())),
    CONTRIBUTING_REASONS("contributing_reasons", r -> joined(r.contributingReasons())),
    CONTRIBUTING_CONTROLLABLE("contributing_controllable", r -> joined(r.contributingControllable())),
    STAGE_LOST_AT("stage_lost_at", DealExportRow::stageLostAt),
    FIT("fit", DealExportRow::fit),
    LOSS_COMPETITOR("loss_competitor", DealExportRow::lossCompetitor),
    WHAT_HAPPENED("what_happened", DealExportRow::whatHappened),
    WHAT_WE_WOULD_DO_DIFFERENTLY("what_we_would_do_differently", DealExportRow::whatWeWouldDoDifferently),
    PARTNER_REASON_TEXT("partner_reason_text", DealExportRow::partnerReasonText),
    CREATED_AT("created_at", r -> text(r.createdAt())),
    UPDATED_AT("updated_at", r -> text(r.updatedAt()));

    /** Separates the entries of a list cell. Codes are UPPER_SNAKE, so it never occurs in one. */
    public static final String LIST_SEPARATOR = "|";

    private static final DealCsvColumn[] ALL = values();

    private final String header;
    private final Function<DealExportRow, String> value;

    DealCsvColumn(String header, Function<DealExportRow, String> value) {
        this.header = header;
        this.value = value;
    }

    public String header() {
        return header;
    }

    /** This column's text for the row, before CSV escaping; null for an empty cell. */
    public String valueOf(DealExportRow row) {
        return value.apply(row);
    }

    /** The header row's cells, in file order. */
    public static String[] headers() {
        String[] headers = new String[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            headers[i] = ALL[i].header;
        }
        return headers;
    }

    /** A row's cells, in file order. */
    public static String[] cells(DealExportRow row) {
        String[] cells = new String[ALL.length];
        for (int i = 0; i < ALL.length; i++) {
            cells[i] = ALL[i].valueOf(row);
        }
        return cells;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static String amount(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static String joined(List<?> values) {
        return values.stream().map(v -> v == null ? "" : v.toString()).collect(Collectors.joining(LIST_SEPARATOR));
    }
}
