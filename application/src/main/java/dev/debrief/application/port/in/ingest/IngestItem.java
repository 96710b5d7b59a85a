package dev.debrief.application.port.in.ingest;

import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One deal's state as a partner pushes it, before Debrief resolves its values: the owner by email,
 * vocabulary values by name or code, loss reasons by taxonomy code; and the activities it carries.
 */
public record IngestItem(String source, String externalId, Instant occurredAt, String name, String account,
                         String ownerEmail, BigDecimal amount, String currency, String team, String stage,
                         String segment, String persona, String leadSource, LocalDate pitchedAt,
                         Integer pitchedTermMonths, String competitor, Outcome outcome, LocalDate closedOn,
                         Analysis lossAnalysis, List<PartnerActivity> activities) {

    public IngestItem {
        activities = activities == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(activities));
    }

    /** An item without activities (the CSV import's rows, pushes that carry none). */
    public IngestItem(String source, String externalId, Instant occurredAt, String name, String account,
                      String ownerEmail, BigDecimal amount, String currency, String team, String stage,
                      String segment, String persona, String leadSource, LocalDate pitchedAt,
                      Integer pitchedTermMonths, String competitor, Outcome outcome, LocalDate closedOn,
                      Analysis lossAnalysis) {
        this(source, externalId, occurredAt, name, account, ownerEmail, amount, currency, team, stage, segment, persona,
                leadSource, pitchedAt, pitchedTermMonths, competitor, outcome, closedOn, lossAnalysis, List.of());
    }

    /**
     * An activity on the item's deal, with the partner's own id for it (unique per deal and source: a retry
     * doesn't record it twice); the member by email, like the owner.
     */
    public record PartnerActivity(String externalId, ActivityType type, ActivityDirection direction, Instant occurredAt,
                                  String memberEmail, String note) {
    }

    /** The loss analysis of a LOST item: reason codes (the first is the primary one) and/or the partner's text. */
    public record Analysis(List<String> reasonCodes, String reasonText, String stageLostAt, Fit fit, String competitor,
                           String whatHappened) {

        public Analysis {
            reasonCodes = reasonCodes == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(reasonCodes));
        }
    }
}
