package dev.debrief.application.port.out.ingest;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.Lookups;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.PartnerAnalysis;
import dev.debrief.domain.deal.PartnerDealState;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link DealIngestStore} does; the in-memory fake and the PostgreSQL adapter both
 * extend it. Each step runs in a transaction of its own, as two ingests would.
 */
public abstract class DealIngestStoreContract extends RepositoryContract {

    private static final Instant T1 = EPOCH;
    private static final Instant T2 = EPOCH.plusSeconds(3600);
    private static final Lookups NOTHING = new Lookups() {
        @Override
        public Optional<VocabularyEntry> vocabularyEntry(VocabularyEntryId id) {
            return Optional.empty();
        }

        @Override
        public Optional<LossReason> lossReason(LossReasonId id) {
            return Optional.empty();
        }

        @Override
        public Optional<Member> member(MemberId id) {
            return Optional.empty();
        }
    };

    protected abstract DealIngestStore store();

    protected abstract DealRepository deals();

    private static PartnerDealState open(ExternalReference reference, Instant at, String name,
                                         Map<TriageField, String> unresolved) {
        return new PartnerDealState(reference, at, new DealDetails(name, "Acme", null, null, null, null, null, null,
                null, null, null, Set.of(), null, reference), Outcome.OPEN, null, null, unresolved);
    }

    private static PartnerDealState lost(ExternalReference reference, Instant at) {
        return new PartnerDealState(reference, at, new DealDetails("Lost one", null, null, null, null, null, null, null,
                null, null, null, Set.of(), null, reference), Outcome.LOST, LocalDate.parse("2025-01-05"),
                new PartnerAnalysis(List.of(), "Price too high", null, null, null, null), Map.of());
    }

    private static ExternalReference reference() {
        return new ExternalReference("crm", UUID.randomUUID().toString());
    }

    private Deal ingestNew(WorkspaceId ws, PartnerDealState state) {
        Deal candidate = Deal.fromPartner(ws, state, NOTHING, T1);
        return inTransaction(() -> {
            DealIngestStore.Locked locked = store().insertOrLock(ws, List.of(candidate));
            assertThat(locked.inserted()).containsExactly(state.reference());
            store().saveCreated(List.of(candidate));
            return candidate;
        });
    }

    @Test
    void insertsANewDealWithItsAnalysisHistoryAndTriageValues() {
        WorkspaceId ws = newWorkspace();
        ExternalReference reference = reference();
        Deal created = ingestNew(ws, lost(reference, T1));

        Deal stored = inTransaction(() -> deals().findById(ws, created.id())).orElseThrow();
        assertThat(stored.outcome()).isEqualTo(Outcome.LOST);
        assertThat(stored.lossAnalysis().partnerReasonText()).isEqualTo("Price too high");
        assertThat(inTransaction(() -> deals().outcomeHistory(ws, created.id()))).extracting(OutcomeChange::kind)
                .containsExactly(OutcomeChange.Kind.CLOSED);
    }

    @Test
    void locksTheExistingDealInsteadOfInsertingASecond() {
        WorkspaceId ws = newWorkspace();
        ExternalReference reference = reference();
        Deal first = ingestNew(ws, open(reference, T1, "First", Map.of(TriageField.OWNER, "who@crm.test")));

        Deal second = Deal.fromPartner(ws, open(reference, T2, "Second", Map.of()), NOTHING, T2);
        DealIngestStore.Locked locked = inTransaction(() -> store().insertOrLock(ws, List.of(second)));

        assertThat(locked.inserted()).isEmpty();
        Deal existing = locked.existing().get(reference);
        assertThat(existing.id()).isEqualTo(first.id());
        assertThat(existing.details().name()).isEqualTo("First");
        assertThat(existing.partnerSync().occurredAt()).isEqualTo(T1);
        assertThat(existing.partnerSync().unresolved()).containsEntry(TriageField.OWNER, "who@crm.test");
        assertThat(inTransaction(() -> deals().findById(ws, second.id()))).isEmpty();
    }

    @Test
    void savesAChangedDealWithANewVersionAndItsOutcomeChanges() {
        WorkspaceId ws = newWorkspace();
        ExternalReference reference = reference();
        Deal first = ingestNew(ws, open(reference, T1, "First", Map.of(TriageField.STAGE, "Closed Lost")));

        inTransaction(() -> {
            Deal existing = store().lock(ws, List.of(reference)).existing().get(reference);
            existing.absorb(lost(reference, T2), NOTHING, T2);
            store().saveChanged(List.of(existing));
        });

        Deal stored = inTransaction(() -> deals().findById(ws, first.id())).orElseThrow();
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.outcome()).isEqualTo(Outcome.LOST);
        assertThat(inTransaction(() -> deals().outcomeHistory(ws, first.id()))).hasSize(1);
        Deal relocked = inTransaction(() -> store().lock(ws, List.of(reference))).existing().get(reference);
        assertThat(relocked.partnerSync().occurredAt()).isEqualTo(T2);
        assertThat(relocked.partnerSync().unresolved()).isEmpty();
    }

    @Test
    void movesTheSourceTimeOnWithoutANewVersion() {
        WorkspaceId ws = newWorkspace();
        ExternalReference reference = reference();
        Deal first = ingestNew(ws, open(reference, T1, "First", Map.of()));

        inTransaction(() -> {
            Deal existing = store().lock(ws, List.of(reference)).existing().get(reference);
            existing.absorb(open(reference, T2, "First", Map.of()), NOTHING, T2);
            store().saveSourceTimes(List.of(existing));
        });

        Deal relocked = inTransaction(() -> store().lock(ws, List.of(reference))).existing().get(reference);
        assertThat(relocked.partnerSync().occurredAt()).isEqualTo(T2);
        assertThat(relocked.version()).isZero();
        assertThat(relocked.id()).isEqualTo(first.id());
    }

    @Test
    void neverInsertsOrLocksATombstonedReference() {
        WorkspaceId ws = newWorkspace();
        ExternalReference reference = reference();
        Deal first = ingestNew(ws, open(reference, T1, "First", Map.of()));
        inTransaction(() -> deals().delete(deals().findById(ws, first.id()).orElseThrow()));

        Deal again = Deal.fromPartner(ws, open(reference, T2, "Again", Map.of()), NOTHING, T2);
        DealIngestStore.Locked locked = inTransaction(() -> store().insertOrLock(ws, List.of(again)));

        assertThat(locked.tombstoned()).containsExactly(reference);
        assertThat(locked.inserted()).isEmpty();
        assertThat(locked.existing()).isEmpty();
        assertThat(inTransaction(() -> deals().findById(ws, again.id()))).isEmpty();
    }

    @Test
    void lockFindsOnlyExistingDealsOfTheWorkspace() {
        WorkspaceId ws = newWorkspace();
        WorkspaceId other = newWorkspace();
        ExternalReference reference = reference();
        ingestNew(other, open(reference, T1, "Theirs", Map.of()));

        assertThat(inTransaction(() -> store().lock(ws, List.of(reference, reference()))).existing()).isEmpty();
        Deal mine = ingestNew(ws, open(reference, T1, "Mine", Map.of()));
        assertThat(inTransaction(() -> store().lock(ws, List.of(reference))).existing().get(reference).id())
                .isEqualTo(mine.id());
    }
}
