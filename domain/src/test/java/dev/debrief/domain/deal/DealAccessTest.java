package dev.debrief.domain.deal;

import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.ApiKeyId;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.access.Scope;
import dev.debrief.domain.shared.Forbidden;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DealAccessTest {

    private final TestLookups lookups = new TestLookups();
    private final Member rep = lookups.member("Rita", Role.REP);
    private final Member otherRep = lookups.member("Omar", Role.REP);
    private final Member manager = lookups.member("Mona", Role.MANAGER);

    private Access as(Member member) {
        return new Access(lookups.workspaceId, new Access.MemberActor(member.id(), member.role()));
    }

    private MemberRef ref(Member member) {
        return new MemberRef(member.id().value(), null);
    }

    private Deal ownedBy(Member member) {
        return Deal.open(lookups.workspaceId, new DealDetails("Deal", null, ref(member), null, null, null, null, null,
                null, null, null, null, null, null), lookups, Instant.EPOCH);
    }

    @Test
    void aRepWhoNamesNoOwnerOwnsTheNewDeal() {
        assertThat(DealAccess.ownerForNewDeal(as(rep), null).id()).isEqualTo(rep.id().value());
    }

    @Test
    void aRepCanNotCreateADealForSomeoneElse() {
        assertThatThrownBy(() -> DealAccess.ownerForNewDeal(as(rep), ref(otherRep))).isInstanceOf(Forbidden.class);
    }

    @Test
    void aManagerCreatesDealsForAnyone() {
        assertThat(DealAccess.ownerForNewDeal(as(manager), ref(otherRep))).isEqualTo(ref(otherRep));
        assertThat(DealAccess.ownerForNewDeal(as(manager), null)).isNull();
    }

    @Test
    void aRepWritesOnlyTheirOwnDealsAndCanNotReassignThem() {
        Deal own = ownedBy(rep);
        assertThatCode(() -> DealAccess.requireMayWrite(as(rep), own)).doesNotThrowAnyException();
        assertThatCode(() -> DealAccess.requireMayAssign(as(rep), ref(rep))).doesNotThrowAnyException();
        assertThatThrownBy(() -> DealAccess.requireMayAssign(as(rep), ref(otherRep))).isInstanceOf(Forbidden.class);
        assertThatThrownBy(() -> DealAccess.requireMayWrite(as(rep), ownedBy(otherRep))).isInstanceOf(Forbidden.class);
    }

    @Test
    void managersAndKeysWriteAnyDeal() {
        Deal deal = ownedBy(otherRep);
        assertThatCode(() -> DealAccess.requireMayWrite(as(manager), deal)).doesNotThrowAnyException();
        assertThatCode(() -> DealAccess.requireMayAssign(as(manager), ref(rep))).doesNotThrowAnyException();
        Access key = new Access(lookups.workspaceId, new Access.KeyActor(new ApiKeyId(UUID.randomUUID()), Set.of(Scope.DEALS_WRITE)));
        assertThatCode(() -> DealAccess.requireMayWrite(key, deal)).doesNotThrowAnyException();
        assertThatCode(() -> DealAccess.requireMayAssign(key, null)).doesNotThrowAnyException();
    }

    @Test
    void aReadOnlyKeyWritesNothing() {
        Access reader = new Access(lookups.workspaceId, new Access.KeyActor(new ApiKeyId(UUID.randomUUID()), Set.of(Scope.DEALS_READ)));
        assertThatThrownBy(() -> DealAccess.ownerForNewDeal(reader, null)).isInstanceOf(Forbidden.class);
    }
}
