package dev.debrief.application.service.imports;

import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.shared.InvalidInput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvDealRowsTest {

    private static final Instant CREATED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void readsALostRowWithItsReasonsAndDropsTheFormulaGuard() {
        CsvDealRows rows = CsvDealRows.forHeader(List.of(" Name ", "OUTCOME", "closed_on", "primary_reason",
                "contributing_reasons", "partner_reason_text", "fit", "amount", "currency", "source", "external_id",
                "occurred_at", "competitor"), CREATED);

        CsvDealRows.Row row = rows.read(2, List.of("Acme", "lost", "2026-11-20", "SLOW_RESPONSE", "NO_BUDGET|BAD_TIMING",
                "'=too slow", "good fit", "48000.00", "EUR", "salesforce", "006-1", "2026-11-20T10:15:30.123456Z", "'-Globex"));

        IngestItem item = row.item();
        assertThat(item.outcome()).isEqualTo(Outcome.LOST);
        assertThat(item.lossAnalysis().reasonCodes()).containsExactly("SLOW_RESPONSE", "NO_BUDGET", "BAD_TIMING");
        assertThat(item.lossAnalysis().reasonText()).isEqualTo("=too slow");
        assertThat(item.lossAnalysis().fit()).isEqualTo(Fit.GOOD_FIT);
        assertThat(item.competitor()).isEqualTo("-Globex");
        assertThat(item.amount()).isEqualByComparingTo(new BigDecimal("48000.00"));
        assertThat(item.closedOn()).isEqualTo(LocalDate.parse("2026-11-20"));
        assertThat(item.occurredAt()).isEqualTo(Instant.parse("2026-11-20T10:15:30.123456Z"));
        assertThat(row.generatedReference()).isFalse();
    }

    @Test
    void generatesTheSameReferenceForTheSameNameAndAccountAndUsesTheJobsTimeWithoutOccurredAt() {
        CsvDealRows rows = CsvDealRows.forHeader(List.of("name", "account", "outcome"), CREATED);

        CsvDealRows.Row a = rows.read(2, List.of("Acme Renewal", "Acme", "OPEN"));
        CsvDealRows.Row b = rows.read(3, List.of(" acme renewal ", "ACME", "OPEN"));
        CsvDealRows.Row c = rows.read(4, List.of("Acme Renewal", "Other", "OPEN"));

        assertThat(a.item().source()).isEqualTo("csv");
        assertThat(a.item().externalId()).hasSize(64).isEqualTo(b.item().externalId()).isNotEqualTo(c.item().externalId());
        assertThat(a.item().occurredAt()).isEqualTo(CREATED);
        assertThat(a.generatedReference()).isTrue();
    }

    @Test
    void rejectsABadValueNamingItsColumn() {
        CsvDealRows rows = CsvDealRows.forHeader(List.of("name", "outcome", "closed_on", "amount", "pitched_term_months"), CREATED);

        assertThatThrownBy(() -> rows.read(2, List.of("Acme", "WON", "20.11.2026", "", ""))).isInstanceOf(InvalidInput.class)
                .hasFieldOrPropertyWithValue("field", "closed_on");
        assertThatThrownBy(() -> rows.read(2, List.of("Acme", "WON", "", "lots", ""))).hasFieldOrPropertyWithValue("field", "amount");
        assertThatThrownBy(() -> rows.read(2, List.of("Acme", "WON", "", "", "2.5"))).hasFieldOrPropertyWithValue("field", "pitched_term_months");
        assertThatThrownBy(() -> rows.read(2, List.of("Acme", "MAYBE", "", "", ""))).hasFieldOrPropertyWithValue("field", "outcome");
        assertThatThrownBy(() -> rows.read(2, List.of("", "WON", "", "", ""))).hasFieldOrPropertyWithValue("field", "name");
    }

    @Test
    void refusesAHeaderWithoutNameOrOutcome() {
        assertThatThrownBy(() -> CsvDealRows.forHeader(List.of("account", "outcome"), CREATED))
                .hasFieldOrPropertyWithValue("code", "import.column-required").hasFieldOrPropertyWithValue("field", "name");
        assertThatThrownBy(() -> CsvDealRows.forHeader(List.of("name"), CREATED))
                .hasFieldOrPropertyWithValue("field", "outcome");
        assertThatThrownBy(() -> CsvDealRows.forHeader(List.of(""), CREATED))
                .hasFieldOrPropertyWithValue("code", "import.header-missing");
    }
}
