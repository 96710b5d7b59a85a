package dev.debrief.adapter.persistence.activity;

import dev.debrief.adapter.persistence.shared.Jdbc;
import dev.debrief.application.port.out.activity.ActivityRepository;
import dev.debrief.domain.access.MemberId;
import dev.debrief.domain.activity.Activity;
import dev.debrief.domain.activity.ActivityDirection;
import dev.debrief.domain.activity.ActivityType;
import dev.debrief.domain.deal.DealId;
import dev.debrief.domain.deal.ExternalReference;
import dev.debrief.domain.workspace.WorkspaceId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Activities in plain SQL on the transaction's connection. An activity is a fact that is added and
 * deleted, never changed, and partner pushes write them by the hundred: {@code unnest} inserts with
 * {@code on conflict do nothing} on {@code deal_activity_external_uq} keep a retry from recording one twice.
 */
@ApplicationScoped
public class JdbcActivityRepository implements ActivityRepository {

    private static final String COLUMNS = "id, workspace_id, deal_id, type, direction, occurred_at, member_id, note, "
            + "external_source, external_id, created_at";

    private final EntityManager em;

    @Inject
    JdbcActivityRepository(EntityManager em) {
        this.em = em;
    }

    private <T> T work(Jdbc.Work<T> work) {
        return Jdbc.flushedWork(em, work);
    }

    @Override
    public void add(Activity activity) {
        work(c -> insert(c, List.of(activity), false));
    }

    @Override
    public int addPartnerActivities(List<Activity> activities) {
        return activities.isEmpty() ? 0 : work(c -> insert(c, activities, true));
    }

    private static int insert(Connection c, List<Activity> activities, boolean skipKnown) throws SQLException {
        int n = activities.size();
        Object[] ids = new Object[n];
        Object[] workspaces = new Object[n];
        Object[] deals = new Object[n];
        Object[] types = new Object[n];
        Object[] directions = new Object[n];
        Object[] occurred = new Object[n];
        Object[] members = new Object[n];
        Object[] notes = new Object[n];
        Object[] sources = new Object[n];
        Object[] externalIds = new Object[n];
        Object[] created = new Object[n];
        for (int i = 0; i < n; i++) {
            Activity a = activities.get(i);
            ids[i] = a.id();
            workspaces[i] = a.workspaceId().value();
            deals[i] = a.dealId().value();
            types[i] = a.type().name();
            directions[i] = a.direction().name();
            occurred[i] = Timestamp.from(a.occurredAt());
            members[i] = a.memberId() == null ? null : a.memberId().value();
            notes[i] = a.note();
            sources[i] = a.external() == null ? null : a.external().source();
            externalIds[i] = a.external() == null ? null : a.external().externalId();
            created[i] = Timestamp.from(a.createdAt());
        }
        return Jdbc.update(c, "insert into deal_activity (" + COLUMNS + ") "
                        + "select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::varchar[], ?::varchar[], ?::timestamptz[], "
                        + "?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[])"
                        + (skipKnown ? " on conflict (workspace_id, deal_id, external_source, external_id)"
                        + " where external_source is not null do nothing" : ""),
                c.createArrayOf("uuid", ids), c.createArrayOf("uuid", workspaces), c.createArrayOf("uuid", deals),
                c.createArrayOf("varchar", types), c.createArrayOf("varchar", directions),
                c.createArrayOf("timestamptz", occurred), c.createArrayOf("uuid", members),
                c.createArrayOf("varchar", notes), c.createArrayOf("varchar", sources),
                c.createArrayOf("varchar", externalIds), c.createArrayOf("timestamptz", created));
    }

    @Override
    public Optional<Activity> findById(WorkspaceId workspaceId, DealId dealId, UUID id) {
        return query("select " + COLUMNS + " from deal_activity where workspace_id = ? and deal_id = ? and id = ?",
                workspaceId.value(), dealId.value(), id).stream().findFirst();
    }

    @Override
    public void delete(Activity activity, Instant now) {
        work(c -> {
            Jdbc.update(c, "delete from deal_activity where workspace_id = ? and deal_id = ? and id = ?",
                    activity.workspaceId().value(), activity.dealId().value(), activity.id());
            if (activity.external() != null) {
                Jdbc.update(c, """
                                insert into deal_activity_tombstone (workspace_id, deal_id, external_source, external_id, deleted_at)
                                values (?, ?, ?, ?, ?) on conflict do nothing""",
                        activity.workspaceId().value(), activity.dealId().value(), activity.external().source(),
                        activity.external().externalId(), Timestamp.from(now));
            }
            return null;
        });
    }

    @Override
    public Map<DealId, Integer> countByDeal(WorkspaceId workspaceId, Collection<DealId> dealIds) {
        if (dealIds.isEmpty()) {
            return Map.of();
        }
        return work(c -> Jdbc.query(c, """
                        select deal_id, count(*) from deal_activity
                        where workspace_id = ? and deal_id = any(?) group by deal_id""",
                rs -> Map.entry(new DealId(rs.getObject(1, UUID.class)), rs.getInt(2)),
                workspaceId.value(), c.createArrayOf("uuid", dealIds.stream().map(DealId::value).toArray())))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public Set<PartnerKey> known(WorkspaceId workspaceId, Collection<PartnerKey> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        List<PartnerKey> list = List.copyOf(keys);
        return new HashSet<>(work(c -> Jdbc.query(c, """
                        select k.deal_id, k.source, k.external_id
                        from unnest(?::uuid[], ?::varchar[], ?::varchar[]) as k (deal_id, source, external_id)
                        where exists (select 1 from deal_activity a where a.workspace_id = ? and a.deal_id = k.deal_id
                                        and a.external_source = k.source and a.external_id = k.external_id)
                           or exists (select 1 from deal_activity_tombstone t where t.workspace_id = ? and t.deal_id = k.deal_id
                                        and t.external_source = k.source and t.external_id = k.external_id)""",
                rs -> new PartnerKey(new DealId(rs.getObject(1, UUID.class)),
                        new ExternalReference(rs.getString(2), rs.getString(3))),
                c.createArrayOf("uuid", list.stream().map(k -> k.dealId().value()).toArray()),
                c.createArrayOf("varchar", list.stream().map(k -> k.reference().source()).toArray()),
                c.createArrayOf("varchar", list.stream().map(k -> k.reference().externalId()).toArray()),
                workspaceId.value(), workspaceId.value())));
    }

    @Override
    public List<Activity> page(WorkspaceId workspaceId, DealId dealId, Instant beforeOccurredAt, UUID beforeId,
                               int limit) {
        if (beforeOccurredAt == null) {
            return query("select " + COLUMNS + " from deal_activity where workspace_id = ? and deal_id = ?"
                    + " order by occurred_at desc, id desc limit ?", workspaceId.value(), dealId.value(), limit);
        }
        return query("select " + COLUMNS + " from deal_activity where workspace_id = ? and deal_id = ?"
                        + " and (occurred_at, id) < (?, ?) order by occurred_at desc, id desc limit ?",
                workspaceId.value(), dealId.value(), Timestamp.from(beforeOccurredAt), beforeId, limit);
    }

    @Override
    public List<Activity> ofDeal(WorkspaceId workspaceId, DealId dealId) {
        return query("select " + COLUMNS + " from deal_activity where workspace_id = ? and deal_id = ?"
                + " order by occurred_at, id", workspaceId.value(), dealId.value());
    }

    private List<Activity> query(String sql, Object... parameters) {
        return work(c -> Jdbc.query(c, sql, JdbcActivityRepository::read, parameters));
    }

    private static Activity read(ResultSet rs) throws SQLException {
        UUID member = rs.getObject(7, UUID.class);
        String source = rs.getString(9);
        return new Activity(rs.getObject(1, UUID.class), new WorkspaceId(rs.getObject(2, UUID.class)),
                new DealId(rs.getObject(3, UUID.class)), ActivityType.valueOf(rs.getString(4)),
                ActivityDirection.valueOf(rs.getString(5)), rs.getTimestamp(6).toInstant(),
                member == null ? null : new MemberId(member), rs.getString(8),
                source == null ? null : new ExternalReference(source, rs.getString(10)), rs.getTimestamp(11).toInstant());
    }
}
