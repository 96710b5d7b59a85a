package dev.debrief.application.service.mapping;

import dev.debrief.application.port.in.ingest.IngestDealsUseCase.IngestCommand;
import dev.debrief.application.port.in.ingest.IngestItem;
import dev.debrief.application.port.in.mapping.MappingsUseCase.SetResult;
import dev.debrief.application.service.TestApplication;
import dev.debrief.domain.access.Access;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.Outcome;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.shared.NotFound;
import dev.debrief.domain.shared.ReferenceNotFound;
import dev.debrief.domain.shared.RuleViolation;
import dev.debrief.domain.vocabulary.VocabularyKind;
import dev.debrief.domain.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Mappings and re-classification against the in-memory fakes. */
class MappingServiceTest {

    private static final Instant T1 = Instant.parse("2025-03-01T09:00:00Z");

    private final TestApplication app = new TestApplication();
    private Workspace workspace;
    private Access admin;

    @BeforeEach
    void workspace() {
        workspace = app.createWorkspace("Europe/Berlin");
        admin = app.admin(workspace.id());
    }

    private List<Deal> push(int count, String stage) {
        List<IngestItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            items.add(new IngestItem("hubspot", "d-" + i, T1, "Deal " + i, null, null, null, null, null, stage,
                    null, null, null, null, null, null, Outcome.OPEN, null, null));
        }
        return app.ingest.ingest(new IngestCommand(admin, items, false)).results().stream()
                .map(r -> r.deal()).toList();
    }

    @Test
    void setsAMappingAndReclassifiesEveryWaitingDealAcrossBatches() {
        List<Deal> deals = push(ReclassifyService.BATCH * 2 + 5, "Closed Lost");
        var discovery = app.stage(workspace.id(), "DISCOVERY");

        SetResult set = app.mappings.set(admin, MappingKind.STAGE, "hubspot", "closed lost", discovery.id().value());
        int changed = app.reclassify.reclassify(admin, set.mapping());

        assertThat(set.created()).isTrue();
        assertThat(changed).isEqualTo(deals.size());
        assertThat(deals).allSatisfy(d -> assertThat(app.dealRepository.findById(workspace.id(), d.id()).orElseThrow()
                .details().stageId()).isEqualTo(discovery.id()));
        assertThat(app.reclassify.reclassify(admin, set.mapping())).as("a re-run changes nothing").isZero();
        assertThat(app.auditLog.all().stream().filter(e -> "reclassify".equals(e.action()))).hasSize(deals.size());
    }

    @Test
    void settingTheSameValueAgainReplacesTheTarget() {
        var first = app.entry(workspace.id(), VocabularyKind.STAGE, "DISCOVERY");
        var second = app.entry(workspace.id(), VocabularyKind.STAGE, "PROPOSAL");
        SetResult created = app.mappings.set(admin, MappingKind.STAGE, "hubspot", "Lost", first.id().value());

        SetResult replaced = app.mappings.set(admin, MappingKind.STAGE, "hubspot", " LOST ", second.id().value());

        assertThat(replaced.created()).isFalse();
        assertThat(replaced.mapping().id()).isEqualTo(created.mapping().id());
        assertThat(app.mappings.list(workspace.id(), MappingKind.STAGE, null)).singleElement()
                .satisfies(m -> assertThat(m.targetId()).isEqualTo(second.id().value()));
    }

    @Test
    void refusesTargetsThatDontFitTheKind() {
        var segment = app.entry(workspace.id(), VocabularyKind.STAGE, "DISCOVERY");
        assertThatThrownBy(() -> app.mappings.set(admin, MappingKind.SEGMENT, "hubspot", "x", segment.id().value()))
                .isInstanceOf(RuleViolation.class).extracting("code").isEqualTo("vocabulary.wrong-kind");
        assertThatThrownBy(() -> app.mappings.set(admin, MappingKind.REASON, "hubspot", "x", UUID.randomUUID()))
                .isInstanceOf(ReferenceNotFound.class);
        assertThatThrownBy(() -> app.mappings.set(admin, MappingKind.OWNER, "hubspot", "x", UUID.randomUUID()))
                .isInstanceOf(ReferenceNotFound.class);
        assertThat(app.mappings.list(workspace.id(), MappingKind.SEGMENT, null)).isEmpty();
    }

    @Test
    void listsUnmappedValuesAndDeletesMappings() {
        push(3, "Closed Lost");
        assertThat(app.mappings.unmapped(workspace.id(), MappingKind.STAGE, null, 10)).singleElement()
                .satisfies(u -> assertThat(u.deals()).isEqualTo(3));

        SetResult set = app.mappings.set(admin, MappingKind.STAGE, "hubspot", "closed lost",
                app.stage(workspace.id(), "DISCOVERY").id().value());
        assertThat(app.mappings.unmapped(workspace.id(), MappingKind.STAGE, null, 10)).isEmpty();

        app.mappings.delete(admin, MappingKind.STAGE, set.mapping().id());
        assertThat(app.mappings.list(workspace.id(), MappingKind.STAGE, null)).isEmpty();
        assertThatThrownBy(() -> app.mappings.delete(admin, MappingKind.STAGE, set.mapping().id()))
                .isInstanceOf(NotFound.class);
    }
}
