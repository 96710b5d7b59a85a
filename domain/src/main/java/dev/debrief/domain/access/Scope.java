package dev.debrief.domain.access;

import dev.debrief.domain.shared.RuleViolation;

/** What an API key may do inside its workspace. */
public enum Scope {
    DEALS_READ("deals:read"),
    DEALS_WRITE("deals:write"),
    INSIGHTS_READ("insights:read"),
    ADMIN("admin");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Scope of(String value, String field) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return scope;
            }
        }
        throw new RuleViolation("api-key.scope-unknown",
                "Unknown scope '" + value + "': use deals:read, deals:write, insights:read or admin", field);
    }
}
