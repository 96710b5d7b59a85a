package dev.debrief.application.service.audit;

import dev.debrief.application.port.in.audit.AuditFilter;
import dev.debrief.application.port.in.audit.AuditQueries;
import dev.debrief.application.port.in.shared.Cursors;
import dev.debrief.application.port.out.audit.AuditLog;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Right;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.shared.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional
public class AuditQueryService implements AuditQueries {

    private static final String KIND = "a1";

    private final AuditLog log;

    @Inject
    public AuditQueryService(AuditLog log) {
        this.log = log;
    }

    @Override
    public AuditPage list(Access access, AuditFilter filter, String cursor, int limit) {
        access.require(Right.ADMINISTER);
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidInput("page.limit-out-of-range", "limit must be between 1 and " + MAX_PAGE_SIZE, "limit");
        }
        String fingerprint = Cursors.fingerprint(filter);
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            String[] fields = Cursors.decode(cursor, KIND, fingerprint, 2);
            try {
                afterAt = Instant.parse(fields[0]);
                afterId = UUID.fromString(fields[1]);
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
        }
        List<AuditEvent> rows = log.page(access.workspaceId(), filter, afterAt, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<AuditEvent> items = more ? rows.subList(0, limit) : rows;
        AuditEvent last = items.isEmpty() ? null : items.get(items.size() - 1);
        String next = more ? Cursors.encode(KIND, fingerprint, last.occurredAt().toString(), last.id().toString()) : null;
        return new AuditPage(List.copyOf(items), next);
    }
}
