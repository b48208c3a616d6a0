// The store contract (runStoreConformance) against MemoryStore, and a deliberately broken store
// that must fail it. (The snapshot-upload HttpStore and its reference server are retired: browsers
// send commands to wuye-kit/server instead; see remote-engine.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryStore, runStoreConformance, type Commit, type CommitResult } from '../../src/workflow/index.js';

function assertConformant(report: Awaited<ReturnType<typeof runStoreConformance>>) {
  assert.deepEqual(report.cases.filter((c) => !c.ok), [], 'every conformance case passes');
  assert.ok(report.passed >= 9);
}

test('MemoryStore passes the store conformance suite', async () => {
  assertConformant(await runStoreConformance(() => new MemoryStore()));
});

test('the suite fails a store that overwrites stale writes and forgets idempotency keys', async () => {
  class Sloppy extends MemoryStore {
    override async commit(c: Commit): Promise<CommitResult> {
      const current = (await this.load(c.instanceId))?.version ?? 0;
      const fixed = { ...c, expectedVersion: current, idempotencyKey: undefined } as Commit;
      const audit = (await this.history(c.instanceId)).length;
      return super.commit({ ...fixed, audit: fixed.audit.map((a, i) => ({ ...a, seq: audit + i + 1 })), snapshot: { ...fixed.snapshot, version: current + 1 } });
    }
  }
  const report = await runStoreConformance(() => new Sloppy());
  const failed = report.cases.filter((c) => !c.ok).map((c) => c.name);
  for (const name of ['a stale write is a conflict and never overwrites', 'the same idempotency key twice has one effect', 'a refused commit leaves nothing behind (atomic)']) {
    assert.ok(failed.includes(name), `expected "${name}" to fail; failed: ${failed.join(' | ')}`);
  }
  const throwing = await runStoreConformance(() => {
    throw new Error('cannot connect');
  });
  assert.equal(throwing.passed, 0);
  assert.match(throwing.cases[0]!.error!, /cannot connect/);
});
