package dev.debrief.adapter.persistence.deal;

import dev.debrief.domain.deal.Deal;
import dev.debrief.domain.deal.TriageField;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code deal_triage} rows of deals: read them into partner syncs, replace them from partner syncs. */
final class DealTriageRows {

    private DealTriageRows() {
    }

    static Map<UUID, Map<TriageField, String>> read(Connection c, UUID workspaceId, List<UUID> dealIds) throws SQLException {
        Map<UUID, Map<TriageField, String>> byDeal = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select deal_id, field, raw_value from deal_triage where workspace_id = ? and deal_id = any(?)")) {
            s.setObject(1, workspaceId);
            s.setArray(2, c.createArrayOf("uuid", dealIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byDeal.computeIfAbsent(rs.getObject(1, UUID.class), id -> new EnumMap<>(TriageField.class))
                            .put(TriageField.valueOf(rs.getString(2)), rs.getString(3));
                }
            }
        }
        return byDeal;
    }

    /** Replaces the rows of the deals that carry a partner sync with what it holds unresolved. */
    static void replace(Connection c, UUID workspaceId, List<Deal> deals) throws SQLException {
        List<UUID> synced = new ArrayList<>();
        List<UUID> dealIds = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Deal deal : deals) {
            if (deal.partnerSync() == null) {
                continue;
            }
            synced.add(deal.id().value());
            deal.partnerSync().unresolved().forEach((field, value) -> {
                dealIds.add(deal.id().value());
                fields.add(field.name());
                values.add(value);
            });
        }
        if (synced.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("delete from deal_triage where workspace_id = ? and deal_id = any(?)")) {
            s.setObject(1, workspaceId);
            s.setArray(2, c.createArrayOf("uuid", synced.toArray()));
            s.executeUpdate();
        }
        if (dealIds.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement("""
                insert into deal_triage (workspace_id, deal_id, field, raw_value)
                select ?, v.deal_id, v.field, v.raw_value from unnest(?::uuid[], ?::text[], ?::text[]) as v(deal_id, field, raw_value)""")) {
            s.setObject(1, workspaceId);
            s.setArray(2, c.createArrayOf("uuid", dealIds.toArray()));
            s.setArray(3, c.createArrayOf("text", fields.toArray()));
            s.setArray(4, c.createArrayOf("text", values.toArray()));
            s.executeUpdate();
        }
    }
}
