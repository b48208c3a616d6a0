// Property-based (fast-check): random event sequences, actors, clock jumps, restarts and duplicate
// commands against the complaint workflow keep the invariants — the first receiver never
// changes, the audit is append-only and ordered, no transition happens outside the definition.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { builtinDefinitions, createEngine, MemoryStore, type Actor, type AuditEntry } from '../../src/workflow/index.js';
import { createCalendar, type CalendarData } from '../../src/core/calendar/index.js';

const def = builtinDefinitions['complaint']!;
const calendar = createCalendar(JSON.parse(readFileSync('schemas/calendars/cn-2026.json', 'utf8')) as CalendarData);
const T0 = Date.parse('2026-03-02T09:00:00+08:00');

const people = [
  { id: 'E1', name: '周敏', roles: ['receptionist'] },
  { id: 'E2', name: '李娜', roles: ['specialist'] },
  { id: 'E3', name: '王强', roles: ['specialist'] },
  { id: 'E4', name: '陈主任', roles: ['centre-head'] },
  { id: 'E5', name: '法务部', roles: ['functional-department'] },
  { id: 'O1', name: '业主', roles: ['owner'] },
  { id: 'E6', name: '多面手', roles: ['specialist', 'centre-head'] },
] satisfies Actor[];

const payloads: Record<string, unknown[]> = {
  register: [{ category: 'efficiency', severity: 'minor' }, { category: 'management', severity: 'major', repeat: true }, {}],
  dispatch: [{ handler: { id: 'E3', name: '王强' } }, { handler: { id: 'E2', name: '李娜' }, deadline: '2026-03-05T18:00:00+08:00' }, { handler: {} }],
  transfer: [{ handler: { id: 'E2', name: '李娜' }, reason: '专业对口' }],
  suspend: [{ reason: '等待业主' }],
  forward: [{ unit: 'hr-admin', reason: '员工维权' }],
  reply: [{ at: '2026-03-03T10:00:00+08:00', content: '已处理' }, { at: 'yesterday', content: '' }],
  visit: [
    { at: '2026-03-04T10:00:00+08:00', satisfaction: 'satisfied' },
    { at: '2026-03-04T10:00:00+08:00', satisfaction: 'dissatisfied' },
  ],
  close: [{ validity: 'valid' }, { validity: 'maybe' }],
  dismiss: [{ reason: '非物业责任' }],
};
const events = [...new Set(def.transitions.map((t) => t.event)), 'fly'];

type Step =
  | { kind: 'send'; event: string; actor: number; payload: number; withPayload: boolean; dupOf: number | null }
  | { kind: 'wait'; ms: number }
  | { kind: 'restart' };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('send' as const), event: fc.constantFrom(...events), actor: fc.nat(people.length - 1), payload: fc.nat(5), withPayload: fc.boolean(), dupOf: fc.option(fc.nat(30), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), ms: fc.integer({ min: 60_000, max: 3 * 86_400_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'restart' as const }) },
);

test('random event sequences keep the invariants (fast-check)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
      const store = new MemoryStore();
      let now = T0;
      let engine = createEngine({ definitions: [def], store, clock: () => now, calendar });
      const started = await engine.start('complaint', {
        id: 'P1',
        data: {
          recordNo: 'P-1', kind: 'complaint', receivedAt: '2026-03-02T09:00:00+08:00', channel: 'visit', officeId: 'SZ', complainant: { type: 'owner' },
          category: 'other', severity: 'minor', subject: '主题', description: '描述',
        },
      }, people[0]!);
      assert.ok(started.ok);
      const firstReceiver = started.snapshot.firstReceiver;
      let history: AuditEntry[] = await engine.history('P1');
      const commandIds: string[] = [];

      for (const [i, s] of steps.entries()) {
        if (s.kind === 'wait') {
          now += s.ms;
          await engine.tick();
        } else if (s.kind === 'restart') {
          engine = createEngine({ definitions: [def], store, clock: () => now, calendar });
          await engine.tick();
        } else {
          const list = payloads[s.event] ?? [];
          const payload = s.withPayload && list.length ? list[s.payload % list.length] : undefined;
          const dup = s.dupOf !== null && commandIds.length ? commandIds[s.dupOf % commandIds.length] : undefined;
          const commandId = dup ?? `cmd-${i}`;
          commandIds.push(commandId);
          const before = (await engine.history('P1')).length;
          const r = await engine.send('P1', { type: s.event, ...(payload !== undefined ? { payload } : {}), commandId }, people[s.actor]!);
          const after = (await engine.history('P1')).length;
          if (!r.ok || r.duplicate) assert.equal(after, before, 'a refusal or a duplicate appends nothing');
          else assert.equal(after, before + 1, 'an accepted event appends exactly one entry');
        }

        const snap = (await store.load('P1'))!;
        const next = await engine.history('P1');
        // Append-only and ordered: the old history is a prefix of the new one; seq is 1..n.
        assert.deepEqual(next.slice(0, history.length), history);
        assert.deepEqual(next.map((a) => a.seq), next.map((_, k) => k + 1));
        assert.equal(snap.auditCount, next.length);
        assert.equal(snap.version, next.length, 'one commit, one version, one entry');
        // First receiver never changes.
        assert.deepEqual(snap.firstReceiver, firstReceiver);
        assert.deepEqual(snap.data['firstReceiver'], firstReceiver);
        // Every state is declared; every transition entry is one the definition allows.
        assert.ok(def.states.some((x) => x.id === snap.state));
        for (const a of next.slice(history.length)) {
          if (a.kind !== 'transition') {
            assert.equal(a.from, a.to, 'timers never move the state');
            continue;
          }
          const allowed = def.transitions.some(
            (t) => t.event === a.event && t.from.includes(a.from!) && (t.to ?? a.from) === a.to && t.roles.some((r) => a.actor.roles.includes(r)),
          );
          assert.ok(allowed, `transition ${a.event} ${a.from}→${a.to} by [${a.actor.roles.join(',')}] is not in the definition`);
        }
        // No timer is left overdue after a tick, and none exists for a final state.
        const timers = await store.timers('P1');
        if (def.states.find((x) => x.id === snap.state)?.final) assert.deepEqual(timers, []);
        history = next;
      }
    }),
    { numRuns: 150 },
  );
});
