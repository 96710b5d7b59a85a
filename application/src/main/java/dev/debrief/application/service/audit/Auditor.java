package dev.debrief.application.service.audit;

import dev.debrief.application.port.out.audit.AuditLog;
import dev.debrief.application.port.out.audit.RequestContext;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Records the writes of the use case that calls it, in that use case's transaction. */
@ApplicationScoped
public class Auditor {

    static final String CHANGE = "change";

    private final AuditLog log;
    private final RequestContext request;
    private final Clock clock;

    @Inject
    public Auditor(AuditLog log, RequestContext request, Clock clock) {
        this.log = log;
        this.request = request;
        this.clock = clock;
    }

    public void record(Access access, String resource, UUID resourceId, String action, List<String> changedFields) {
        record(access, access.workspaceId(), resource, resourceId, action, changedFields);
    }

    /** One record a write changed, for {@link #recordAll}. */
    public record Entry(String resource, UUID resourceId, String action, List<String> changedFields) {
    }

    /** Records many writes of one caller at once (a bulk write), each as its own row. */
    public void recordAll(Access access, List<Entry> entries) {
        String requestId = request.requestId().orElse(null);
        java.time.Instant now = clock.instant();
        List<AuditEvent> events = entries.stream()
                .filter(e -> !(CHANGE.equals(e.action()) && e.changedFields().isEmpty()))
                .map(e -> AuditEvent.of(access, access.workspaceId(), e.resource(), e.resourceId(), e.action(),
                        e.changedFields(), requestId, now))
                .toList();
        if (!events.isEmpty()) {
            log.recordAll(events);
        }
    }

    /** For writes whose caller has no access yet (a workspace's creation) or is the system (null). */
    public void record(Access access, WorkspaceId workspaceId, String resource, UUID resourceId, String action,
                       List<String> changedFields) {
        if (CHANGE.equals(action) && changedFields.isEmpty()) {
            return; // a change that changed nothing is no write worth a row
        }
        log.record(AuditEvent.of(access, workspaceId, resource, resourceId, action, changedFields,
                request.requestId().orElse(null), clock.instant()));
    }
}
