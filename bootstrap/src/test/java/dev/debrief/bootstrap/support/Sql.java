package dev.debrief.bootstrap.support;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Plain SQL against the test database, to assert what a request did (or did not) write. */
@ApplicationScoped
public class Sql {

    @Inject
    AgroalDataSource dataSource;

    /** The single number a {@code select count(*) ...} returns. */
    public long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement (DDL or DML) and returns the update count. */
    public int execute(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows a query returns, each as column label → value. */
    public java.util.List<java.util.Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
             ResultSet rs = s.executeQuery()) {
            java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Rows of every Debrief table belonging to a workspace: a rejected request must not change it. */
    public long rowsOf(String workspaceId) {
        return count("""
                select (select count(*) from vocabulary_entry where workspace_id = ?)
                     + (select count(*) from loss_reason where workspace_id = ?)
                     + (select count(*) from deal where workspace_id = ?)
                     + (select count(*) from loss_analysis where workspace_id = ?)
                     + (select count(*) from loss_analysis_reason where workspace_id = ?)
                     + (select count(*) from deal_outcome_change where workspace_id = ?)
                     + (select count(*) from deal_tombstone where workspace_id = ?)
                     + (select count(*) from deal_triage where workspace_id = ?)
                     + (select count(*) from follow_up where workspace_id = ?)
                     + (select count(*) from plan_item where workspace_id = ?)
                     + (select count(*) from outbox_event where workspace_id = ?)
                     + (select count(*) from deal_activity where workspace_id = ?)
                     + (select count(*) from deal_activity_tombstone where workspace_id = ?)""",
                workspaceId, workspaceId, workspaceId, workspaceId, workspaceId, workspaceId, workspaceId, workspaceId,
                workspaceId, workspaceId, workspaceId, workspaceId, workspaceId);
    }

    /** Binds the parameters; strings shaped like UUIDs are bound as uuid. */
    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            statement.setObject(i + 1, p instanceof String text && text.length() == 36 && text.charAt(8) == '-'
                    ? UUID.fromString(text) : p);
        }
        return statement;
    }
}
