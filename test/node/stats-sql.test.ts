// complaintStatsSql: the statistics cube counted with GROUP BY on PostgreSQL and SQLite equals
// aggregateComplaints cell for cell on the same records (the instances' data, in the order the
// store received them): the shipped examples, the hand-made fixtures, records of odd shapes
// (times only Date.parse reads, offices that are not strings, replies at another offset) and
// 100,000 generated records, under every grouping, period, comparison, filter and asOf.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { aggregateComplaints, type AggregateOptions, type StatsOffice } from '../../src/core/stats/index.js';
import { complaintStatsSql } from '../../src/server/stats-sql.js';
import { PostgresStore } from '../../src/server/postgres-store.js';
import { SqliteStore } from '../../src/server/sqlite-store.js';
import { builtinDefinitions, createEngine } from '../../src/workflow/index.js';
import { records as fixtureRecords, offices as fixtureOffices } from './stats-fixtures.js';
import { makeJsonRecords, makeOffices } from '../support/stats-data.js';
// @ts-expect-error: a plain .mjs helper without types
import { freshDatabase } from '../support/postgres.mjs';

const examples = JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as unknown[];
const exampleOffices = JSON.parse(readFileSync('schemas/examples/offices.json', 'utf8')) as StatsOffice[];

/** Records of shapes aggregateComplaints reads with Date.parse or not at all. */
const base = { kind: 'complaint', channel: 'phone', severity: 'minor', complainant: { type: 'owner' }, category: 'staff' };
const oddRecords: unknown[] = [
  { ...base, officeId: 'A', receivedAt: '2026-07-01T08:00:00+0800' },
  { ...base, officeId: 'A', receivedAt: '2026-07-01t08:00:00z' },
  { ...base, officeId: 'A', receivedAt: '2026-07-31 23:30:00.123456-01:00' },
  { ...base, officeId: 'A', receivedAt: '2026-02-30T10:00:00+08:00' },
  { ...base, officeId: 'A', receivedAt: '2026-02-30T10:00:00Z' },
  { ...base, officeId: 'A', receivedAt: '2026-07-01T24:00:00Z' },
  { ...base, officeId: 'A', receivedAt: '2026-13-01T10:00:00+08:00' },
  { ...base, officeId: 'A', receivedAt: '2026-07-01T10:00Z' },
  { ...base, officeId: 'A', receivedAt: '2026-07-01' },
  { ...base, officeId: 'A', receivedAt: '２０２６-07-01T10:00:00+08:00' },
  { ...base, officeId: 'A', receivedAt: 1782900000000 },
  { ...base, officeId: 'A', receivedAt: '2026-07-01T10:00:00+07:60' },
  { ...base, officeId: 7, receivedAt: '2026-07-02T10:00:00+08:00' },
  { ...base, officeId: '7', receivedAt: '2026-07-02T10:00:00+08:00' },
  { ...base, officeId: null, receivedAt: '2026-07-02T10:00:00+08:00' },
  { ...base, receivedAt: '2026-07-02T10:00:00+08:00' },
  { ...base, officeId: '__proto__', receivedAt: '2026-07-02T10:00:00+08:00' },
  { ...base, officeId: '办事处', receivedAt: '2026-07-03T10:00:00+08:00', category: 42 },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', reply: [], deadline: '2026-07-04T10:00:00+08:00', returnVisit: ['x'] },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', reply: { at: '2026-07-04T01:00:00Z' }, deadline: '2026-07-04T10:00:00+08:00' },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', reply: { at: 5 }, deadline: '2026-07-04T10:00:00+08:00' },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', reply: { at: '2026-07-04T10:00:00+08:00' }, deadline: '2026-07-04T10:00:00+08:00', validity: null },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', deadline: '2026-07-04T10:00:00+08:00', validity: 'valid' },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', deadline: '2026-02-30T10:00:00Z', validity: 3 },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', deadline: '2026-07-01T10:00:00.5Z' },
  { ...base, officeId: 'B', receivedAt: '2026-07-03T10:00:00+08:00', deadline: '2026-07-01T10:00:00.500-03:00', returnVisit: { satisfaction: 'satisfied' } },
  { ...base, officeId: 'B', kind: ['complaint'], receivedAt: '2026-07-03T10:00:00+08:00', complainant: 'owner' },
  { ...base, officeId: 'C', kind: 'suggestion', receivedAt: '2026-06-03T10:00:00+08:00', complainant: null },
  [1, 2],
  'a string',
  42,
  null,
];

/** 100,000 generated records, a tenth of them at other offsets and precisions. */
function generated(): { records: unknown[]; offices: StatsOffice[] } {
  const offices = makeOffices(60);
  const records = makeJsonRecords(100_000, [...offices.map((o) => o.id), 'UNLISTED-1', 'UNLISTED-2']) as Record<string, unknown>[];
  records.forEach((r, i) => {
    if (i % 10 === 3 && typeof r['receivedAt'] === 'string') r['receivedAt'] = new Date(Date.parse(r['receivedAt'] as string)).toISOString();
    if (i % 10 === 7 && typeof r['receivedAt'] === 'string') r['receivedAt'] = (r['receivedAt'] as string).replace('+08:00', '-11:30');
    if (i % 97 === 5 && r['reply']) r['reply'] = { ...(r['reply'] as object), at: '2026-12-31T10:00:00Z' };
  });
  return { records, offices: offices.slice(0, 55) };
}

const optionSets = (offices: readonly StatsOffice[]): AggregateOptions[] => [
  {},
  { offices },
  { offices, groupBy: 'region' },
  { offices, groupBy: 'month', period: 'quarter', from: '2025-01', to: '2026-12' },
  { offices, period: 'year', compare: 'yoy', from: '2026' },
  { offices, compare: 'mom', from: '2026-03', to: '2026-05' },
  { offices, groupBy: 'region', compare: 'yoy', from: '2026-07', to: '2026-07' },
  { offices, filter: { kind: ['complaint'], channel: ['phone', 'visit'] } },
  { offices, filter: { kind: [] } },
  { offices, filter: { severity: ['major'], complainantType: ['owner', 'staff-partner'] }, from: '2025-01', to: '2026-12' },
  { offices, asOf: '2026-07-04T00:00:00+08:00' },
  { offices, asOf: Date.parse('2027-01-01T00:00:00Z') + 0.5, from: '2025-06', to: '2026-11' },
  { offices, config: { ...aggregateComplaintsConfig(), validCodes: ['invalid'], satisfiedCodes: ['dissatisfied'] } },
];

function aggregateComplaintsConfig() {
  return aggregateComplaints([]).measures && JSON.parse(JSON.stringify({ form: { documentNo: 'x', version: '1', title: { 'zh-CN': '表', en: 'Table' }, department: { 'zh-CN': '部', en: 'Dept' }, signatures: [] }, measures: aggregateComplaints([]).measures })) as { form: never; measures: never };
}

// ── the stores ──
let pool: pg.Pool;
let store: PostgresStore;
const sqlite = new SqliteStore({ file: ':memory:' });
let n = 0;

before(async () => {
  pool = new pg.Pool({ connectionString: (await freshDatabase('stats')) as string, max: 4 });
  store = new PostgresStore({ pool });
  await store.migrate();
  await sqlite.migrate();
});
after(async () => {
  await store.close();
  await sqlite.close();
  await pool.end();
});

const snapshotOf = (data: unknown, definitionId = 'complaint') => {
  const id = `I${n++}`;
  return { id, definitionId, definitionVersion: 1, state: 'registered', version: 1, data, firstReceiver: { id: 'E1', name: '周敏' }, clocks: {}, createdAt: 0, updatedAt: n, auditCount: 1 };
};

/** Empties both stores and loads `records` as complaint instances (plus a few instances of another definition). */
async function load(records: readonly unknown[]): Promise<void> {
  await pool.query('TRUNCATE wy_instances RESTART IDENTITY');
  const db = sqlite.database as unknown as { exec(sql: string): void; prepare(sql: string): { run(...a: unknown[]): void }; transaction(fn: () => void): () => void };
  db.exec('DELETE FROM wy_instances');
  const snaps = [snapshotOf({ officeId: 'A', receivedAt: '2026-07-01T08:00:00+08:00', category: 'staff' }, 'move-in'), ...records.map((r) => snapshotOf(r))];
  const insert = db.prepare('INSERT INTO wy_instances (id, definition_id, state, version, last_seq, updated_at, snapshot) VALUES (?, ?, ?, 1, 1, 0, ?)');
  db.transaction(() => {
    for (const s of snaps) insert.run(s.id, s.definitionId, s.state, JSON.stringify(s));
  })();
  for (let i = 0; i < snaps.length; i += 10_000) {
    await pool.query(
      `INSERT INTO wy_instances (id, definition_id, version, state, updated_at, last_seq, snapshot)
       SELECT s->>'id', s->>'definitionId', 1, s->>'state', (s->>'updatedAt')::double precision, 1, s
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(s, o) ORDER BY o`,
      [JSON.stringify(snaps.slice(i, i + 10_000))],
    );
  }
}

async function assertSame(records: readonly unknown[], options: AggregateOptions, what: string) {
  const expected = aggregateComplaints(records, options);
  const onPg = await complaintStatsSql({ postgres: store }, options);
  assert.deepEqual(onPg, expected, `PostgreSQL, ${what}, ${JSON.stringify(options).slice(0, 200)}`);
  const onSqlite = await complaintStatsSql({ sqlite }, options);
  assert.deepEqual(onSqlite, expected, `SQLite, ${what}, ${JSON.stringify(options).slice(0, 200)}`);
}

test('the shipped examples, started through the engine on both stores: SQL equals aggregateComplaints', async () => {
  await pool.query('TRUNCATE wy_instances RESTART IDENTITY');
  const actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
  for (const s of [store, sqlite]) {
    const engine = createEngine({ definitions: Object.values(builtinDefinitions), store: s });
    for (const [i, data] of examples.entries()) {
      const r = await engine.start('complaint', { id: `EX-${i}`, data }, actor);
      assert.ok(r.ok, `example ${i} starts: ${JSON.stringify(r).slice(0, 200)}`);
    }
  }
  // The records are what the stores hold, in the order they received them.
  const held = await Promise.all(examples.map(async (_, i) => (await store.load(`EX-${i}`))!.data));
  for (const o of optionSets(exampleOffices)) await assertSame(held, o, 'examples');
  const t = await complaintStatsSql({ postgres: store }, { offices: exampleOffices, from: '2026-07', to: '2026-10' });
  assert.equal(t.recordCount, examples.length);
  assert.ok(t.total.total > 0, 'the examples are counted');
});

test('hand-made fixtures and odd shapes: SQL equals aggregateComplaints, the odd records counted as aggregateComplaints counts them', async () => {
  const records = [...fixtureRecords, ...oddRecords];
  await load(records);
  for (const o of optionSets(fixtureOffices)) await assertSame(records, o, 'fixtures + odd');
  const t = await complaintStatsSql({ postgres: store }, { offices: fixtureOffices, from: '2026-07' });
  assert.ok(t.skipped.invalidDate > 0 && t.skipped.unknownCategory > 0 && t.skipped.invalidRecord > 0, 'the odd records reach every skip counter');
});

test('100,000 generated records: SQL equals aggregateComplaints cell for cell', async () => {
  const { records, offices } = generated();
  await load(records);
  // A few option sets on this many (the whole matrix runs on the smaller sets above).
  const sets = optionSets(offices);
  for (const o of [sets[6]!, sets[11]!]) await assertSame(records, o, '100k');
  const t = await complaintStatsSql({ postgres: store }, { offices, from: '2025-01', to: '2026-12', filter: { kind: [] } });
  assert.equal(t.total.total, 100_000, 'every generated record counted once');
  assert.ok(t.rows.some((r) => r.key === 'office:UNLISTED-1'), 'offices not listed get rows');
});

test('wrong options fail as aggregateComplaints fails, before any query', async () => {
  await assert.rejects(() => complaintStatsSql({ postgres: store }, { groupBy: 'nonsense' as never }), /groupBy must be office, region or month/);
  await assert.rejects(() => complaintStatsSql({ sqlite }, { from: '2026-07', to: '2026-01' }), /ends .* before it starts/);
});
