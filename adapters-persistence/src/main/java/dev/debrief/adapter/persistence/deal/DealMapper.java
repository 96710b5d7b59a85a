package dev.debrief.adapter.persistence.deal;

import dev.debrief.domain.deal.AnalysisSource;
import dev.debrief.domain.deal.AnalysisStatus;
import dev.debrief.domain.deal.ContractTerm;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealDetails;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.LossAnalysis;
import dev.debrief.domain.deal.LossAnalysisId;
import dev.debrief.domain.deal.MemberRef;
import dev.debrief.domain.deal.Money;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.OutcomeChange;
import dev.debrief.domain.deal.ReasonAssessment;
import dev.debrief.domain.deal.RiskTag;
import dev.debrief.domain.taxonomy.LossReasonId;
import dev.debrief.domain.vocabulary.VocabularyEntryId;
import dev.debrief.domain.workspace.WorkspaceId;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Copies deals, analyses and outcome changes between the domain and their rows. */
final class DealMapper {

    private static final String PRIMARY = "PRIMARY";
    private static final String CONTRIBUTING = "CONTRIBUTING";

    private DealMapper() {
    }

    static Deal toDomain(DealJpaEntity e, LossAnalysisJpaEntity analysis) {
        return toDomain(e, analysis, java.util.Map.of());
    }

    /** With what partner pushes left: the source time and the values waiting for triage. */
    static Deal toDomain(DealJpaEntity e, LossAnalysisJpaEntity analysis,
                         java.util.Map<dev.debrief.domain.deal.TriageField, String> unresolved) {
        DealDetails details = new DealDetails(
                e.name,
                e.account,
                e.ownerId == null ? null : new MemberRef(e.ownerId, e.ownerName),
                entryId(e.teamId),
                e.amount == null ? null : new Money(e.amount, Currency.getInstance(e.currency)),
                entryId(e.stageId),
                entryId(e.segmentId),
                entryId(e.personaId),
                entryId(e.leadSourceId),
                e.pitchedAt,
                e.pitchedTermMonths == null ? null : new ContractTerm(e.pitchedTermMonths),
                Arrays.stream(e.riskTags).map(RiskTag::valueOf).collect(Collectors.toSet()),
                e.competitor,
                e.externalSource == null ? null : new ExternalReference(e.externalSource, e.externalId));
        return Deal.rehydrate(new DealId(e.id), new WorkspaceId(e.workspaceId), details, Outcome.valueOf(e.outcome),
                e.closedOn, analysis == null ? null : toDomain(analysis), e.createdAt, e.updatedAt, e.version,
                e.sourceOccurredAt == null ? null : new dev.debrief.domain.deal.PartnerSync(e.sourceOccurredAt, unresolved),
                e.winBackOf == null ? null : new DealId(e.winBackOf));
    }

    static void copy(Deal deal, DealJpaEntity e) {
        DealDetails d = deal.details();
        e.name = d.name();
        e.account = d.account();
        e.ownerId = d.owner() == null ? null : d.owner().id();
        e.ownerName = d.owner() == null ? null : d.owner().displayName();
        e.teamId = uuid(d.teamId());
        e.amount = d.amount() == null ? null : d.amount().amount();
        e.currency = d.amount() == null ? null : d.amount().currency().getCurrencyCode();
        e.stageId = uuid(d.stageId());
        e.segmentId = uuid(d.segmentId());
        e.personaId = uuid(d.personaId());
        e.leadSourceId = uuid(d.leadSourceId());
        e.pitchedAt = d.pitchedAt();
        e.pitchedTermMonths = d.pitchedTerm() == null ? null : d.pitchedTerm().months();
        e.riskTags = d.riskTags().stream().map(Enum::name).sorted().toArray(String[]::new);
        e.competitor = d.competitor();
        e.externalSource = d.externalReference() == null ? null : d.externalReference().source();
        e.externalId = d.externalReference() == null ? null : d.externalReference().externalId();
        e.outcome = deal.outcome().name();
        e.closedOn = deal.closedOn();
        e.winBackOf = deal.winBackOf() == null ? null : deal.winBackOf().value();
        e.updatedAt = deal.updatedAt();
    }

    static LossAnalysis toDomain(LossAnalysisJpaEntity e) {
        ReasonAssessment primary = null;
        List<ReasonAssessment> contributing = new ArrayList<>();
        for (AnalysisReasonEmbeddable r : e.reasons) {
            ReasonAssessment assessment = new ReasonAssessment(new LossReasonId(r.reasonId), r.controllable, r.note);
            if (PRIMARY.equals(r.role)) {
                primary = assessment;
            } else {
                contributing.add(assessment);
            }
        }
        return LossAnalysis.rehydrate(new LossAnalysisId(e.id), AnalysisStatus.valueOf(e.status), primary,
                contributing, entryId(e.stageLostAtId), e.fit == null ? null : Fit.valueOf(e.fit), e.competitor,
                e.whatHappened, e.whatWeWouldDoDifferently, e.partnerReasonText, AnalysisSource.valueOf(e.source),
                e.createdAt, e.updatedAt);
    }

    static void copy(LossAnalysis a, UUID workspaceId, LossAnalysisJpaEntity e) {
        e.status = a.status().name();
        e.source = a.source().name();
        e.stageLostAtId = uuid(a.stageLostAtId());
        e.fit = a.fit() == null ? null : a.fit().name();
        e.competitor = a.competitor();
        e.whatHappened = a.whatHappened();
        e.whatWeWouldDoDifferently = a.whatWeWouldDoDifferently();
        e.partnerReasonText = a.partnerReasonText();
        e.updatedAt = a.updatedAt();
        e.reasons.clear();
        if (a.primaryReason() != null) {
            e.reasons.add(reason(a.primaryReason(), PRIMARY, workspaceId));
        }
        a.contributingReasons().forEach(r -> e.reasons.add(reason(r, CONTRIBUTING, workspaceId)));
    }

    static DealOutcomeChangeJpaEntity toEntity(OutcomeChange c, UUID workspaceId, UUID dealId) {
        DealOutcomeChangeJpaEntity e = new DealOutcomeChangeJpaEntity();
        e.id = c.id();
        e.workspaceId = workspaceId;
        e.dealId = dealId;
        e.kind = c.kind().name();
        e.outcome = c.outcome().name();
        e.closedOn = c.closedOn();
        e.analysisId = c.analysisId() == null ? null : c.analysisId().value();
        e.occurredAt = c.occurredAt();
        return e;
    }

    static OutcomeChange toDomain(DealOutcomeChangeJpaEntity e) {
        return new OutcomeChange(e.id, OutcomeChange.Kind.valueOf(e.kind), Outcome.valueOf(e.outcome), e.closedOn,
                e.analysisId == null ? null : new LossAnalysisId(e.analysisId), e.occurredAt);
    }

    private static AnalysisReasonEmbeddable reason(ReasonAssessment r, String role, UUID workspaceId) {
        AnalysisReasonEmbeddable e = new AnalysisReasonEmbeddable();
        e.workspaceId = workspaceId;
        e.reasonId = r.reasonId().value();
        e.role = role;
        e.controllable = r.controllable();
        e.note = r.note();
        return e;
    }

    private static VocabularyEntryId entryId(UUID id) {
        return id == null ? null : new VocabularyEntryId(id);
    }

    private static UUID uuid(VocabularyEntryId id) {
        return id == null ? null : id.value();
    }
}
