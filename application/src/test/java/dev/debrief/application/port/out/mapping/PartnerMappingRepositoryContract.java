package dev.debrief.application.port.out.mapping;

import dev.debrief.application.port.out.RepositoryContract;
import dev.debrief.domain.mapping.MappingKind;
import dev.debrief.domain.mapping.PartnerMapping;
import dev.debrief.domain.workspace.WorkspaceId;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link PartnerMappingRepository} does; the in-memory fake and the PostgreSQL adapter both extend it. */
public abstract class PartnerMappingRepositoryContract extends RepositoryContract {

    protected abstract PartnerMappingRepository mappings();

    private PartnerMapping mapping(WorkspaceId ws, MappingKind kind, String source, String value, UUID target) {
        return PartnerMapping.create(ws, kind, source, value, target, EPOCH);
    }

    @Test
    void storesAMappingAndFindsItInItsWorkspaceOnly() {
        WorkspaceId ws = newWorkspace();
        PartnerMapping stored = inTransaction(() -> mappings().save(mapping(ws, MappingKind.STAGE, "hubspot", "Closed Lost", UUID.randomUUID())));

        assertThat(inTransaction(() -> mappings().findById(ws, stored.id()))).get()
                .satisfies(m -> assertThat(m.partnerValue()).isEqualTo("Closed Lost"));
        assertThat(inTransaction(() -> mappings().findById(newWorkspace(), stored.id()))).isEmpty();
    }

    @Test
    void theSameValueInAnotherCaseReplacesTheTargetOfTheOneMapping() {
        WorkspaceId ws = newWorkspace();
        UUID second = UUID.randomUUID();
        PartnerMapping first = inTransaction(() -> mappings().save(mapping(ws, MappingKind.REASON, "hubspot", "Price too high", UUID.randomUUID())));

        PartnerMapping replaced = inTransaction(() -> mappings().save(mapping(ws, MappingKind.REASON, "hubspot", "  PRICE TOO HIGH ", second)));

        assertThat(replaced.id()).isEqualTo(first.id());
        assertThat(inTransaction(() -> mappings().list(ws, MappingKind.REASON))).singleElement()
                .satisfies(m -> assertThat(m.targetId()).isEqualTo(second));
    }

    @Test
    void sourcesAndKindsAreSeparate() {
        WorkspaceId ws = newWorkspace();
        inTransaction(() -> mappings().save(mapping(ws, MappingKind.STAGE, "hubspot", "Won", UUID.randomUUID())));
        inTransaction(() -> mappings().save(mapping(ws, MappingKind.STAGE, "salesforce", "Won", UUID.randomUUID())));
        inTransaction(() -> mappings().save(mapping(ws, MappingKind.SEGMENT, "hubspot", "Won", UUID.randomUUID())));

        assertThat(inTransaction(() -> mappings().list(ws, MappingKind.STAGE))).extracting(PartnerMapping::source)
                .containsExactly("hubspot", "salesforce");
        assertThat(inTransaction(() -> mappings().all(ws))).hasSize(3);
    }

    @Test
    void deletesAMapping() {
        WorkspaceId ws = newWorkspace();
        PartnerMapping stored = inTransaction(() -> mappings().save(mapping(ws, MappingKind.OWNER, "hubspot", "jd@crm", UUID.randomUUID())));

        inTransaction(() -> mappings().delete(stored));

        assertThat(inTransaction(() -> mappings().all(ws))).isEmpty();
    }
}
