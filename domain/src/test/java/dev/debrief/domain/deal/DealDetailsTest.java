package dev.debrief.domain.deal;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DealDetailsTest {

    private static DealDetails details(String name, String account, String competitor, Set<RiskTag> riskTags) {
        return new DealDetails(name, account, null, null, null, null, null, null, null, null, null, riskTags,
                competitor, null);
    }

    @Test
    void trimsTheTexts() {
        DealDetails details = details("  Acme rollout ", " Acme ", " Globex ", null);

        assertThat(details.name()).isEqualTo("Acme rollout");
        assertThat(details.account()).isEqualTo("Acme");
        assertThat(details.competitor()).isEqualTo("Globex");
    }

    @Test
    void rejectsABlankName() {
        assertViolation("value.required", "name", () -> details("   ", null, null, null));
        assertViolation("value.required", "name", () -> details(null, null, null, null));
    }

    @Test
    void rejectsATooLongName() {
        assertViolation("value.too-long", "name", () -> details("x".repeat(DealDetails.NAME_MAX + 1), null, null, null));
    }

    @Test
    void rejectsATooLongAccountOrCompetitor() {
        assertViolation("value.too-long", "account", () -> details("Acme", "x".repeat(201), null, null));
        assertViolation("value.too-long", "competitor", () -> details("Acme", null, "x".repeat(201), null));
    }

    @Test
    void turnsBlankOptionalTextsIntoNull() {
        DealDetails details = details("Acme", "  ", "", null);

        assertThat(details.account()).isNull();
        assertThat(details.competitor()).isNull();
    }

    @Test
    void makesMissingRiskTagsAnEmptySet() {
        assertThat(details("Acme", null, null, null).riskTags()).isEmpty();
        assertThat(details("Acme", null, null, Set.of()).riskTags()).isEmpty();
    }

    @Test
    void copiesTheRiskTagsImmutably() {
        Set<RiskTag> tags = new HashSet<>(EnumSet.of(RiskTag.NEW_MARKET));
        DealDetails details = details("Acme", null, null, tags);
        tags.add(RiskTag.BIGGER_DEAL);

        assertThat(details.riskTags()).containsExactly(RiskTag.NEW_MARKET);
        assertThatThrownBy(() -> details.riskTags().add(RiskTag.NEW_PRODUCT_LINE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anOwnerIsAnIdWhoseNameTheDealFillsIn() {
        assertThat(new MemberRef(UUID.randomUUID(), " ").displayName()).isNull();
    }
}
