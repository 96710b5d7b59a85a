-- When an API key last authenticated a request. Written at most once a minute per key, by a
-- conditional update (last_used_at null or older than a minute), so instances need no coordination.
alter table api_key add column last_used_at timestamptz;
