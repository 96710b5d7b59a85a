package dev.debrief.domain.access;

import org.junit.jupiter.api.Test;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ScopeTest {

    @Test
    void findsEveryScopeByItsValue() {
        for (Scope scope : Scope.values()) {
            assertThat(Scope.of(scope.value(), "scopes[0]")).isEqualTo(scope);
        }
        assertThat(Scope.of("deals:read", "scopes[0]")).isEqualTo(Scope.DEALS_READ);
        assertThat(Scope.of("insights:read", "scopes[0]")).isEqualTo(Scope.INSIGHTS_READ);
    }

    @Test
    void rejectsAnUnknownScopeBlamingTheGivenField() {
        assertViolation("api-key.scope-unknown", "scopes[2]", () -> Scope.of("deals:delete", "scopes[2]"));
    }

    @Test
    void rejectsTheConstantNameInsteadOfTheValue() {
        assertViolation("api-key.scope-unknown", "scopes[0]", () -> Scope.of("DEALS_READ", "scopes[0]"));
    }

    @Test
    void rejectsAMissingScope() {
        assertViolation("api-key.scope-unknown", "scope", () -> Scope.of(null, "scope"));
    }
}
