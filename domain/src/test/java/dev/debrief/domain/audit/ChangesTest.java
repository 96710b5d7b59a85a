package dev.debrief.domain.audit;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChangesTest {

    @Test
    void namesOnlyTheFieldsThatDiffer() {
        assertThat(Changes.of().field("a", 1, 1).field("b", "x", "y").field("c", null, "z").field("d", null, null).changed())
                .containsExactly("b", "c");
    }

    @Test
    void aNewDealChangedEveryFieldItSets() {
        DealDetails details = new DealDetails("Deal", "Acme", null, null, null, null, null, null, null, null, null,
                null, "Globex", null);
        assertThat(details.changedSince(null)).containsExactly("name", "account", "competitor");
        DealDetails renamed = new DealDetails("Deal 2", "Acme", null, null, null, null, null, null, null, null, null,
                null, "Globex", null);
        assertThat(renamed.changedSince(details)).containsExactly("name");
    }

    @Test
    void anEventNamesItsActor() {
        WorkspaceId ws = WorkspaceId.newId();
        Instant now = Instant.EPOCH;
        MemberId member = MemberId.newId();
        AuditEvent byMember = AuditEvent.of(new Access(ws, new Access.MemberActor(member, Role.REP)), ws, "deal",
                UUID.randomUUID(), "create", List.of("name"), "req-1", now);
        assertThat(byMember.actorKind()).isEqualTo(AuditEvent.ActorKind.MEMBER);
        assertThat(byMember.actorId()).isEqualTo(member.value());
        ApiKeyId key = ApiKeyId.newId();
        assertThat(AuditEvent.of(new Access(ws, new Access.KeyActor(key, Set.of(Scope.ADMIN))), ws, "deal", null,
                "create", null, null, now).actorId()).isEqualTo(key.value());
        AuditEvent bySystem = AuditEvent.of(null, ws, "workspace", null, "create", List.of(), null, now);
        assertThat(bySystem.actorKind()).isEqualTo(AuditEvent.ActorKind.SYSTEM);
        assertThat(bySystem.actorId()).isNull();
    }
}
