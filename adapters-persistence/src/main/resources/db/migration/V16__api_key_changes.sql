-- Instances cache API keys by prefix (ApiKeyCache) and must hear at once of a change that decides whether a
-- key still authenticates: a revocation, an expiry or scope change, a deletion (a workspace's cascade too),
-- however it was made (the API or SQL by hand). The notification carries the key's prefix and is delivered
-- at commit, to every instance listening (ApiKeyChangeListener). Every change to a key's row is announced
-- except the last-use time moving forward, which happens once a minute per key in use and decides nothing
-- (a last use set back by hand is announced: instances keep the last use they recorded, to skip writes).
create function api_key_changed() returns trigger language plpgsql as $$
begin
    perform pg_notify('debrief_api_key_changed', old.prefix);
    if tg_op = 'UPDATE' and new.prefix is distinct from old.prefix then
        perform pg_notify('debrief_api_key_changed', new.prefix);
    end if;
    return null;
end
$$;

create trigger api_key_changed_on_update after update on api_key for each row
    when ((old.id, old.workspace_id, old.name, old.prefix, old.secret_hash, old.scopes, old.expires_at, old.revoked_at,
           old.created_at)
          is distinct from (new.id, new.workspace_id, new.name, new.prefix, new.secret_hash, new.scopes, new.expires_at,
           new.revoked_at, new.created_at)
          or old.last_used_at > new.last_used_at or (old.last_used_at is not null and new.last_used_at is null))
    execute function api_key_changed();

create trigger api_key_changed_on_delete after delete on api_key for each row
    execute function api_key_changed();

-- A TRUNCATE (of api_key, or of workspace with CASCADE) fires no row trigger: it names every key ('*').
create function api_keys_truncated() returns trigger language plpgsql as $$
begin
    perform pg_notify('debrief_api_key_changed', '*');
    return null;
end
$$;

create trigger api_key_changed_on_truncate after truncate on api_key for each statement
    execute function api_keys_truncated();
