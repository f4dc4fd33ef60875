-- Every replica caches tenants it has read (GET /tenants/{name}) and LISTENs on this channel: any statement
-- that changes the tenants table, from any replica, the watch, a repair or an operator's SQL, notifies them
-- all on commit, and they empty their caches. One notification per transaction (PostgreSQL folds repeats).
CREATE FUNCTION tenants_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('opencrane_tenants', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER tenants_changed
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION tenants_notify();
