package dev.debrief.application.service.audit;

import dev.debrief.application.port.in.audit.AuditFilter;
import dev.debrief.application.port.in.audit.AuditQueries;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.shared.Forbidden;
import dev.debrief.domain.shared.InvalidInput;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.debrief.application.fixture.DealDetailsBuilder.deal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryServiceTest {

    private final TestApplication app = new TestApplication();
    private final WorkspaceId workspace = app.createWorkspace("UTC").id();
    private final AuditQueryService queries = new AuditQueryService(app.auditLog);
    private final AuditFilter deals = new AuditFilter(null, "deal", null, null);

    @Test
    void walksTheTrailNewestFirstPageByPage() {
        for (int i = 0; i < 5; i++) {
            app.clock.advance(java.time.Duration.ofSeconds(1));
            app.deals.create(app.admin(workspace), deal("Deal " + i).build());
        }
        List<AuditEvent> seen = new ArrayList<>();
        String cursor = null;
        do {
            AuditQueries.AuditPage page = queries.list(app.admin(workspace), deals, cursor, 2);
            seen.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(seen).hasSize(5).extracting(AuditEvent::occurredAt).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(seen).allMatch(e -> "test-request".equals(e.requestId()));
    }

    @Test
    void onlyAdminsReadTheTrail() {
        Access rep = new Access(workspace, new Access.MemberActor(MemberId.newId(), Role.REP));
        assertThatThrownBy(() -> queries.list(rep, deals, null, 10)).isInstanceOf(Forbidden.class);
    }

    @Test
    void aCursorBelongsToItsFilters() {
        app.deals.create(app.admin(workspace), deal("A").build());
        app.deals.create(app.admin(workspace), deal("B").build());
        String cursor = queries.list(app.admin(workspace), deals, null, 1).nextCursor();
        assertThatThrownBy(() -> queries.list(app.admin(workspace), new AuditFilter(null, "member", null, null), cursor, 1))
                .isInstanceOf(InvalidInput.class).extracting("code").isEqualTo("cursor.mismatch");
        assertThatThrownBy(() -> queries.list(app.admin(workspace), deals, null, 0))
                .isInstanceOf(InvalidInput.class).extracting("code").isEqualTo("page.limit-out-of-range");
    }
}
