package dev.debrief.application.service.demo;

import dev.debrief.application.port.in.demo.SeedDemoWorkspaceUseCase;
import dev.debrief.application.port.out.workspace.WorkspaceRepository;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.Workspace;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a {@link DemoScenario} through the same use cases a client calls, so every rule holds for
 * demo data too (vocabulary references, loss analyses, the check-ins a LOST close schedules).
 * One transaction per month of history ({@link DemoWriter}): a single one for the whole history
 * kept a thousand deals in Hibernate's persistence context and took 51 s. The workspace is named
 * "… (being filled)" until the last transaction renames it, so a start that died half-way leaves a
 * workspace nobody mistakes for the demo, and the next start fills a new one.
 */
@ApplicationScoped
public class DemoWorkspaceService implements SeedDemoWorkspaceUseCase {

    static final String FILLING = NAME + " (being filled)";

    private final WorkspaceRepository workspaces;
    private final DemoWriter writer;
    private final Clock clock;

    @Inject
    public DemoWorkspaceService(WorkspaceRepository workspaces, DemoWriter writer, Clock clock) {
        this.workspaces = workspaces;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public Optional<DemoWorkspace> seedIfAbsent(long seed) {
        if (!workspaces.findByName(NAME).isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(DemoScenario.TIME_ZONE)));
        DemoScenario scenario = new DemoScenario(seed, today);
        DemoWriter.Setup setup = writer.setUp(scenario, FILLING);
        List<DemoScenario.DemoDeal> deals = scenario.deals();
        Map<String, List<DealId>> lostByReason = new HashMap<>();
        Map<YearMonth, List<DemoScenario.DemoDeal>> byMonth = new TreeMap<>();
        for (DemoScenario.DemoDeal deal : deals) {
            byMonth.computeIfAbsent(deal.closedOn() == null ? YearMonth.from(today) : YearMonth.from(deal.closedOn()),
                    m -> new ArrayList<>()).add(deal);
        }
        for (List<DemoScenario.DemoDeal> month : byMonth.values()) {
            writer.writeDeals(setup, month).forEach((reason, ids) ->
                    lostByReason.computeIfAbsent(reason, r -> new ArrayList<>()).addAll(ids));
        }
        Workspace named = writer.finish(setup, scenario.lessons(), lostByReason, NAME);
        return Optional.of(new DemoWorkspace(named, setup.adminKey(), deals.size()));
    }
}
