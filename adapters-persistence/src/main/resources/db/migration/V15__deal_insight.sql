-- What the insights group and filter by, one narrow row per deal: the deal's own columns and those of its
-- current analysis (stage lost at, fit, competitor, primary reason and whether it was controllable, the
-- contributing reasons). The insights read this table instead of joining deal, loss_analysis and
-- loss_analysis_reason for a quarter of a million deals per answer (docs/benchmarks.md, "Insights").
--
-- Freshness: always current as of the last commit. Deferred constraint triggers on the three tables refresh
-- a deal's row when the writing transaction commits, inside it, whatever wrote (the API, a partner push, an
-- import, the demo generator, plain SQL). A deal written several times in one transaction (its insert, its
-- analysis, its reasons) is recomputed once: later events of the same transaction see refreshed_in and skip.
-- The columns are copies; their meaning lives with deal and loss_analysis (V1).
create table deal_insight (
    workspace_id            uuid          not null,
    id                      uuid          not null,
    outcome                 varchar(12)   not null,
    closed_on               date,
    owner_id                uuid,
    team_id                 uuid,
    segment_id              uuid,
    persona_id              uuid,
    lead_source_id          uuid,
    currency                varchar(3),
    amount                  numeric(15, 2),
    risk_tags               varchar(20)[] not null,
    -- the analysis's competitor, else the deal's; trimmed, null when blank
    competitor              varchar(200),
    stage_lost_at_id        uuid,
    fit                     varchar(16),
    primary_reason_id       uuid,
    controllable            boolean,
    contributing_reason_ids uuid[]        not null,
    refreshed_in            xid8          not null,
    primary key (id),
    constraint deal_insight_deal_fk foreign key (id) references deal (id) on delete cascade
);

-- Covering: the breakdowns, the trend and control read a period's rows from this index alone (an index-only
-- scan in closed-date order), not from heap pages spread over the whole table; risk tags and competitors
-- still come from the rows.
create index deal_insight_closed_idx on deal_insight (workspace_id, closed_on)
    include (id, outcome, currency, amount, primary_reason_id, controllable, fit, stage_lost_at_id, team_id, owner_id,
             segment_id, persona_id, lead_source_id, contributing_reason_ids);

-- Every lookup in it is by an id that leads exactly one index (deal's and deal_insight's primary keys, the
-- current analysis's unique index, the reasons' primary key), and enable_seqscan = off: PL/pgSQL caches a
-- generic plan after five calls, and one made while the tables were nearly empty (a fresh database filling
-- up) picked any (workspace_id, …) index and walked the whole workspace for every deal until the next
-- ANALYZE. The ingest benchmark's fresh-database round took 15 s to commit one batch of 500 with that.
create function deal_insight_refresh(p_deal uuid) returns void
    language plpgsql
    set enable_seqscan = off as
$$
begin
    if exists (select 1 from deal_insight where id = p_deal and refreshed_in = pg_current_xact_id()) then
        return;
    end if;
    insert into deal_insight (workspace_id, id, outcome, closed_on, owner_id, team_id, segment_id, persona_id,
                              lead_source_id, currency, amount, risk_tags, competitor, stage_lost_at_id, fit,
                              primary_reason_id, controllable, contributing_reason_ids, refreshed_in)
    select d.workspace_id, d.id, d.outcome, d.closed_on, d.owner_id, d.team_id, d.segment_id, d.persona_id,
           d.lead_source_id, d.currency, d.amount, d.risk_tags,
           coalesce(nullif(btrim(a.competitor), ''), nullif(btrim(d.competitor), '')),
           a.stage_lost_at_id, a.fit, p.reason_id, p.controllable,
           coalesce((select array_agg(c.reason_id order by c.position) from loss_analysis_reason c
                     where c.analysis_id = a.id and c.role = 'CONTRIBUTING'), '{}'),
           pg_current_xact_id()
    from deal d
             left join loss_analysis a on a.deal_id = d.id and a.current
             left join loss_analysis_reason p on p.analysis_id = a.id and p.role = 'PRIMARY'
    where d.id = p_deal
    on conflict (id) do update
        set outcome = excluded.outcome, closed_on = excluded.closed_on, owner_id = excluded.owner_id,
            team_id = excluded.team_id, segment_id = excluded.segment_id, persona_id = excluded.persona_id,
            lead_source_id = excluded.lead_source_id, currency = excluded.currency, amount = excluded.amount,
            risk_tags = excluded.risk_tags, competitor = excluded.competitor,
            stage_lost_at_id = excluded.stage_lost_at_id, fit = excluded.fit,
            primary_reason_id = excluded.primary_reason_id, controllable = excluded.controllable,
            contributing_reason_ids = excluded.contributing_reason_ids, refreshed_in = excluded.refreshed_in;
end
$$;

create function deal_insight_deal_changed() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        perform deal_insight_refresh(old.id);
    else
        perform deal_insight_refresh(new.id);
    end if;
    return null;
end
$$;

create function deal_insight_analysis_changed() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'DELETE' then
        perform deal_insight_refresh(old.deal_id);
    else
        perform deal_insight_refresh(new.deal_id);
    end if;
    return null;
end
$$;

create function deal_insight_reason_changed() returns trigger
    language plpgsql as
$$
declare
    changed uuid := case when tg_op = 'DELETE' then old.analysis_id else new.analysis_id end;
    deal    uuid;
begin
    -- a deleted analysis (or deal) is refreshed by its own trigger
    select a.deal_id into deal from loss_analysis a where a.id = changed;
    if found then
        perform deal_insight_refresh(deal);
    end if;
    return null;
end
$$;

create constraint trigger deal_insight_deal
    after insert or update or delete on deal
    deferrable initially deferred
    for each row execute function deal_insight_deal_changed();

create constraint trigger deal_insight_analysis
    after insert or update or delete on loss_analysis
    deferrable initially deferred
    for each row execute function deal_insight_analysis_changed();

create constraint trigger deal_insight_reason
    after insert or update or delete on loss_analysis_reason
    deferrable initially deferred
    for each row execute function deal_insight_reason_changed();

-- the deals written before this migration, with the same function the triggers use
select deal_insight_refresh(id) from deal;
