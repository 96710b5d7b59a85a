package dev.debrief.domain.workspace;

import dev.debrief.domain.followup.CheckInPolicy;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.shared.Text;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;

/** A sales organisation's private space: every other record belongs to exactly one workspace. */
public final class Workspace {

    public static final int NAME_MAX = 200;

    private final WorkspaceId id;
    private String name;
    private ZoneId timeZone;
    private Currency defaultCurrency;
    private CheckInPolicy checkInPolicy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final long version;

    private Workspace(WorkspaceId id, String name, ZoneId timeZone, Currency defaultCurrency,
                      CheckInPolicy checkInPolicy, Instant createdAt, Instant updatedAt, long version) {
        this.id = Objects.requireNonNull(id);
        this.name = name;
        this.timeZone = timeZone;
        this.defaultCurrency = defaultCurrency;
        this.checkInPolicy = Objects.requireNonNull(checkInPolicy);
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    public static Workspace create(String name, String timeZone, String defaultCurrency, Instant now) {
        return create(name, timeZone, defaultCurrency, CheckInPolicy.DEFAULT, now);
    }

    public static Workspace create(String name, String timeZone, String defaultCurrency, CheckInPolicy checkInPolicy,
                                   Instant now) {
        return new Workspace(WorkspaceId.newId(), Text.required(name, NAME_MAX, "name"),
                zone(timeZone), currency(defaultCurrency, "defaultCurrency"), checkInPolicy, now, now, 0);
    }

    public static Workspace rehydrate(WorkspaceId id, String name, ZoneId timeZone, Currency defaultCurrency,
                                      CheckInPolicy checkInPolicy, Instant createdAt, Instant updatedAt, long version) {
        return new Workspace(id, name, timeZone, defaultCurrency, checkInPolicy, createdAt, updatedAt, version);
    }

    public void update(String name, String timeZone, String defaultCurrency, Instant now) {
        update(name, timeZone, defaultCurrency, null, now);
    }

    /** Changes the workspace; a null check-in policy keeps the current one. */
    public void update(String name, String timeZone, String defaultCurrency, CheckInPolicy newPolicy, Instant now) {
        String checkedName = Text.required(name, NAME_MAX, "name");
        ZoneId checkedZone = zone(timeZone);
        Currency checkedCurrency = currency(defaultCurrency, "defaultCurrency");
        this.name = checkedName;
        this.timeZone = checkedZone;
        this.defaultCurrency = checkedCurrency;
        if (newPolicy != null) {
            this.checkInPolicy = newPolicy;
        }
        this.updatedAt = now;
    }

    static ZoneId zone(String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("value.required", "timeZone must not be blank", "timeZone");
        }
        try {
            ZoneId zone = ZoneId.of(value.strip());
            // Region ids of the tz database only: PostgreSQL reads "today" in this zone too (the due-reminder
            // job), and it reads a bare offset such as "+02:00" with the opposite (POSIX) sign.
            if (!ZoneId.getAvailableZoneIds().contains(zone.getId())) {
                throw new DateTimeException(value);
            }
            return zone;
        } catch (DateTimeException e) {
            throw new RuleViolation("workspace.time-zone-invalid",
                    "timeZone must be an IANA time zone such as Europe/Berlin", "timeZone");
        }
    }

    /** An ISO 4217 currency code; shared with deal amounts. */
    public static Currency currency(String value, String field) {
        if (value == null || !value.matches("[A-Z]{3}")) {
            throw new RuleViolation("currency.invalid", field + " must be an ISO 4217 code such as EUR", field);
        }
        try {
            return Currency.getInstance(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("currency.invalid", field + " must be an ISO 4217 code such as EUR", field);
        }
    }

    /** The date it is at {@code now} in the workspace's time zone: "today" for closed dates and due dates. */
    public LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, timeZone);
    }

    public WorkspaceId id() { return id; }
    public String name() { return name; }
    public ZoneId timeZone() { return timeZone; }
    public Currency defaultCurrency() { return defaultCurrency; }
    /** When to check in on lost good-fit deals: the ratio of the term and the term assumed when none was pitched. */
    public CheckInPolicy checkInPolicy() { return checkInPolicy; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public long version() { return version; }
}
