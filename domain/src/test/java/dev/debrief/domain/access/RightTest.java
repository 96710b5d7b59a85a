package dev.debrief.domain.access;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization matrix, cell by cell: every right against every role and every single scope. */
class RightTest {

    private static final Map<Right, Set<Role>> ROLES = Map.of(
            Right.READ, EnumSet.allOf(Role.class),
            Right.READ_INSIGHTS, EnumSet.allOf(Role.class),
            Right.WRITE_DEALS, EnumSet.allOf(Role.class),
            Right.INGEST_DEALS, EnumSet.of(Role.ADMIN),
            Right.WRITE_LESSONS, EnumSet.allOf(Role.class),
            Right.MANAGE_LESSONS, EnumSet.of(Role.ADMIN, Role.MANAGER),
            Right.ENDORSE, EnumSet.allOf(Role.class),
            Right.WRITE_FOLLOW_UPS, EnumSet.allOf(Role.class),
            Right.PLAN, EnumSet.allOf(Role.class),
            Right.ADMINISTER, EnumSet.of(Role.ADMIN));

    private static final Map<Right, Set<Scope>> SCOPES = Map.of(
            Right.READ, EnumSet.of(Scope.DEALS_READ, Scope.DEALS_WRITE, Scope.ADMIN),
            Right.READ_INSIGHTS, EnumSet.of(Scope.INSIGHTS_READ, Scope.DEALS_READ, Scope.DEALS_WRITE, Scope.ADMIN),
            Right.WRITE_DEALS, EnumSet.of(Scope.DEALS_WRITE, Scope.ADMIN),
            Right.INGEST_DEALS, EnumSet.of(Scope.DEALS_WRITE, Scope.ADMIN),
            Right.WRITE_LESSONS, EnumSet.of(Scope.ADMIN),
            Right.MANAGE_LESSONS, EnumSet.of(Scope.ADMIN),
            Right.ENDORSE, EnumSet.noneOf(Scope.class),
            Right.WRITE_FOLLOW_UPS, EnumSet.of(Scope.DEALS_WRITE, Scope.ADMIN),
            Right.PLAN, EnumSet.noneOf(Scope.class),
            Right.ADMINISTER, EnumSet.of(Scope.ADMIN));

    @Test
    void grantsEachRightToExactlyTheRolesOfTheMatrix() {
        for (Right right : Right.values()) {
            for (Role role : Role.values()) {
                assertThat(right.grantedTo(role)).as("%s to %s", right, role)
                        .isEqualTo(ROLES.get(right).contains(role));
            }
            assertThat(right.roles()).as("%s roles", right).isEqualTo(ROLES.get(right));
        }
    }

    @Test
    void grantsEachRightByExactlyTheScopesOfTheMatrix() {
        for (Right right : Right.values()) {
            for (Scope scope : Scope.values()) {
                assertThat(right.grantedBy(Set.of(scope))).as("%s by %s", right, scope.value())
                        .isEqualTo(SCOPES.get(right).contains(scope));
            }
            assertThat(right.scopes()).as("%s scopes", right).isEqualTo(SCOPES.get(right));
        }
    }

    @Test
    void grantsAnInsightsOnlyKeyTheInsightsAndNothingElse() {
        for (Right right : Right.values()) {
            assertThat(right.grantedBy(Set.of(Scope.INSIGHTS_READ))).as(right.name()).isEqualTo(right == Right.READ_INSIGHTS);
        }
    }

    @Test
    void grantsARightWhenAnyOfTheKeysScopesDoes() {
        assertThat(Right.ADMINISTER.grantedBy(EnumSet.of(Scope.INSIGHTS_READ, Scope.ADMIN))).isTrue();
        assertThat(Right.WRITE_DEALS.grantedBy(EnumSet.of(Scope.DEALS_READ, Scope.INSIGHTS_READ))).isFalse();
    }

    @Test
    void grantsNothingToAKeyWithoutScopes() {
        for (Right right : Right.values()) {
            assertThat(right.grantedBy(Set.of())).as(right.name()).isFalse();
        }
    }

    @Test
    void handsOutCopiesOfItsRolesAndScopes() {
        Right.READ.roles().clear();
        Right.READ.scopes().clear();

        assertThat(Right.READ.grantedTo(Role.REP)).isTrue();
        assertThat(Right.READ.grantedBy(Set.of(Scope.DEALS_READ))).isTrue();
    }
}
