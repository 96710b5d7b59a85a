package dev.debrief.domain.lesson;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class PositivePhrasingTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Don't discount before the second call",
            "don’t discount before the second call",
            "DONT discount",
            "Do not pitch features",
            "  Never send a quote without a call",
            "\"Never send a quote without a call\"",
            "“Avoid price talk in discovery”",
            "avoid price talk",
            "Stop discounting",
            "Stop.",
            "No more cold emails to CFOs",
            "No discounts without approval",
            "No longer wait for the buyer",
            "Quit chasing unqualified leads",
            "Refrain from promising roadmap dates",
            "Cease the weekly spam",
            "Must not skip discovery",
            "Should not skip discovery",
            "Shouldn't skip discovery",
            "Cannot skip discovery",
            "Not before the demo",
            "- Never again",
            "• Don't wait",
            "'never' again"})
    void refusesTextsThatOpenAsProhibitions(String text) {
        assertViolation("phrasing.prohibition", "statement", () -> PositivePhrasing.require(text, "statement"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Donate an hour to the buyer's onboarding plan",
            "Nevertheless, call the buyer back within a day",
            "Avoidance of surprises: share the price range in discovery",
            "Notice who signs, and meet them in discovery",
            "Nobody leaves discovery without the budget owner's name",
            "No-one closes without a mutual action plan",
            "Stop by the buyer's office after the demo",
            "Stopwatch the first reply: answer within an hour",
            "Send the revised quote the same day",
            "Call back within a day, never later",
            "Do the ROI case with the CFO before the proposal",
            "Note the budget owner in discovery"})
    void acceptsTextsThatReadAsDos(String text) {
        assertThat(PositivePhrasing.prohibitionIn(text)).as(text).isNull();
        assertThat(PositivePhrasing.require(text, "statement")).isEqualTo(text);
    }
}
