package dev.debrief.application.service.ingest;

import dev.debrief.application.port.in.ingest.IngestDealsUseCase.IngestCommand;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.in.ingest.IngestReport;
import dev.debrief.application.port.in.ingest.IngestReport.ItemResult;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.access.Member;
import dev.debrief.domain.access.Principal;
import dev.debrief.domain.access.Role;
import dev.debrief.domain.audit.AuditEvent;
import dev.debrief.domain.deal.AnalysisStatus;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.Fit;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.deal.SyncResult;
import dev.debrief.domain.deal.TriageField;
import dev.debrief.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The ingest use case against the in-memory fakes: resolution, ordering, per-item results, audit. */
class IngestServiceTest {

    private static final Instant T1 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-03-02T09:00:00Z");

    private final TestApplication app = new TestApplication();
    private Workspace workspace;
    private Access partner;

    @BeforeEach
    void workspace() {
        workspace = app.createWorkspace("Europe/Berlin");
        partner = app.admin(workspace.id());
        app.memberRepository.save(Member.join(workspace.id(),
                new Principal.Person("https://idp.test", "sub-jane", "jane@corp.test", true, "Jane"), Role.REP,
                T1));
    }

    private static IngestItem item(String externalId, Instant at, String name, Outcome outcome,
                                   IngestItem.Analysis analysis) {
        return new IngestItem("pipedrive", externalId, at, name, "Acme", "JANE@corp.test", new BigDecimal("100"),
                "EUR", null, "Proposal", null, null, null, null, 12, null, outcome,
                outcome.closed() ? LocalDate.parse("2025-03-01") : null, analysis);
    }

    private IngestReport ingest(IngestItem... items) {
        return app.ingest.ingest(new IngestCommand(partner, List.of(items), false));
    }

    @Test
    void resolvesOwnerByEmailAndStageByNameIgnoringCase() {
        ItemResult result = ingest(item("1", T1, "Acme", Outcome.OPEN, null)).results().get(0);

        assertThat(result.result()).isEqualTo(SyncResult.CREATED);
        assertThat(result.deal().details().owner().displayName()).isEqualTo("Jane");
        assertThat(result.deal().details().stageId()).isEqualTo(app.stage(workspace.id(), "PROPOSAL").id());
        assertThat(result.triage()).isEmpty();
    }

    @Test
    void keepsUnresolvedValuesForTriageAndTheFieldEmpty() {
        IngestItem unknown = new IngestItem("pipedrive", "2", T1, "Acme", null, "ghost@corp.test", null, null,
                "Team Mars", "Closed Lost - Discovery", null, null, null, null, null, null, Outcome.OPEN, null, null);

        ItemResult result = ingest(unknown).results().get(0);

        assertThat(result.triage()).containsExactlyInAnyOrder(TriageField.OWNER, TriageField.TEAM, TriageField.STAGE);
        assertThat(result.deal().details().owner()).isNull();
        assertThat(result.deal().partnerSync().unresolved()).containsEntry(TriageField.STAGE, "Closed Lost - Discovery");
    }

    @Test
    void rejectsOnlyTheInvalidItemAndNamesItsField() {
        IngestItem noName = item("3", T1, " ", Outcome.OPEN, null);
        IngestItem badCode = item("4", T1, "Acme", Outcome.LOST,
                new IngestItem.Analysis(List.of("NOT_A_REASON"), null, null, null, null, null));

        IngestReport report = ingest(noName, item("5", T1, "Fine", Outcome.OPEN, null), badCode);

        assertThat(report.results()).extracting(ItemResult::result).containsExactly(null, SyncResult.CREATED, null);
        assertThat(report.results().get(0).problem().field()).isEqualTo("name");
        assertThat(report.results().get(2).problem().code()).isEqualTo("reference.not-found");
        assertThat(report.results().get(2).problem().field()).isEqualTo("lossAnalysis.reasonCodes[0]");
    }

    @Test
    void appliesSeveralStatesOfOneDealInSourceOrderAndAuditsTheDealOnce() {
        IngestItem lost = item("6", T2, "Acme", Outcome.LOST,
                new IngestItem.Analysis(List.of("SLOW_RESPONSE"), "Too slow", "proposal", Fit.GOOD_FIT, null, null));
        IngestReport report = ingest(lost, item("6", T1, "Acme", Outcome.OPEN, null));

        assertThat(report.results()).extracting(ItemResult::result).containsExactly(SyncResult.UPDATED, SyncResult.CREATED);
        Deal deal = app.dealRepository.findById(workspace.id(), report.results().get(0).deal().id()).orElseThrow();
        assertThat(deal.outcome()).isEqualTo(Outcome.LOST);
        assertThat(deal.lossAnalysis().status()).isEqualTo(AnalysisStatus.COMPLETE);
        assertThat(app.dealRepository.outcomeHistory(workspace.id(), deal.id())).hasSize(1);
        List<AuditEvent> events = app.auditLog.all().stream().filter(e -> "deal".equals(e.resource())).toList();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("create");
            assertThat(e.changedFields()).contains("name", "outcome", "lossAnalysis");
        });
    }

    @Test
    void updateOnlyRejectsUnknownDeals() {
        ItemResult result = app.ingest.ingest(new IngestCommand(partner, List.of(item("7", T1, "x", Outcome.OPEN, null)),
                true)).results().get(0);

        assertThat(result.problem().code()).isEqualTo("deal.not-found");
        assertThat(app.ingestStore.lock(workspace.id(), List.of(new dev.debrief.domain.deal.ExternalReference("pipedrive", "7")))
                .existing()).isEmpty();
    }

    @Test
    void aDeletedDealStaysDeleted() {
        Deal deal = ingest(item("8", T1, "Acme", Outcome.OPEN, null)).results().get(0).deal();
        app.deals.delete(partner, deal.id(), 0);

        ItemResult again = ingest(item("8", T2, "Acme", Outcome.OPEN, null)).results().get(0);

        assertThat(again.problem().code()).isEqualTo("deal.deleted");
    }

    @Test
    void aStaleStateWritesNothing() {
        ingest(item("9", T2, "Newer", Outcome.OPEN, null));
        int audited = app.auditLog.all().size();

        ItemResult stale = ingest(item("9", T1, "Older", Outcome.OPEN, null)).results().get(0);

        assertThat(stale.result()).isEqualTo(SyncResult.STALE);
        assertThat(stale.deal().details().name()).isEqualTo("Newer");
        assertThat(app.auditLog.all()).hasSize(audited);
    }
}
