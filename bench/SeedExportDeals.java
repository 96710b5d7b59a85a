import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

/**
 * Seeds deals for the export benchmark straight into the database (generate_series, no API):
 * N deals, a quarter LOST with a COMPLETE current analysis and three reasons (one primary, two
 * contributing), a quarter WON, half OPEN; stages, amounts, risk tags, competitors with commas.
 *
 * Usage: PGPASSWORD=... java -cp org.postgresql.postgresql-*.jar bench/SeedExportDeals.java jdbcUrl workspaceId deals
 */
public class SeedExportDeals {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        UUID ws = UUID.fromString(args[1]);
        int deals = Integer.parseInt(args[2]);
        // PGPASSWORD: the embedded PostgreSQL's password (superuser.password in its data folder)
        try (Connection c = DriverManager.getConnection(url, "postgres", System.getenv("PGPASSWORD"))) {
            c.setAutoCommit(false);
            UUID owner = null;
            try (PreparedStatement s = c.prepareStatement("select id from member where workspace_id = ? limit 1")) {
                s.setObject(1, ws);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) owner = rs.getObject(1, UUID.class);
                }
            }
            long t = System.nanoTime();
            try (PreparedStatement s = c.prepareStatement("""
                    insert into deal (id, workspace_id, name, account, owner_id, owner_name, amount, currency, stage_id,
                                      pitched_at, pitched_term_months, risk_tags, competitor, outcome, closed_on,
                                      created_at, updated_at, version)
                    select gen_random_uuid(), ?, 'Deal ' || n, 'Account ' || (n % 997), ?::uuid, case when ?::uuid is null then null else 'Owner' end,
                           (1000 + n % 200000)::numeric(15, 2), 'EUR',
                           stages[1 + n % array_length(stages, 1)], date '2026-01-01' + (n % 300), 12 + n % 24,
                           case when n % 7 = 0 then '{NEW_MARKET,BIGGER_DEAL}'::varchar[] else '{}'::varchar[] end,
                           case when n % 5 = 0 then 'Globex, Inc.' end,
                           case n % 4 when 0 then 'LOST' when 1 then 'WON' else 'OPEN' end,
                           case when n % 4 in (0, 1) then date '2026-06-01' + (n % 150) end,
                           timestamptz '2025-01-01 00:00:00+00' + n * interval '1 second', now(), 0
                    from generate_series(1, ?) n,
                         (select array_agg(id order by position) stages from vocabulary_entry
                          where workspace_id = ? and kind = 'STAGE') v""")) {
                s.setObject(1, ws);
                s.setObject(2, owner);
                s.setObject(3, owner);
                s.setInt(4, deals);
                s.setObject(5, ws);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into loss_analysis (id, workspace_id, deal_id, current, status, stage_lost_at_id, fit, competitor,
                                               what_happened, what_we_would_do_differently, source, created_at, updated_at)
                    select gen_random_uuid(), workspace_id, id, true, 'COMPLETE', stage_id, 'GOOD_FIT', 'Globex',
                           'They chose "Globex", 20% cheaper' || E'\\n' || 'Second line', '=Call back the same day',
                           'DEBRIEF', created_at, updated_at
                    from deal where workspace_id = ? and outcome = 'LOST'""")) {
                s.setObject(1, ws);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    insert into loss_analysis_reason (analysis_id, position, workspace_id, reason_id, role, controllable, note)
                    select a.id, p.pos, a.workspace_id,
                           r.ids[1 + (abs(hashtext(a.id::text)) + p.pos) % array_length(r.ids, 1)],
                           case when p.pos = 0 then 'PRIMARY' else 'CONTRIBUTING' end, p.pos % 2 = 0, null
                    from loss_analysis a cross join generate_series(0, 2) p(pos),
                         (select array_agg(id order by code) ids from loss_reason where workspace_id = ?) r
                    where a.workspace_id = ?""")) {
                s.setObject(1, ws);
                s.setObject(2, ws);
                s.executeUpdate();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze deal");
                s.execute("vacuum analyze loss_analysis");
                s.execute("vacuum analyze loss_analysis_reason");
            }
            System.out.printf("Seeded %d deals (%d LOST with analyses) in %.1f s%n", deals, deals / 4,
                    (System.nanoTime() - t) / 1e9);
        }
    }
}
