import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;

/**
 * Seeds one workspace for the insights benchmark straight into the database (generate_series, no API):
 * 8 teams, 4 segments, 6 personas, 5 lead sources, 60 members, and N deals closed over the 730 days up to
 * today (30 % WON, 50 % LOST, 15 % NO_DECISION, 5 % still OPEN), spread over every filter the insights take;
 * each LOST deal has a current COMPLETE analysis with a primary reason (controllable decided), a stage lost
 * at, a fit, a competitor, and a contributing reason on every third one. The choices are hashes of the row
 * number, so the same N gives the same data.
 *
 * Usage: PGPASSWORD=... java -cp org.postgresql.postgresql-*.jar bench/SeedInsightDeals.java jdbcUrl workspaceId deals
 */
public class SeedInsightDeals {

    public static void main(String[] args) throws Exception {
        String url = args[0];
        UUID ws = UUID.fromString(args[1]);
        int deals = Integer.parseInt(args[2]);
        try (Connection c = DriverManager.getConnection(url, "postgres", System.getenv("PGPASSWORD"))) {
            c.setAutoCommit(false);
            long t = System.nanoTime();
            vocabulary(c, ws, "TEAM", 8, "Team");
            vocabulary(c, ws, "SEGMENT", 4, "Segment");
            vocabulary(c, ws, "PERSONA", 6, "Persona");
            vocabulary(c, ws, "LEAD_SOURCE", 5, "Lead source");
            update(c, """
                    insert into member (id, workspace_id, email, display_name, role, created_at, team_id)
                    select gen_random_uuid(), ?, 'rep' || i || '@bench.invalid', 'Rep ' || i, 'REP', now(),
                           (select id from vocabulary_entry where workspace_id = ? and kind = 'TEAM' order by position
                            offset i % 8 limit 1)
                    from generate_series(1, 60) i""", ws, ws);
            update(c, """
                    with v as (
                        select (select array_agg(id order by position) from vocabulary_entry where workspace_id = ? and kind = 'STAGE') stages,
                               (select array_agg(id order by position) from vocabulary_entry where workspace_id = ? and kind = 'TEAM') teams,
                               (select array_agg(id order by position) from vocabulary_entry where workspace_id = ? and kind = 'SEGMENT') segments,
                               (select array_agg(id order by position) from vocabulary_entry where workspace_id = ? and kind = 'PERSONA') personas,
                               (select array_agg(id order by position) from vocabulary_entry where workspace_id = ? and kind = 'LEAD_SOURCE') sources,
                               (select array_agg(id order by email) from member where workspace_id = ? and email like 'rep%@bench.invalid') owners),
                    g as (
                        select n, abs(hashint8(n)) h1, abs(hashint8(n + 1000000007)) h2, abs(hashint8(n + 2000000011)) h3
                        from generate_series(1, ?) n)
                    insert into deal (id, workspace_id, name, account, owner_id, owner_name, team_id, amount, currency, stage_id,
                                      segment_id, persona_id, lead_source_id, pitched_at, pitched_term_months, risk_tags,
                                      competitor, outcome, closed_on, created_at, updated_at, version)
                    select gen_random_uuid(), ?, 'Deal ' || n, 'Account ' || (h3 % 40000), v.owners[1 + h1 % 60], 'Rep',
                           v.teams[1 + (h1 % 60) % 8], (500 + h2 % 150000)::numeric(15, 2),
                           case when h3 % 10 = 0 then 'USD' else 'EUR' end,
                           v.stages[1 + h3 % 7], v.segments[1 + h2 % 4], v.personas[1 + h3 % 6], v.sources[1 + h1 % 5],
                           current_date - (h1 % 730)::int - 30, 12, 
                           case h2 % 20 when 0 then '{NEW_MARKET}'::varchar[] when 1 then '{BIGGER_DEAL}'::varchar[]
                                when 2 then '{NEW_MARKET,BIGGER_DEAL}'::varchar[] when 3 then '{NEW_PRODUCT_LINE}'::varchar[]
                                else '{}'::varchar[] end,
                           (array['Globex', 'Initech', 'Umbrella', 'Hooli', null, null])[1 + h3 % 6],
                           case when h2 % 100 < 30 then 'WON' when h2 % 100 < 80 then 'LOST'
                                when h2 % 100 < 95 then 'NO_DECISION' else 'OPEN' end,
                           case when h2 % 100 < 95 then current_date - (h1 % 730)::int end,
                           now() - (h1 % 730) * interval '1 day' - interval '40 days', now(), 0
                    from g, v""", ws, ws, ws, ws, ws, ws, deals, ws);
            update(c, """
                    insert into loss_analysis (id, workspace_id, deal_id, current, status, stage_lost_at_id, fit, competitor,
                                               what_happened, what_we_would_do_differently, source, created_at, updated_at)
                    select gen_random_uuid(), workspace_id, id, true, 'COMPLETE', stage_id,
                           case when abs(hashint8(hashtext(id::text))) % 5 = 0 then 'WRONG_PROSPECT' else 'GOOD_FIT' end,
                           competitor, 'What happened', 'What we would do differently', 'DEBRIEF', created_at, updated_at
                    from deal where workspace_id = ? and outcome = 'LOST'""", ws);
            update(c, """
                    with r as (select array_agg(id order by code) ids from loss_reason where workspace_id = ?),
                         a as (select id, workspace_id, abs(hashtext(id::text)) h from loss_analysis where workspace_id = ?)
                    insert into loss_analysis_reason (analysis_id, position, workspace_id, reason_id, role, controllable, note)
                    select a.id, 0, a.workspace_id, r.ids[1 + a.h % 11], 'PRIMARY', a.h % 3 <> 0, null from a, r
                    union all
                    select a.id, 1, a.workspace_id, r.ids[1 + (a.h % 11 + 1 + a.h % 7) % 11], 'CONTRIBUTING', a.h % 2 = 0, null
                    from a, r where a.h % 3 = 0""", ws, ws);
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String table : new String[]{"deal", "loss_analysis", "loss_analysis_reason", "deal_insight", "vocabulary_entry", "member"}) {
                    s.execute("vacuum analyze " + table);
                }
            }
            System.out.printf("Seeded %d deals in workspace %s in %.1f s%n", deals, ws, (System.nanoTime() - t) / 1e9);
        }
    }

    private static void vocabulary(Connection c, UUID ws, String kind, int count, String name) throws Exception {
        update(c, """
                insert into vocabulary_entry (id, workspace_id, kind, code, name, position, archived, version)
                select gen_random_uuid(), ?, ?, upper(replace(?, ' ', '_')) || '_' || i, ? || ' ' || i, i, false, 0
                from generate_series(1, ?) i""", ws, kind, name, name, count);
    }

    private static void update(Connection c, String sql, Object... params) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        }
    }
}
