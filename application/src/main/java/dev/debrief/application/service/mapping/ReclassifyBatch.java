package dev.debrief.application.service.mapping;

import dev.debrief.application.port.out.access.MemberRepository;
import dev.debrief.application.port.out.deal.DealRepository;
import dev.debrief.application.port.out.mapping.TriageRepository;
import dev.debrief.application.port.out.taxonomy.LossReasonRepository;
import dev.debrief.application.port.out.vocabulary.VocabularyRepository;
import dev.debrief.application.service.audit.Auditor;
import dev.debrief.application.service.deal.RepositoryLookups;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.mapping.PartnerMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One batch of a re-classification, in a transaction of its own: each deal locked, changed, saved, audited. */
@ApplicationScoped
public class ReclassifyBatch {

    private final TriageRepository triage;
    private final DealRepository deals;
    private final VocabularyRepository vocabulary;
    private final LossReasonRepository reasons;
    private final MemberRepository members;
    private final Auditor audit;
    private final Clock clock;

    @Inject
    public ReclassifyBatch(TriageRepository triage, DealRepository deals, VocabularyRepository vocabulary,
                           LossReasonRepository reasons, MemberRepository members, Auditor audit, Clock clock) {
        this.triage = triage;
        this.deals = deals;
        this.vocabulary = vocabulary;
        this.reasons = reasons;
        this.members = members;
        this.audit = audit;
        this.clock = clock;
    }

    /** The deals changed, and the last deal id visited (null: nothing was left to visit). */
    public record Progress(int changed, UUID lastDealId) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Progress next(Access access, PartnerMapping mapping, UUID after, int size) {
        List<DealId> waiting = triage.waitingOn(mapping, after, size);
        if (waiting.isEmpty()) {
            return new Progress(0, null);
        }
        RepositoryLookups lookups = new RepositoryLookups(access.workspaceId(), vocabulary, reasons, members);
        List<Auditor.Entry> entries = new ArrayList<>();
        for (DealId id : waiting) {
            deals.lockById(access.workspaceId(), id).ifPresent(deal -> {
                Deal.Reclassified result = deal.applyMapping(mapping, lookups, clock.instant());
                if (result.changedAnything()) {
                    deals.save(deal);
                    entries.add(new Auditor.Entry("deal", id.value(), "reclassify",
                            result.changedFields().isEmpty() ? List.of("triage") : result.changedFields()));
                }
            });
        }
        audit.recordAll(access, entries);
        return new Progress(entries.size(), waiting.get(waiting.size() - 1).value());
    }
}
