// runStoreConformance: the store contract as an executable suite. Hosts run it against their own
// backend (any test framework: it returns a report and throws nothing); wuye-kit runs it against
// MemoryStore, BrowserStore and (in wuye-kit/server) SqliteStore. Cases for the optional
// capabilities (`changes`, `list`) run when the store has them and are reported as skipped otherwise.
import { ConflictError, type Commit, type WorkflowStore } from './store.js';
import type { AuditEntry, Snapshot, Timer } from './types.js';

export interface ConformanceCase {
  readonly name: string;
  readonly ok: boolean;
  readonly error?: string;
  /** The case needs an optional capability (`changes`, `list`) the store does not have; not run. */
  readonly skipped?: boolean;
}

export interface ConformanceReport {
  readonly passed: number;
  readonly failed: number;
  /** Cases for optional capabilities the store lacks (counted in neither passed nor failed). */
  readonly skipped: number;
  readonly cases: readonly ConformanceCase[];
}

class Failure extends Error {}

function fail(message: string): never {
  throw new Failure(message);
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function expectEqual(actual: unknown, expected: unknown, what: string): void {
  if (!equal(actual, expected)) fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

const isConflict = (err: unknown): boolean => err instanceof ConflictError || (err as { code?: unknown })?.code === 'conflict';

async function expectReject(p: Promise<unknown>, what: string, test?: (err: unknown) => boolean): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    if (test && !test(err)) fail(`${what}: rejected with the wrong error: ${String(err)}`);
    return err;
  }
  return fail(`${what}: expected a rejection, but it succeeded`);
}

let counter = 0;
const uid = (p: string) => `${p}-${Date.now().toString(36)}-${(counter++).toString(36)}`;

function snapshotOf(id: string, version: number, state = 'open', data: Record<string, unknown> = {}): Snapshot {
  return {
    id,
    definitionId: 'conformance',
    definitionVersion: 1,
    state,
    version,
    data,
    firstReceiver: { id: 'E1', name: '周敏' },
    clocks: {},
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000 + version,
    auditCount: version,
  };
}

function auditOf(id: string, seq: number, event = 'step'): AuditEntry {
  return {
    instanceId: id,
    seq,
    at: 1_700_000_000_000 + seq,
    kind: seq === 1 ? 'start' : 'transition',
    event: seq === 1 ? 'start' : event,
    from: seq === 1 ? null : 'open',
    to: 'open',
    actor: { id: 'E1', name: '周敏', roles: ['specialist'] },
    effects: [],
    definitionVersion: 1,
  };
}

const timerOf = (id: string, name: string, dueAt: number): Timer => ({ id: `${id}/${name}`, instanceId: id, clock: name, kind: 'breach', dueAt });

/** Commits version `from + 1` with one audit entry. */
function step(id: string, from: number, extra: Partial<Commit> = {}): Commit {
  return { instanceId: id, expectedVersion: from, snapshot: snapshotOf(id, from + 1), audit: [auditOf(id, from + 1)], timers: [], ...extra };
}

type Case = [name: string, run: (store: WorkflowStore) => Promise<void>, needs?: 'changes' | 'list'];

const CASES: Case[] = [
  [
    'create, load and round-trip values exactly',
    async (s) => {
      const id = uid('rt');
      const data = { text: '厨房下水道堵塞 <img src=x onerror=alert(1)>', nested: { list: [1, 2.5, '三', true, null] }, emoji: '🏠' };
      const snap = snapshotOf(id, 1, 'open', data);
      const r = await s.commit({ instanceId: id, expectedVersion: 0, snapshot: snap, audit: [auditOf(id, 1)], timers: [timerOf(id, 'a', 5)] });
      expectEqual(r, { status: 'committed', version: 1 }, 'commit result');
      expectEqual(await s.load(id), snap, 'loaded snapshot');
      expectEqual(await s.history(id), [auditOf(id, 1)], 'history');
      expectEqual(await s.timers(id), [timerOf(id, 'a', 5)], 'timers');
    },
  ],
  [
    'an unknown instance has no snapshot, history or timers',
    async (s) => {
      const id = uid('none');
      expectEqual(await s.load(id), undefined, 'load');
      expectEqual(await s.history(id), [], 'history');
      expectEqual(await s.timers(id), [], 'timers');
      expectEqual(await s.findCommand(id, uid('key')), undefined, 'findCommand');
    },
  ],
  [
    'a stale write is a conflict and never overwrites',
    async (s) => {
      const id = uid('stale');
      await s.commit(step(id, 0));
      await s.commit(step(id, 1));
      await expectReject(s.commit({ ...step(id, 1), snapshot: snapshotOf(id, 2, 'overwritten') }), 'commit at version 1 after 2', isConflict);
      expectEqual((await s.load(id))?.state, 'open', 'state after the refused write');
      expectEqual((await s.history(id)).length, 2, 'history length after the refused write');
    },
  ],
  [
    'creating an existing instance is a conflict',
    async (s) => {
      const id = uid('twice');
      await s.commit(step(id, 0));
      await expectReject(s.commit({ ...step(id, 0), snapshot: snapshotOf(id, 1, 'other') }), 'second create', isConflict);
      expectEqual((await s.load(id))?.state, 'open', 'state');
    },
  ],
  [
    'concurrent writers on one version: exactly one wins',
    async (s) => {
      const id = uid('race');
      await s.commit(step(id, 0));
      const results = await Promise.allSettled([1, 2, 3, 4, 5].map((n) => s.commit({ ...step(id, 1), snapshot: snapshotOf(id, 2, `w${n}`) })));
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      if (won.length !== 1) fail(`expected 1 winner, got ${won.length}`);
      if (!lost.every((r) => isConflict((r as PromiseRejectedResult).reason))) fail('every loser must get a conflict');
      expectEqual((await s.history(id)).length, 2, 'history length');
    },
  ],
  [
    'the same idempotency key twice has one effect',
    async (s) => {
      const id = uid('idem');
      const key = uid('cmd');
      await s.commit(step(id, 0));
      const first = await s.commit(step(id, 1, { idempotencyKey: key }));
      expectEqual(first, { status: 'committed', version: 2 }, 'first commit');
      // The retry carries the same (now stale) expected version: a duplicate, not a conflict.
      const again = await s.commit(step(id, 1, { idempotencyKey: key }));
      expectEqual(again, { status: 'duplicate', version: 2, instanceId: id }, 'second commit');
      expectEqual((await s.history(id)).length, 2, 'history length');
      expectEqual(await s.findCommand(id, key), { instanceId: id, version: 2 }, 'findCommand');
    },
  ],
  [
    'a refused commit leaves nothing behind (atomic)',
    async (s) => {
      const id = uid('atomic');
      await s.commit(step(id, 0, { timers: [timerOf(id, 'keep', 10)] }));
      const key = uid('cmd');
      // Audit seq 5 after 1: out of order, must be refused as a whole.
      await expectReject(
        s.commit({ instanceId: id, expectedVersion: 1, snapshot: snapshotOf(id, 2, 'moved'), audit: [auditOf(id, 5)], timers: [timerOf(id, 'new', 20)], idempotencyKey: key }),
        'audit out of order',
      );
      expectEqual((await s.load(id))?.state, 'open', 'snapshot unchanged');
      expectEqual((await s.history(id)).map((a) => a.seq), [1], 'history unchanged');
      expectEqual((await s.timers(id)).map((t) => t.id), [`${id}/keep`], 'timers unchanged');
      expectEqual(await s.findCommand(id, key), undefined, 'key not recorded');
    },
  ],
  [
    'audit is append-only and ordered by seq',
    async (s) => {
      const id = uid('audit');
      await s.commit(step(id, 0));
      await s.commit({ instanceId: id, expectedVersion: 1, snapshot: snapshotOf(id, 3), audit: [auditOf(id, 2, 'b'), auditOf(id, 3, 'c')], timers: [] });
      await s.commit(step(id, 3));
      const h = await s.history(id);
      expectEqual(h.map((a) => a.seq), [1, 2, 3, 4], 'seq order');
      expectEqual(h.map((a) => a.event), ['start', 'b', 'c', 'step'], 'event order');
      h.pop();
      expectEqual((await s.history(id)).length, 4, 'history after mutating a returned copy');
    },
  ],
  [
    'due timers: only those due, earliest first, replaced on commit',
    async (s) => {
      const a = uid('ta');
      const b = uid('tb');
      const base = 2_000_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
      await s.commit(step(a, 0, { timers: [timerOf(a, 'late', base + 300), timerOf(a, 'early', base + 100)] }));
      await s.commit(step(b, 0, { timers: [timerOf(b, 'mid', base + 200), timerOf(b, 'future', base + 10_000)] }));
      const mine = (list: Timer[]) => list.filter((t) => t.instanceId === a || t.instanceId === b).map((t) => t.id);
      expectEqual(mine(await s.dueTimers(base + 250)), [`${a}/early`, `${b}/mid`], 'due at +250');
      expectEqual(mine(await s.dueTimers(base + 300)), [`${a}/early`, `${b}/mid`, `${a}/late`], 'due at +300 (inclusive)');
      expectEqual((await s.timers(a)).map((t) => t.id), [`${a}/early`, `${a}/late`], 'timers of a, earliest first');
      await s.commit(step(a, 1, { timers: [timerOf(a, 'next', base + 400)] }));
      expectEqual(mine(await s.dueTimers(base + 1000)), [`${b}/mid`, `${a}/next`], 'after replacing a’s timers');
      await s.commit(step(b, 1, { timers: [] }));
      expectEqual(mine(await s.dueTimers(base + 1_000_000)), [`${a}/next`], 'after clearing b’s timers');
      const limited = await s.dueTimers(base + 1_000_000, 1);
      if (limited.length > 1) fail(`limit 1 returned ${limited.length} timers`);
    },
  ],
  [
    'idempotency keys are scoped per instance',
    async (s) => {
      const a = uid('ka');
      const b = uid('kb');
      const key = uid('cmd');
      await s.commit(step(a, 0));
      await s.commit(step(b, 0));
      expectEqual(await s.commit(step(a, 1, { idempotencyKey: key })), { status: 'committed', version: 2 }, 'key on a');
      // The same key on another instance is another command: committed, not a duplicate of a's.
      expectEqual(await s.commit(step(b, 1, { idempotencyKey: key })), { status: 'committed', version: 2 }, 'same key on b');
      expectEqual((await s.history(b)).length, 2, 'b’s history has the command');
      expectEqual(await s.findCommand(a, key), { instanceId: a, version: 2 }, 'findCommand on a');
      expectEqual(await s.findCommand(b, key), { instanceId: b, version: 2 }, 'findCommand on b');
      expectEqual(await s.findCommand(uid('other'), key), undefined, 'findCommand on a third instance');
      expectEqual(await s.commit(step(b, 1, { idempotencyKey: key })), { status: 'duplicate', version: 2, instanceId: b }, 'retry on b');
    },
  ],
  [
    'timer ids are scoped per instance',
    async (s) => {
      const a = uid('sa');
      const b = uid('sb');
      const base = 2_100_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
      const same = (id: string, dueAt: number): Timer => ({ id: 'clock/1/breach', instanceId: id, clock: 'clock', kind: 'breach', dueAt });
      await s.commit(step(a, 0, { timers: [same(a, base + 10)] }));
      // b's timer has the same id as a's: both are kept, neither replaces the other.
      await s.commit(step(b, 0, { timers: [same(b, base + 10)] }));
      expectEqual(await s.timers(a), [same(a, base + 10)], 'a’s timer');
      expectEqual(await s.timers(b), [same(b, base + 10)], 'b’s timer');
      const mine = (list: Timer[]) => list.filter((t) => t.instanceId === a || t.instanceId === b).map((t) => t.instanceId);
      expectEqual(mine(await s.dueTimers(base + 10)), [a, b].sort(), 'both due, ordered by instance id');
      await s.commit(step(a, 1, { timers: [] }));
      expectEqual(await s.timers(b), [same(b, base + 10)], 'clearing a’s timers keeps b’s');
    },
  ],
  [
    'due timers page strictly after a position',
    async (s) => {
      const id = uid('page');
      const at = 2_200_000_000_000 + Math.floor(Math.random() * 1_000_000) * 1000;
      const list = ['a', 'b', 'c', 'd', 'e'].map((n): Timer => ({ id: n, instanceId: id, clock: n, kind: 'breach', dueAt: at }));
      await s.commit(step(id, 0, { timers: list }));
      const seen: string[] = [];
      let after: { dueAt: number; instanceId: string; id: string } | undefined = { dueAt: at - 1, instanceId: '', id: '' };
      for (let round = 0; round < 10 && after; round++) {
        const page: Timer[] = await s.dueTimers(at, 2, after);
        const last: Timer | undefined = page[page.length - 1];
        seen.push(...page.filter((t) => t.instanceId === id).map((t) => t.id));
        after = last && { dueAt: last.dueAt, instanceId: last.instanceId, id: last.id };
        if (page.length > 2) fail(`limit 2 returned ${page.length} timers`);
      }
      expectEqual(seen, ['a', 'b', 'c', 'd', 'e'], 'every timer exactly once, in order');
    },
  ],
  [
    'change feed: one change per commit, in cursor order, read after a cursor',
    async (s) => {
      const start = await s.lastCursor!();
      const a = uid('fa');
      const b = uid('fb');
      await s.commit(step(a, 0));
      await s.commit({ ...step(b, 0), snapshot: snapshotOf(b, 1, 'new') });
      await s.commit(step(a, 1, { idempotencyKey: 'k1' }));
      // Neither a duplicate nor a refused commit adds a change.
      await s.commit(step(a, 1, { idempotencyKey: 'k1' }));
      await expectReject(s.commit(step(a, 0)), 'stale write', isConflict);
      const list = (await s.changes!(start, 1000)).filter((c) => c.instanceId === a || c.instanceId === b);
      expectEqual(
        list.map((c) => [c.instanceId, c.version, c.state, c.type, c.definitionId]),
        [
          [a, 1, 'open', 'started', 'conformance'],
          [b, 1, 'new', 'started', 'conformance'],
          [a, 2, 'open', 'transition', 'conformance'],
        ],
        'changes',
      );
      for (let i = 1; i < list.length; i++) if (!(list[i]!.cursor > list[i - 1]!.cursor)) fail('cursors must increase');
      if (!(list[0]!.cursor > start)) fail('changes after a cursor start above it');
      const rest = (await s.changes!(list[1]!.cursor, 1000)).filter((c) => c.instanceId === a || c.instanceId === b);
      expectEqual(rest.map((c) => c.version), [2], 'changes after the second');
      const limited = await s.changes!(start, 1);
      if (limited.length !== 1) fail(`limit 1 returned ${limited.length} changes`);
      if ((await s.lastCursor!()) < list[2]!.cursor) fail('lastCursor is below the last change');
    },
    'changes',
  ],
  [
    'list: filters, most recently updated first, keyset pages',
    async (s) => {
      const def = uid('def');
      const at = (v: number, id: string, state: string, updatedAt: number): Snapshot => ({ ...snapshotOf(id, v, state), definitionId: def, updatedAt });
      const ids = [uid('l1'), uid('l2'), uid('l3'), uid('l4')];
      await s.commit({ ...step(ids[0]!, 0), snapshot: at(1, ids[0]!, 'open', 1000) });
      await s.commit({ ...step(ids[1]!, 0), snapshot: at(1, ids[1]!, 'done', 3000) });
      await s.commit({ ...step(ids[2]!, 0), snapshot: at(1, ids[2]!, 'open', 2000) });
      await s.commit({ ...step(ids[3]!, 0), snapshot: at(1, ids[3]!, 'open', 2000) });
      const names = (list: Snapshot[]) => list.map((x) => x.id);
      const tie = [ids[2]!, ids[3]!].sort();
      expectEqual(names(await s.list!({ definitionId: def })), [ids[1], ...tie, ids[0]], 'all, newest first, ties by id');
      expectEqual(names(await s.list!({ definitionId: def, state: 'open' })), [...tie, ids[0]], 'state open');
      expectEqual(names(await s.list!({ definitionId: def, updatedSince: 2000 })), [ids[1], ...tie], 'updated since 2000');
      const first = await s.list!({ definitionId: def, limit: 2 });
      expectEqual(names(first), [ids[1], tie[0]], 'first page');
      const next = await s.list!({ definitionId: def, limit: 2, after: { updatedAt: first[1]!.updatedAt, id: first[1]!.id } });
      expectEqual(names(next), [tie[1], ids[0]], 'second page');
      expectEqual(await s.list!({ definitionId: uid('none') }), [], 'unknown definition');
    },
    'list',
  ],
];

/**
 * Runs the store contract against fresh stores from `makeStore` (called once per case; the
 * store's `close()` is called after it). Resolves with a report; a case fails with a message
 * saying what the store did instead.
 */
export async function runStoreConformance(makeStore: () => WorkflowStore | Promise<WorkflowStore>): Promise<ConformanceReport> {
  const cases: ConformanceCase[] = [];
  for (const [name, run, needs] of CASES) {
    let store: WorkflowStore | undefined;
    try {
      store = await makeStore();
      if (needs === 'changes' && (typeof store.changes !== 'function' || typeof store.lastCursor !== 'function')) {
        cases.push({ name, ok: true, skipped: true });
        continue;
      }
      if (needs === 'list' && typeof store.list !== 'function') {
        cases.push({ name, ok: true, skipped: true });
        continue;
      }
      await run(store);
      cases.push({ name, ok: true });
    } catch (err) {
      cases.push({ name, ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    } finally {
      try {
        await store?.close?.();
      } catch {
        /* a failing close does not hide the case's result */
      }
    }
  }
  const failed = cases.filter((c) => !c.ok).length;
  const skipped = cases.filter((c) => c.skipped).length;
  return { passed: cases.length - failed - skipped, failed, skipped, cases };
}
