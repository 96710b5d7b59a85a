package dev.debrief.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleViolationTest {

    @Test
    void nestsItsFieldUnderAPrefix() {
        RuleViolation nested = new RuleViolation("x.y", "message", "primaryReason.reasonId").under("lossAnalysis");

        assertThat(nested.code()).isEqualTo("x.y");
        assertThat(nested.getMessage()).isEqualTo("message");
        assertThat(nested.field()).isEqualTo("lossAnalysis.primaryReason.reasonId");
    }

    @Test
    void blamesThePrefixWhenItHadNoField() {
        assertThat(new RuleViolation("x.y", "message").under("lossAnalysis").field()).isEqualTo("lossAnalysis");
    }

    @Test
    void versionMismatchNamesBothVersions() {
        VersionMismatch mismatch = new VersionMismatch(3, 5);

        assertThat(mismatch.code()).isEqualTo("precondition.failed");
        assertThat(mismatch.getMessage()).contains("version 3", "version 5");
    }
}
