package dev.debrief.domain.workspace;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;

import static dev.debrief.domain.shared.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

class WorkspaceTest {

    private static final Instant CREATED = Instant.parse("2025-01-10T08:00:00Z");
    private static final Instant LATER = Instant.parse("2025-02-10T08:00:00Z");

    @Test
    void createsWorkspaceAtVersionZero() {
        Workspace workspace = Workspace.create("  Acme Sales ", " Europe/Berlin ", "EUR", CREATED);

        assertThat(workspace.id()).isNotNull();
        assertThat(workspace.name()).isEqualTo("Acme Sales");
        assertThat(workspace.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(workspace.defaultCurrency()).isEqualTo(Currency.getInstance("EUR"));
        assertThat(workspace.createdAt()).isEqualTo(CREATED);
        assertThat(workspace.updatedAt()).isEqualTo(CREATED);
        assertThat(workspace.version()).isZero();
    }

    @Test
    void rejectsBlankName() {
        assertViolation("value.required", "name", () -> Workspace.create(" ", "Europe/Berlin", "EUR", CREATED));
    }

    @Test
    void rejectsTooLongName() {
        assertViolation("value.too-long", "name",
                () -> Workspace.create("x".repeat(Workspace.NAME_MAX + 1), "Europe/Berlin", "EUR", CREATED));
    }

    @Test
    void rejectsUnknownTimeZone() {
        assertViolation("workspace.time-zone-invalid", "timeZone",
                () -> Workspace.create("Acme", "Europe/Atlantis", "EUR", CREATED));
        assertViolation("workspace.time-zone-invalid", "timeZone",
                () -> Workspace.create("Acme", "not a zone", "EUR", CREATED));
    }

    @Test
    void acceptsRegionsOfTheTzDatabaseButNotBareOffsets() {
        assertThat(Workspace.create("Acme", "UTC", "EUR", CREATED).timeZone().getId()).isEqualTo("UTC");
        assertThat(Workspace.create("Acme", "Pacific/Auckland", "EUR", CREATED).timeZone().getId()).isEqualTo("Pacific/Auckland");
        for (String offset : java.util.List.of("+02:00", "UTC+2", "GMT-05:00", "Z")) {
            assertViolation("workspace.time-zone-invalid", "timeZone", () -> Workspace.create("Acme", offset, "EUR", CREATED));
        }
    }

    @Test
    void rejectsMissingTimeZone() {
        assertViolation("value.required", "timeZone", () -> Workspace.create("Acme", " ", "EUR", CREATED));
        assertViolation("value.required", "timeZone", () -> Workspace.create("Acme", null, "EUR", CREATED));
    }

    @Test
    void rejectsCurrencyThatIsNotAnIsoCode() {
        assertViolation("currency.invalid", "defaultCurrency", () -> Workspace.create("Acme", "UTC", "eur", CREATED));
        assertViolation("currency.invalid", "defaultCurrency", () -> Workspace.create("Acme", "UTC", "EURO", CREATED));
        assertViolation("currency.invalid", "defaultCurrency", () -> Workspace.create("Acme", "UTC", "QQQ", CREATED));
        assertViolation("currency.invalid", "defaultCurrency", () -> Workspace.create("Acme", "UTC", null, CREATED));
    }

    @Test
    void checksCurrencyUnderTheGivenField() {
        assertThat(Workspace.currency("USD", "amount.currency")).isEqualTo(Currency.getInstance("USD"));
        assertViolation("currency.invalid", "amount.currency", () -> Workspace.currency("usd", "amount.currency"));
    }

    @Test
    void updatesEverythingButCreatedAt() {
        Workspace workspace = Workspace.create("Acme", "Europe/Berlin", "EUR", CREATED);

        workspace.update(" Acme Inc ", "America/New_York", "USD", LATER);

        assertThat(workspace.name()).isEqualTo("Acme Inc");
        assertThat(workspace.timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(workspace.defaultCurrency()).isEqualTo(Currency.getInstance("USD"));
        assertThat(workspace.createdAt()).isEqualTo(CREATED);
        assertThat(workspace.updatedAt()).isEqualTo(LATER);
    }

    @Test
    void leavesWorkspaceUnchangedWhenAnUpdateIsRejected() {
        Workspace workspace = Workspace.create("Acme", "Europe/Berlin", "EUR", CREATED);

        assertViolation("currency.invalid", "defaultCurrency",
                () -> workspace.update("Renamed", "America/New_York", "nope", LATER));

        assertThat(workspace.name()).isEqualTo("Acme");
        assertThat(workspace.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(workspace.updatedAt()).isEqualTo(CREATED);
    }
}
