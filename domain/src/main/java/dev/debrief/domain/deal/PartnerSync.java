package dev.debrief.domain.deal;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What Debrief keeps about a deal's partner pushes: the source system's time of the newest state
 * applied, and the partner's values that matched nothing (the deal holds those fields empty).
 */
public record PartnerSync(Instant occurredAt, Map<TriageField, String> unresolved) {

    public PartnerSync {
        Objects.requireNonNull(occurredAt, "occurredAt");
        unresolved = unresolved == null || unresolved.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(unresolved));
    }
}
