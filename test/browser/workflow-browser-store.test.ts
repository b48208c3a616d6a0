// BrowserStore on IndexedDB in headless Chromium (CSP without unsafe-eval): the store conformance
// suite, and an engine that "reloads" (a new store and engine over the same database) with
// overdue timers that fire exactly once.
import { expect } from '@open-wc/testing';
import { BrowserStore, builtinDefinitions, createEngine, runStoreConformance, type Actor } from '../../src/workflow/index.js';

const unique = (p: string) => `${p}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
const actor: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist', 'specialist'] };
const record = {
  recordNo: 'B-1', kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY',
  complainant: { type: 'owner' }, category: 'efficiency', severity: 'serious', subject: '<b>漏水</b>', description: '楼上漏水',
};

describe('BrowserStore (IndexedDB)', () => {
  it('passes the store conformance suite', async () => {
    const report = await runStoreConformance(() => new BrowserStore({ name: unique('wy-conformance') }));
    expect(report.cases.filter((c) => !c.ok)).to.deep.equal([]);
    expect(report.passed).to.be.greaterThan(8);
  });

  it('keeps instances across a reload and fires overdue timers once', async () => {
    const name = unique('wy-reload');
    const T0 = Date.parse('2026-10-16T09:30:00+08:00');
    const first = new BrowserStore({ name });
    const e1 = createEngine({ definitions: [builtinDefinitions['complaint']!], store: first, clock: () => T0 });
    expect((await e1.start('complaint', { id: 'B1', data: record, commandId: 'b-start' }, actor)).ok).to.equal(true);
    expect((await e1.send('B1', { type: 'register', payload: { category: 'other', severity: 'minor' }, commandId: 'b-reg' }, actor)).ok).to.equal(true);
    await first.close();

    const later = T0 + 10 * 86_400_000;
    const second = new BrowserStore({ name });
    const e2 = createEngine({ definitions: [builtinDefinitions['complaint']!], store: second, clock: () => later });
    const snap = await e2.get('B1');
    expect(snap?.state).to.equal('registered');
    expect(snap?.data['subject']).to.equal('<b>漏水</b>');
    const dup = await e2.send('B1', { type: 'register', payload: { category: 'other', severity: 'minor' }, commandId: 'b-reg' }, actor);
    expect(dup.ok && dup.duplicate).to.equal(true);
    const t1 = await e2.tick();
    const t2 = await e2.tick();
    expect(t1.fired).to.be.greaterThan(3);
    expect(t2.fired).to.equal(0);
    const h = await e2.history('B1');
    expect(h.map((a) => a.seq)).to.deep.equal(h.map((_, i) => i + 1));
    expect(h.filter((a) => a.kind === 'timer').length).to.equal(t1.fired);
    const clocks = await e2.clocks('B1');
    expect(clocks.map((c) => c.level)).to.deep.equal(['overdue', 'overdue']);
    await second.close();
  });
});
