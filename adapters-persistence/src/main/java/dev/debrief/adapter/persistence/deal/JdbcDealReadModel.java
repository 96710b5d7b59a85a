package dev.debrief.adapter.persistence.deal;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.in.deal.DealFilter;
import dev.debrief.application.port.in.deal.DealQueries;
import dev.debrief.application.port.in.deal.DealSort;
import dev.debrief.application.port.out.deal.DealListing;
import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.util.List;
import java.util.Optional;

/**
 * Deals as answers show them, in plain SQL ({@link DealRows}): no entity is loaded, nothing is kept in a session.
 * Each read is one statement on the caller's connection: the transaction's when there is one, otherwise a pooled
 * connection in autocommit, where the one statement still reads one snapshot.
 */
@ApplicationScoped
class JdbcDealReadModel implements DealListing {

    private final DataSource dataSource;
    private final DealListQuery listQuery;

    @Inject
    JdbcDealReadModel(DataSource dataSource, DealListQuery listQuery) {
        this.dataSource = dataSource;
        this.listQuery = listQuery;
    }

    @Override
    public Optional<DealQueries.DealView> view(WorkspaceId workspaceId, DealId dealId) {
        return read(c -> Jdbc.query(c, DealRows.VIEW, rs -> new DealQueries.DealView(DealRows.read(rs), DealRows.winBacks(rs)),
                workspaceId.value(), dealId.value())).stream().findFirst();
    }

    @Override
    public List<Deal> page(WorkspaceId workspaceId, DealFilter filter, DealSort sort, DealSort.Key after, int limit) {
        return read(c -> listQuery.page(c, workspaceId.value(), filter, sort, after, limit));
    }

    private <T> T read(Jdbc.Work<T> work) {
        return Jdbc.onConnection(dataSource, work);
    }
}
