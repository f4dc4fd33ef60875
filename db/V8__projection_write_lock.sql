-- Writes of one projected row take turns. Without that, a row written while another transaction deletes its
-- name misses the tombstone (not committed yet) and that transaction's delete misses the row (not committed
-- either): the row outlives its resource. Every write of a row (but the relist's sweep: SqlProjection) first
-- takes a lock on (table, name) that lasts until its transaction ends; transactions that write several rows
-- write them in name order, and at most a few hundred (the lock table holds a few thousand locks).
CREATE FUNCTION projection_lock(tbl text, row_name text) RETURNS void LANGUAGE sql VOLATILE AS $$
    SELECT pg_advisory_xact_lock(hashtext(tbl), hashtext(row_name));
$$;

-- The guard of an upsert: takes the lock, then looks for a tombstone at or after the version being written.
-- VOLATILE, so its query runs with a snapshot taken after the lock was granted and sees the tombstone that the
-- lock's previous holder committed; the calling statement's own snapshot predates the wait.
CREATE FUNCTION projection_writable(tbl text, row_name text, version bigint) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM projection_lock(tbl, row_name);
    RETURN NOT EXISTS (SELECT 1 FROM projection_tombstones WHERE kind = tbl AND name = row_name AND rv >= version);
END;
$$;
