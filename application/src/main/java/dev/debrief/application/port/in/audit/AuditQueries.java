package dev.debrief.application.port.in.audit;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.audit.AuditEvent;

import java.util.List;

public interface AuditQueries {

    int MAX_PAGE_SIZE = 100;

    record AuditPage(List<AuditEvent> items, String nextCursor) {
    }

    /** The workspace's audit trail, newest first, keyset paginated (admins only). */
    AuditPage list(Access access, AuditFilter filter, String cursor, int limit);
}
