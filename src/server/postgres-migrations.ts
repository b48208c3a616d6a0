// The PostgreSQL schema of PostgresStore as numbered migrations. A migration is applied once, in
// order, inside one transaction that holds an advisory lock (so two processes that migrate at the
// same time apply it once); `wy_migrations` records what was applied. Never edit a shipped
// migration: add the next one.
import type { Pool } from 'pg';
import { StoreError } from '../workflow/store.js';

/** The advisory lock every migration run takes, so concurrent migrations run one after another. */
const MIGRATION_LOCK = 0x77_79_6b_01; // "wyk" 1

export interface PgMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const PG_MIGRATIONS: readonly PgMigration[] = [
  {
    version: 1,
    name: 'instances, audit, timers with leases, per-instance commands, change feed',
    sql: `
CREATE TABLE wy_instances (
  id            text COLLATE "C" PRIMARY KEY,
  -- insertion order: the order of records for the statistics (offices not listed are ordered by
  -- the first record that counts)
  seq           bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  definition_id text COLLATE "C" NOT NULL,
  version       integer NOT NULL,
  state         text COLLATE "C" NOT NULL,
  updated_at    double precision NOT NULL,
  last_seq      integer NOT NULL,
  snapshot      jsonb NOT NULL
);
CREATE INDEX wy_instances_definition ON wy_instances (definition_id, seq);
CREATE INDEX wy_instances_recent ON wy_instances (updated_at DESC, id);

CREATE TABLE wy_audit (
  instance_id text COLLATE "C" NOT NULL,
  seq         integer NOT NULL,
  entry       jsonb NOT NULL,
  PRIMARY KEY (instance_id, seq)
);

-- Pending timers. A process claims due timers with a lease (owner + expiry, database time):
-- others skip them until the lease runs out, so a process that dies holding a lease is taken
-- over. Exactly-once firing itself rests on the commit (per-instance idempotency key + version).
CREATE TABLE wy_timers (
  instance_id text COLLATE "C" NOT NULL,
  timer_id    text COLLATE "C" NOT NULL,
  due_at      double precision NOT NULL,
  timer       jsonb NOT NULL,
  lease_owner text,
  lease_until timestamptz,
  PRIMARY KEY (instance_id, timer_id)
);
CREATE INDEX wy_timers_due ON wy_timers (due_at, instance_id, timer_id);

CREATE TABLE wy_commands (
  instance_id text COLLATE "C" NOT NULL,
  key         text COLLATE "C" NOT NULL,
  version     integer NOT NULL,
  PRIMARY KEY (instance_id, key)
);

-- The change feed. Cursors come from one counter row updated at the end of each commit: the row
-- lock is held until that commit ends, so cursors become visible in order (a reader that has seen
-- cursor N never later finds a change below N).
CREATE TABLE wy_feed (id integer PRIMARY KEY CHECK (id = 1), cursor bigint NOT NULL);
INSERT INTO wy_feed VALUES (1, 0);
CREATE TABLE wy_changes (
  cursor        bigint PRIMARY KEY,
  instance_id   text COLLATE "C" NOT NULL,
  definition_id text COLLATE "C" NOT NULL,
  version       integer NOT NULL,
  state         text COLLATE "C" NOT NULL,
  type          text NOT NULL,
  at            double precision NOT NULL
);

-- One commit in one statement (one round trip, atomic): the per-instance idempotency key first
-- (a duplicate changes nothing), then the version (a conflict changes nothing), then the audit's
-- continuity (raises WYS01, rolling back), then the writes and the change-feed entry.
CREATE FUNCTION wy_commit(
  p_id text, p_expected integer, p_definition text, p_state text, p_version integer,
  p_updated double precision, p_snapshot jsonb, p_first_seq integer, p_last_seq integer,
  p_audit jsonb, p_timers jsonb, p_key text, p_type text, p_channel text,
  OUT out_status text, OUT out_version integer, OUT out_cursor bigint
) LANGUAGE plpgsql AS $$
DECLARE
  cur_version integer;
  cur_last integer;
  done integer;
BEGIN
  IF p_expected = 0 THEN
    INSERT INTO wy_instances (id, definition_id, version, state, updated_at, last_seq, snapshot)
      VALUES (p_id, p_definition, p_version, p_state, p_updated, coalesce(p_last_seq, 0), p_snapshot)
      ON CONFLICT (id) DO NOTHING;
    IF NOT FOUND THEN
      SELECT i.version INTO cur_version FROM wy_instances i WHERE i.id = p_id FOR UPDATE;
      IF p_key IS NOT NULL THEN
        SELECT c.version INTO done FROM wy_commands c WHERE c.instance_id = p_id AND c.key = p_key;
        IF FOUND THEN out_status := 'duplicate'; out_version := done; RETURN; END IF;
      END IF;
      out_status := 'conflict'; out_version := cur_version; RETURN;
    END IF;
    IF p_first_seq IS NOT NULL AND p_first_seq <> 1 THEN
      RAISE EXCEPTION 'Audit of % out of order: seq % after 0', p_id, p_first_seq USING ERRCODE = 'WYS01';
    END IF;
  ELSE
    SELECT i.version, i.last_seq INTO cur_version, cur_last FROM wy_instances i WHERE i.id = p_id FOR UPDATE;
    IF p_key IS NOT NULL THEN
      SELECT c.version INTO done FROM wy_commands c WHERE c.instance_id = p_id AND c.key = p_key;
      IF FOUND THEN out_status := 'duplicate'; out_version := done; RETURN; END IF;
    END IF;
    IF cur_version IS NULL OR cur_version <> p_expected THEN
      out_status := 'conflict'; out_version := cur_version; RETURN;
    END IF;
    IF p_first_seq IS NOT NULL AND p_first_seq <> cur_last + 1 THEN
      RAISE EXCEPTION 'Audit of % out of order: seq % after %', p_id, p_first_seq, cur_last USING ERRCODE = 'WYS01';
    END IF;
    UPDATE wy_instances i SET definition_id = p_definition, version = p_version, state = p_state,
      updated_at = p_updated, last_seq = coalesce(p_last_seq, cur_last), snapshot = p_snapshot
      WHERE i.id = p_id;
    DELETE FROM wy_timers t WHERE t.instance_id = p_id;
  END IF;
  INSERT INTO wy_audit (instance_id, seq, entry)
    SELECT p_id, (e->>'seq')::integer, e FROM jsonb_array_elements(p_audit) e;
  INSERT INTO wy_timers (instance_id, timer_id, due_at, timer)
    SELECT p_id, t->>'id', (t->>'dueAt')::double precision, t FROM jsonb_array_elements(p_timers) t;
  IF p_key IS NOT NULL THEN
    INSERT INTO wy_commands (instance_id, key, version) VALUES (p_id, p_key, p_version);
  END IF;
  UPDATE wy_feed f SET cursor = f.cursor + 1 WHERE f.id = 1 RETURNING f.cursor INTO out_cursor;
  INSERT INTO wy_changes VALUES (out_cursor, p_id, p_definition, p_version, p_state, p_type, p_updated);
  PERFORM pg_notify(p_channel, out_cursor::text);
  out_status := 'committed';
  out_version := p_version;
END
$$;
`,
  },
];

/** Runs the migrations `PG_MIGRATIONS` not yet applied. Safe to call from several processes at once. */
export async function migratePostgres(pool: Pool): Promise<{ applied: number[]; version: number }> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS wy_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM wy_migrations')).rows.map((r) => r.version));
    const known = Math.max(0, ...PG_MIGRATIONS.map((m) => m.version));
    const newest = Math.max(0, ...done);
    if (newest > known) {
      throw new StoreError(`The database has PostgresStore schema version ${newest}, newer than this wuye-kit knows (${known}): upgrade wuye-kit rather than run an older one against it`);
    }
    const applied: number[] = [];
    for (const m of PG_MIGRATIONS) {
      if (done.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO wy_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    await client.query('COMMIT');
    return { applied, version: Math.max(newest, ...applied) };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
