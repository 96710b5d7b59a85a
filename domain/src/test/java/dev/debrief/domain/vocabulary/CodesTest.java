package dev.debrief.domain.vocabulary;

import org.junit.jupiter.api.Test;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class CodesTest {

    @Test
    void keepsAGivenValidCode() {
        assertThat(Codes.codeOrDerived("ENTERPRISE_2", "Whatever", "code")).isEqualTo("ENTERPRISE_2");
    }

    @Test
    void rejectsAGivenCodeThatIsNotUpperSnakeCase() {
        assertViolation("code.invalid", "code", () -> Codes.codeOrDerived("enterprise", "Enterprise", "code"));
        assertViolation("code.invalid", "code", () -> Codes.codeOrDerived("2ND_TIER", "Second", "code"));
        assertViolation("code.invalid", "code", () -> Codes.codeOrDerived("_X", "X", "code"));
        assertViolation("code.invalid", "code", () -> Codes.codeOrDerived("", "X", "code"));
        assertViolation("code.invalid", "code", () -> Codes.codeOrDerived("A-B", "X", "code"));
    }

    @Test
    void acceptsAGivenCodeOfExactlyTheMaximumLength() {
        String longest = "A".repeat(Codes.MAX);

        assertThat(Codes.codeOrDerived(longest, "x", "code")).isEqualTo(longest);
        assertViolation("code.invalid", "code", () -> Codes.codeOrDerived(longest + "A", "x", "code"));
    }

    @Test
    void derivesTheCodeFromTheName() {
        assertThat(Codes.codeOrDerived(null, "Lead with value", "code")).isEqualTo("LEAD_WITH_VALUE");
        assertThat(Codes.codeOrDerived(null, "Solution (demo)", "code")).isEqualTo("SOLUTION_DEMO");
        assertThat(Codes.codeOrDerived(null, "  --Mid-market & SMB!  ", "code")).isEqualTo("MID_MARKET_SMB");
    }

    @Test
    void dropsAccentsWhenDeriving() {
        assertThat(Codes.codeOrDerived(null, "Café Décor", "code")).isEqualTo("CAFE_DECOR");
    }

    @Test
    void prefixesADerivedCodeThatWouldNotStartWithALetter() {
        assertThat(Codes.codeOrDerived(null, "2nd tier", "code")).isEqualTo("X_2ND_TIER");
        assertThat(Codes.codeOrDerived(null, "!!!", "code")).isEqualTo("X_");
    }

    @Test
    void cutsADerivedCodeToTheMaximumLength() {
        String derived = Codes.codeOrDerived(null, "word ".repeat(30), "code");

        assertThat(derived).hasSize(Codes.MAX).startsWith("WORD_WORD_");
    }
}
