package dev.debrief.application.port.out.mapping;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.application.port.out.ingest.DealIngestStore;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.Lookups;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.PartnerAnalysis;
import dev.debrief.domain.deal.PartnerDealState;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link TriageRepository} answers; deals are written through the ingest store, as partners write them. */
public abstract class TriageRepositoryContract extends RepositoryContract {

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

    protected abstract TriageRepository triage();

    protected abstract DealIngestStore store();

    protected abstract PartnerMappingRepository mappings();

    private DealId push(WorkspaceId ws, String source, Outcome outcome, String reasonText, Map<TriageField, String> unresolved) {
        ExternalReference reference = new ExternalReference(source, UUID.randomUUID().toString());
        DealDetails details = new DealDetails("Deal", null, null, null, null, null, null, null, null, null, null,
                Set.of(), null, reference);
        Deal deal = Deal.fromPartner(ws, new PartnerDealState(reference, EPOCH, details, outcome,
                outcome.closed() ? LocalDate.parse("2025-01-05") : null,
                outcome == Outcome.LOST ? new PartnerAnalysis(List.of(), reasonText, null, null, null, null) : null,
                unresolved), NOTHING, EPOCH);
        inTransaction(() -> {
            store().insertOrLock(ws, List.of(deal));
            store().saveCreated(List.of(deal));
        });
        return deal.id();
    }

    @Test
    void findsTheDealsOfTheSourceWaitingOnAValueInIdOrder() {
        WorkspaceId ws = newWorkspace();
        DealId first = push(ws, "hubspot", Outcome.OPEN, null, Map.of(TriageField.STAGE, "Closed Lost"));
        DealId second = push(ws, "hubspot", Outcome.LOST, null, Map.of(TriageField.STAGE_LOST_AT, "closed lost"));
        push(ws, "salesforce", Outcome.OPEN, null, Map.of(TriageField.STAGE, "Closed Lost"));
        push(ws, "hubspot", Outcome.OPEN, null, Map.of(TriageField.SEGMENT, "Closed Lost"));
        PartnerMapping stage = PartnerMapping.create(ws, MappingKind.STAGE, "hubspot", " CLOSED LOST", UUID.randomUUID(), EPOCH);

        List<DealId> all = inTransaction(() -> triage().waitingOn(stage, null, 10));

        assertThat(all).containsExactly(first, second);
        assertThat(inTransaction(() -> triage().waitingOn(stage, first.value(), 10))).containsExactly(second);
        assertThat(inTransaction(() -> triage().waitingOn(stage, null, 1))).containsExactly(first);
    }

    @Test
    void findsPendingAnalysesByTheirPartnerText() {
        WorkspaceId ws = newWorkspace();
        DealId waiting = push(ws, "hubspot", Outcome.LOST, "  Price too high ", Map.of());
        push(ws, "hubspot", Outcome.LOST, "Something else", Map.of());
        PartnerMapping reason = PartnerMapping.create(ws, MappingKind.REASON, "hubspot", "price too high", UUID.randomUUID(), EPOCH);

        assertThat(inTransaction(() -> triage().waitingOn(reason, null, 10))).containsExactly(waiting);
    }

    @Test
    void listsUnmappedValuesWithTheirCountsMostFirstLeavingMappedOnesOut() {
        WorkspaceId ws = newWorkspace();
        push(ws, "hubspot", Outcome.OPEN, null, Map.of(TriageField.OWNER, "jd@crm"));
        push(ws, "hubspot", Outcome.OPEN, null, Map.of(TriageField.OWNER, "JD@crm"));
        push(ws, "hubspot", Outcome.OPEN, null, Map.of(TriageField.OWNER, "ann@crm"));
        push(ws, "hubspot", Outcome.OPEN, null, Map.of(TriageField.OWNER, "mapped@crm"));
        inTransaction(() -> mappings().save(PartnerMapping.create(ws, MappingKind.OWNER, "hubspot", "mapped@crm",
                UUID.randomUUID(), EPOCH)));

        List<TriageRepository.Unmapped> unmapped = inTransaction(() -> triage().unmapped(ws, MappingKind.OWNER, null, 10));

        assertThat(unmapped).extracting(TriageRepository.Unmapped::deals).containsExactly(2L, 1L);
        assertThat(unmapped.get(0).partnerValue()).isEqualToIgnoringCase("jd@crm");
        assertThat(unmapped.get(0).exampleDealIds()).hasSize(2);
        assertThat(inTransaction(() -> triage().unmapped(ws, MappingKind.OWNER, "salesforce", 10))).isEmpty();
    }
}
