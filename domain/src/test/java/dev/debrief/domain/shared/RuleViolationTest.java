package dev.debrief.domain.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleViolationTest {

    @Test
    void nestsItsFieldUnderAPrefix() {
        DomainException nested = new RuleViolation("x.y", "message", "primaryReason.reasonId").nestedUnder("lossAnalysis");

        assertThat(nested.code()).isEqualTo("x.y");
        assertThat(nested.getMessage()).isEqualTo("message");
        assertThat(nested.field()).isEqualTo("lossAnalysis.primaryReason.reasonId");
    }

    @Test
    void blamesThePrefixWhenItHadNoField() {
        assertThat(new ReferenceNotFound("Loss reason", "r1", null).nestedUnder("lossAnalysis").field()).isEqualTo("lossAnalysis");
    }

    @Test
    void versionMismatchNamesBothVersions() {
        VersionMismatch mismatch = new VersionMismatch(3, 5);

        assertThat(mismatch.code()).isEqualTo("precondition.failed");
        assertThat(mismatch.getMessage()).contains("version 3", "version 5");
    }
}
