package dev.debrief.application.port.in.ingest;

import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One deal's state as a partner pushes it, before Debrief resolves its values: the owner by email,
 * vocabulary values by name or code, loss reasons by taxonomy code.
 */
public record IngestItem(String source, String externalId, Instant occurredAt, String name, String account,
                         String ownerEmail, BigDecimal amount, String currency, String team, String stage,
                         String segment, String persona, String leadSource, LocalDate pitchedAt,
                         Integer pitchedTermMonths, String competitor, Outcome outcome, LocalDate closedOn,
                         Analysis lossAnalysis) {

    /** The loss analysis of a LOST item: reason codes (the first is the primary one) and/or the partner's text. */
    public record Analysis(List<String> reasonCodes, String reasonText, String stageLostAt, Fit fit, String competitor,
                           String whatHappened) {

        public Analysis {
            reasonCodes = reasonCodes == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(reasonCodes));
        }
    }
}
