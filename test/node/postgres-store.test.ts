// PostgresStore on a real PostgreSQL (a throwaway cluster: test/support/postgres.mjs; test/run.mjs
// starts one per run and passes WY_PG_URL). The store contract (runStoreConformance), migrations
// (versioned, idempotent, concurrent), the engine's guarantees across several stores on one
// database (one winner per version, gapless audit, timers fired exactly once), leases taken over,
// the change feed across connections (LISTEN/NOTIFY).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { runStoreConformance } from '../../src/workflow/index.js';
import { PostgresStore } from '../../src/server/postgres-store.js';
import { PG_MIGRATIONS } from '../../src/server/postgres-migrations.js';
// @ts-expect-error: a plain .mjs helper without types
import { freshDatabase } from '../support/postgres.mjs';

const stores: PostgresStore[] = [];
after(async () => {
  for (const s of stores) await s.close();
});
async function database(): Promise<string> {
  return (await freshDatabase('pgstore')) as string;
}
async function store(url: string, options: { timerLeaseMs?: number } = {}): Promise<PostgresStore> {
  const s = new PostgresStore({ connectionString: url, ...options });
  stores.push(s);
  await s.migrate();
  return s;
}

test('PostgresStore passes the store conformance suite', async () => {
  const url = await database();
  // One pool for the whole suite, a store object per case (each case closes its store).
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  try {
    await new PostgresStore({ pool }).migrate();
    const report = await runStoreConformance(() => new PostgresStore({ pool }));
    assert.deepEqual(report.cases.filter((c) => !c.ok), [], 'every conformance case passes');
    assert.ok(report.passed >= 9);
  } finally {
    await pool.end();
  }
});

test('migrate() is versioned, idempotent and safe when several processes migrate at once', async () => {
  const url = await database();
  const many = Array.from({ length: 4 }, () => new PostgresStore({ connectionString: url }));
  stores.push(...many);
  const results = await Promise.all(many.map((s) => s.migrate()));
  const latest = Math.max(...PG_MIGRATIONS.map((m) => m.version));
  assert.deepEqual(results.map((r) => r.version), [latest, latest, latest, latest]);
  assert.equal(results.flatMap((r) => r.applied).length, PG_MIGRATIONS.length, 'each migration applied exactly once');
  const again = await many[0]!.migrate();
  assert.deepEqual(again, { applied: [], version: latest });
  const client = new pg.Client(url);
  await client.connect();
  try {
    const rows = (await client.query('SELECT version FROM wy_migrations ORDER BY version')).rows.map((r) => r.version);
    assert.deepEqual(rows, PG_MIGRATIONS.map((m) => m.version));
    // A database migrated by a newer wuye-kit is refused rather than used.
    await client.query(`INSERT INTO wy_migrations (version, name) VALUES (${latest + 1}, 'from the future')`);
  } finally {
    await client.end();
  }
  await assert.rejects(() => many[1]!.migrate(), /newer than this wuye-kit knows/);
});

test('a commit PostgreSQL cannot store is refused whole with a clear error', async () => {
  const s = await store(await database());
  const snap = { id: 'nul', definitionId: 'd', definitionVersion: 1, state: 'open', version: 1, data: { text: 'a\u0000b' }, firstReceiver: { id: 'E1', name: '周敏' }, clocks: {}, createdAt: 1, updatedAt: 1, auditCount: 0 };
  await assert.rejects(() => s.commit({ instanceId: 'nul', expectedVersion: 0, snapshot: snap, audit: [], timers: [] }), (err: Error) => err.name === 'StoreError' && /nothing was written/.test(err.message));
  assert.equal(await s.load('nul'), undefined);
});
