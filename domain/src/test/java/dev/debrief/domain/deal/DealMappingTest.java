package dev.debrief.domain.deal;

import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.taxonomy.LossReason;
import dev.debrief.domain.vocabulary.VocabularyEntry;
import dev.debrief.domain.vocabulary.VocabularyKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.debrief.domain.taxonomy.Controllability.PARTLY;
import static dev.debrief.domain.taxonomy.Controllability.YES;
import static dev.debrief.domain.taxonomy.ReasonCategory.PREPARATION;
import static dev.debrief.domain.taxonomy.ReasonCategory.VALUE_VS_COST;
import static org.assertj.core.api.Assertions.assertThat;

class DealMappingTest {

    private static final Instant T1 = Instant.parse("2026-03-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");
    private static final ExternalReference REF = new ExternalReference("salesforce", "006-1");

    private final TestLookups lookups = new TestLookups();
    private final VocabularyEntry proposal = lookups.stage("Proposal");
    private final VocabularyEntry enterprise = lookups.entry(VocabularyKind.SEGMENT, "Enterprise");
    private final LossReason research = lookups.reason("Wrong research", PREPARATION, YES);
    private final LossReason price = lookups.reason("Price", VALUE_VS_COST, PARTLY);
    private final Member jane = lookups.member("Jane", Role.REP);

    private Deal pushed(Outcome outcome, PartnerAnalysis analysis, Map<TriageField, String> unresolved) {
        DealDetails details = new DealDetails("Acme", null, null, null, null, null, null, null, null, null, null,
                Set.of(), null, REF);
        return Deal.fromPartner(lookups.workspaceId, new PartnerDealState(REF, T1, details, outcome,
                outcome.closed() ? LocalDate.parse("2026-03-01") : null, analysis, unresolved), lookups, T1);
    }

    private PartnerMapping mapping(MappingKind kind, String text, java.util.UUID target) {
        return PartnerMapping.create(lookups.workspaceId, kind, "salesforce", text, target, NOW);
    }

    @Test
    void aStageMappingFillsThePendingStageAndClearsItsTriage() {
        Deal deal = pushed(Outcome.OPEN, null, Map.of(TriageField.STAGE, "Closed Lost – Discovery",
                TriageField.SEGMENT, "Big ones"));

        Deal.Reclassified result = deal.applyMapping(mapping(MappingKind.STAGE, "  closed lost – DISCOVERY ",
                proposal.id().value()), lookups, NOW);

        assertThat(result.changedFields()).containsExactly("stageId");
        assertThat(deal.details().stageId()).isEqualTo(proposal.id());
        assertThat(deal.partnerSync().unresolved()).containsOnlyKeys(TriageField.SEGMENT);
    }

    @Test
    void anOwnerMappingFillsTheOwner() {
        Deal deal = pushed(Outcome.OPEN, null, Map.of(TriageField.OWNER, "jdoe@crm.test"));

        deal.applyMapping(mapping(MappingKind.OWNER, "JDOE@crm.test", jane.id().value()), lookups, NOW);

        assertThat(deal.details().owner().id()).isEqualTo(jane.id().value());
        assertThat(deal.details().owner().displayName()).isEqualTo("Jane");
    }

    @Test
    void aValueAMemberSetByHandIsNeverOverwritten() {
        Deal deal = pushed(Outcome.OPEN, null, Map.of(TriageField.SEGMENT, "Big ones"));
        VocabularyEntry other = lookups.entry(VocabularyKind.SEGMENT, "Mid-market");
        deal.revise(deal.details().withVocabulary(VocabularyKind.SEGMENT, other.id()), lookups, NOW);

        Deal.Reclassified result = deal.applyMapping(mapping(MappingKind.SEGMENT, "Big ones", enterprise.id().value()),
                lookups, NOW);

        assertThat(result.changedAnything()).isFalse();
        assertThat(deal.details().segmentId()).isEqualTo(other.id());
    }

    @Test
    void aReasonMappingCompletesAPendingAnalysisWhenTheRulesHold() {
        Deal deal = pushed(Outcome.LOST, new PartnerAnalysis(List.of(), "Didn't know them", proposal.id(),
                Fit.GOOD_FIT, null, null), Map.of());

        Deal.Reclassified result = deal.applyMapping(mapping(MappingKind.REASON, "didn't know them",
                research.id().value()), lookups, NOW);

        assertThat(result.changedFields()).containsExactly("lossAnalysis");
        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.COMPLETE);
        assertThat(deal.lossAnalysis().primaryReason().reasonId()).isEqualTo(research.id());
        assertThat(deal.lossAnalysis().partnerReasonText()).isEqualTo("Didn't know them");
    }

    @Test
    void aReasonMappingLeavesTheAnalysisPendingWhileOtherRulesFail() {
        Deal deal = pushed(Outcome.LOST, new PartnerAnalysis(List.of(), "Too pricey", null, null, null, null), Map.of());

        deal.applyMapping(mapping(MappingKind.REASON, "Too pricey", price.id().value()), lookups, NOW);

        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.PENDING_TRIAGE);
        assertThat(deal.lossAnalysis().primaryReason().reasonId()).isEqualTo(price.id());
    }

    @Test
    void aSecondRunChangesNothing() {
        Deal deal = pushed(Outcome.LOST, new PartnerAnalysis(List.of(), "Too pricey", null, null, null, null), Map.of());
        PartnerMapping pricey = mapping(MappingKind.REASON, "Too pricey", price.id().value());
        deal.applyMapping(pricey, lookups, NOW);

        assertThat(deal.applyMapping(pricey, lookups, NOW).changedAnything()).isFalse();
    }

    @Test
    void aCompleteAnalysisIsNotTouched() {
        Deal deal = pushed(Outcome.LOST, new PartnerAnalysis(List.of(research.id()), "Text", proposal.id(),
                Fit.GOOD_FIT, null, null), Map.of());

        assertThat(deal.applyMapping(mapping(MappingKind.REASON, "Text", price.id().value()), lookups, NOW)
                .changedAnything()).isFalse();
    }
}
