package dev.debrief.application.port.in.audit;

import java.time.Instant;
import java.util.UUID;

/** Audit trail filters, all optional: the actor (member or key id), the resource type, a time range [from, to). */
public record AuditFilter(UUID actorId, String resource, Instant from, Instant to) {
}
