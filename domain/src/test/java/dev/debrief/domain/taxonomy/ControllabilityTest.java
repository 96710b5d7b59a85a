package dev.debrief.domain.taxonomy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ControllabilityTest {

    @Test
    void defaultsYesToControllable() {
        assertThat(Controllability.YES.resolve(null)).isTrue();
    }

    @Test
    void defaultsNoToNotControllable() {
        assertThat(Controllability.NO.resolve(null)).isFalse();
    }

    @Test
    void leavesPartlyUndecidedWithoutADecision() {
        assertThat(Controllability.PARTLY.resolve(null)).isNull();
    }

    @Test
    void letsAnExplicitDecisionOverrideEveryDefault() {
        for (Controllability c : Controllability.values()) {
            assertThat(c.resolve(true)).as(c.name()).isTrue();
            assertThat(c.resolve(false)).as(c.name()).isFalse();
        }
    }
}
