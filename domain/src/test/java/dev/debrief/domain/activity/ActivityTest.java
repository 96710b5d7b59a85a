package dev.debrief.domain.activity;

import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class ActivityTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private static Activity record(Instant occurredAt, String note) {
        return Activity.record(WorkspaceId.newId(), DealId.newId(), ActivityType.CALL, ActivityDirection.INBOUND, occurredAt,
                null, note, null, NOW, "activities[2].");
    }

    @Test
    void keepsATrimmedNoteOfAtMostFiveHundredCharacters() {
        assertThat(record(NOW, "  " + "n".repeat(500) + " ").note()).hasSize(500);
        assertThat(record(NOW, "   ").note()).isNull();
        assertViolation("value.too-long", "activities[2].note", () -> record(NOW, "n".repeat(501)));
    }

    @Test
    void refusesAnActivityMoreThanFiveMinutesAhead() {
        assertThat(record(NOW.plusSeconds(300), null).occurredAt()).isEqualTo(NOW.plusSeconds(300));
        assertViolation("activity.occurred-in-future", "activities[2].occurredAt", () -> record(NOW.plusSeconds(301), null));
    }

    @Test
    void requiresTypeDirectionAndTime() {
        assertViolation("value.required", "type", () -> Activity.record(WorkspaceId.newId(), DealId.newId(), null,
                ActivityDirection.INBOUND, NOW, null, null, null, NOW, ""));
        assertViolation("value.required", "direction", () -> Activity.record(WorkspaceId.newId(), DealId.newId(),
                ActivityType.NOTE, null, NOW, null, null, null, NOW, ""));
        assertViolation("value.required", "occurredAt", () -> Activity.record(WorkspaceId.newId(), DealId.newId(),
                ActivityType.NOTE, ActivityDirection.INTERNAL, null, null, null, null, NOW, ""));
    }
}
