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
    // BrowserStore has the change feed and the list: those cases ran too.
    expect(report.skipped).to.equal(0);
  });

  it('upgrades a version-1 database: global keys and timer ids become per instance, nothing lost', async () => {
    const name = unique('wy-upgrade');
    // The version-1 layout, written with plain IndexedDB as the previous release did.
    const v1 = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('instances', { keyPath: 'id' });
        db.createObjectStore('audit', { keyPath: ['instanceId', 'seq'] }).createIndex('instanceId', 'instanceId');
        const timers = db.createObjectStore('timers', { keyPath: 'id' });
        timers.createIndex('dueAt', 'dueAt');
        timers.createIndex('instanceId', 'instanceId');
        db.createObjectStore('commands', { keyPath: 'key' });
      };
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = v1.transaction(['timers', 'commands'], 'readwrite');
      tx.objectStore('timers').put({ id: 'OLD/c/1/breach', instanceId: 'OLD', clock: 'c', kind: 'breach', dueAt: 5 });
      tx.objectStore('commands').put({ key: 'old-key', instanceId: 'OLD', version: 3 });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    v1.close();
    const store = new BrowserStore({ name });
    expect(await store.timers('OLD')).to.deep.equal([{ id: 'OLD/c/1/breach', instanceId: 'OLD', clock: 'c', kind: 'breach', dueAt: 5 }]);
    expect(await store.findCommand('OLD', 'old-key')).to.deep.equal({ instanceId: 'OLD', version: 3 });
    expect(await store.findCommand('OTHER', 'old-key')).to.equal(undefined);
    expect((await store.dueTimers(10)).map((t) => t.id)).to.deep.equal(['OLD/c/1/breach']);
    expect(await store.lastCursor()).to.equal(0);
    await store.close();
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
