package dev.debrief.domain.shared;

import org.junit.jupiter.api.Test;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class TextTest {

    @Test
    void trimsRequiredText() {
        assertThat(Text.required("  Acme  ", 10, "name")).isEqualTo("Acme");
    }

    @Test
    void rejectsBlankRequiredText() {
        assertViolation("value.required", "name", () -> Text.required("   ", 10, "name"));
        assertViolation("value.required", "name", () -> Text.required(null, 10, "name"));
    }

    @Test
    void measuresLengthAfterTrimming() {
        assertThat(Text.required(" 12345 ", 5, "name")).isEqualTo("12345");
        assertViolation("value.too-long", "name", () -> Text.required("123456", 5, "name"));
    }

    @Test
    void turnsBlankOptionalTextIntoNull() {
        assertThat(Text.optional("  ", 5, "account")).isNull();
        assertThat(Text.optional(null, 5, "account")).isNull();
    }

    @Test
    void rejectsTooLongOptionalText() {
        assertViolation("value.too-long", "account", () -> Text.optional("123456", 5, "account"));
    }
}
