package dev.debrief.application.fake;

import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.out.mapping.TriageRepository;
import dev.debrief.domain.deal.AnalysisStatus;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Triage read from the in-memory deals and mappings, with the adapter's matching and order. */
public class InMemoryTriageRepository implements TriageRepository {

    private final InMemoryDealRepository deals;
    private final InMemoryPartnerMappingRepository mappings;

    public InMemoryTriageRepository(InMemoryDealRepository deals, InMemoryPartnerMappingRepository mappings) {
        this.deals = deals;
        this.mappings = mappings;
    }

    private record Pending(String source, String value, UUID dealId) {
    }

    private List<Pending> pending(WorkspaceId workspaceId, MappingKind kind) {
        List<Pending> found = new ArrayList<>();
        for (Deal deal : deals.all(workspaceId)) {
            if (deal.details().externalReference() == null) {
                continue;
            }
            String source = deal.details().externalReference().source();
            if (kind == MappingKind.REASON) {
                if (deal.lossAnalysis() != null && deal.lossAnalysis().status() == AnalysisStatus.PENDING_TRIAGE
                        && deal.lossAnalysis().partnerReasonText() != null && !deal.lossAnalysis().partnerReasonText().isBlank()) {
                    found.add(new Pending(source, deal.lossAnalysis().partnerReasonText().strip(), deal.id().value()));
                }
            } else if (deal.partnerSync() != null) {
                for (TriageField field : kind.triageFields()) {
                    String raw = deal.partnerSync().unresolved().get(field);
                    if (raw != null) {
                        found.add(new Pending(source, raw, deal.id().value()));
                    }
                }
            }
        }
        return found;
    }

    @Override
    public synchronized List<DealId> waitingOn(PartnerMapping mapping, UUID afterDealId, int limit) {
        return pending(mapping.workspaceId(), mapping.kind()).stream()
                .filter(p -> p.source().equals(mapping.source()) && mapping.matches(p.value()))
                .map(Pending::dealId).distinct()
                .filter(id -> afterDealId == null || DealSort.compareUuids(id, afterDealId) > 0)
                .sorted(DealSort::compareUuids)
                .limit(limit).map(DealId::new).toList();
    }

    @Override
    public synchronized List<Unmapped> unmapped(WorkspaceId workspaceId, MappingKind kind, String source, int limit) {
        List<PartnerMapping> known = mappings.list(workspaceId, kind);
        Map<String, List<Pending>> groups = new LinkedHashMap<>();
        for (Pending p : pending(workspaceId, kind)) {
            if ((source == null || source.equals(p.source()))
                    && known.stream().noneMatch(m -> m.source().equals(p.source()) && m.matches(p.value()))) {
                groups.computeIfAbsent(p.source() + "\n" + PartnerMapping.normalized(p.value()), k -> new ArrayList<>()).add(p);
            }
        }
        return groups.values().stream()
                .map(g -> new Unmapped(g.get(0).source(), g.stream().map(Pending::value).min(Comparator.naturalOrder()).orElseThrow(),
                        g.stream().map(Pending::dealId).distinct().count(),
                        g.stream().map(Pending::dealId).distinct().limit(3).toList()))
                .sorted(Comparator.comparingLong(Unmapped::deals).reversed().thenComparing(Unmapped::partnerValue))
                .limit(limit).toList();
    }
}
