package dev.debrief.application.port.in.deal;

import dev.debrief.domain.deal.RiskTag;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One deal with its current loss analysis, flat, as the export writes it: vocabulary values and
 * reasons by their code, the owner by email, enums by name. Null means empty. Reasons are in
 * position order; {@code contributingControllable} holds one entry per contributing reason (null
 * while undecided). Not the aggregate: nothing here is validated or loaded twice.
 */
public record DealExportRow(
        UUID id,
        String source,
        String externalId,
        Instant occurredAt,
        String name,
        String account,
        String ownerEmail,
        BigDecimal amount,
        String currency,
        String team,
        String stage,
        String segment,
        String persona,
        String leadSource,
        LocalDate pitchedAt,
        Integer pitchedTermMonths,
        Set<RiskTag> riskTags,
        String competitor,
        String outcome,
        LocalDate closedOn,
        String analysisStatus,
        String analysisSource,
        String primaryReason,
        Boolean primaryControllable,
        List<String> contributingReasons,
        List<Boolean> contributingControllable,
        String stageLostAt,
        String fit,
        String lossCompetitor,
        String whatHappened,
        String whatWeWouldDoDifferently,
        String partnerReasonText,
        Instant createdAt,
        Instant updatedAt) {
}
