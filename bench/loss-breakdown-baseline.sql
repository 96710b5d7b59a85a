-- The anchor of the insights benchmark: the loss breakdown by reason as plain SQL over the base
-- tables (a join and a GROUP BY, no summary table), with the period and an optional team filter.
-- Parameters: workspace id, from, to (closed dates, inclusive), team id (or null) twice.
select r.reason_id, r.role, d.currency,
       count(*)                                         as lost,
       sum(d.amount)                                    as amount,
       count(*) filter (where r.controllable)           as controllable,
       count(*) filter (where a.fit = 'WRONG_PROSPECT') as wrong_prospect
from deal d
join loss_analysis a on a.workspace_id = d.workspace_id and a.deal_id = d.id and a.current
join loss_analysis_reason r on r.analysis_id = a.id
where d.workspace_id = ?
  and d.outcome = 'LOST'
  and d.closed_on between ? and ?
  and (?::uuid is null or d.team_id = ?::uuid)
group by r.reason_id, r.role, d.currency
