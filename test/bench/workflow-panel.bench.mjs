// Browser bench of <wy-workflow-panel> (headless Chromium, minified bundle of the source):
// first render of an instance with a long history, and the update after a change made elsewhere
// (engine.subscribe → reload → render). Run alone: `node --import tsx test/bench/run.mjs workflow-panel`.
import { bundlePage, inBrowser } from './browser.mjs';
import { row, median } from './harness.mjs';

// Targets set for this element (design.md has no bar for it): the statistics table's "initial
// render under 100 ms" for an ordinary instance, and 250 ms for an instance with 1,000 entries.
const RENDER_TARGET_MS = { 0: 100, 1000: 250 };
const UPDATE_TARGET_MS = 100;

export default async function bench() {
  const page = await bundlePage('workflow-panel', 'test/bench/pages/workflow-panel.page.ts', { title: 'workflow panel bench' });
  const rows = [];
  for (const n of [0, 1000]) {
    const r = await inBrowser(`${page}?step=handling&n=${n}`, async () => {
      const w = window;
      while (!w.__ready) await new Promise((res) => setTimeout(res, 5));
      const panel = w.__panel;
      const env = w.__env;
      const renderMs = w.__renderMs;
      const entries = panel.shadowRoot.querySelectorAll('[part="entry"]').length;
      // Warm: a second panel on the same page (styles, Intl formats and fonts already loaded).
      const warm = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        const p = document.createElement('wy-workflow-panel');
        Object.assign(p, { engine: panel.currentEngine, actor: panel.currentActor, instanceId: panel.instanceId, now: panel.now });
        document.body.append(p);
        while (!p.shadowRoot?.querySelector('[part="timeline"]')) await new Promise((res) => requestAnimationFrame(res));
        void document.body.offsetHeight;
        warm.push(performance.now() - t);
        p.remove();
      }
      warm.sort((a, b) => a - b);
      const updates = [];
      for (let i = 0; i < 15; i++) {
        const before = panel.shadowRoot.querySelector('[part="entry"]').dataset.seq;
        const t0 = performance.now();
        await env.engine.send(env.id, { type: 'transfer', payload: { handler: { id: `E4${i}`, name: `测${i}` }, reason: 'bench' } }, { id: 'E9001', name: '陈主任', roles: ['centre-head'] });
        while (panel.shadowRoot.querySelector('[part="entry"]').dataset.seq === before) await new Promise((res) => requestAnimationFrame(res));
        await panel.updateComplete;
        updates.push(performance.now() - t0);
      }
      updates.sort((a, b) => a - b);
      return { renderMs, entries, updates, warm };
    });
    const t = RENDER_TARGET_MS[n];
    rows.push(row('workflow-panel', `first render, ${r.entries} audit entries`, r.renderMs, 'ms', `target ≤ ${t} ms (${(r.renderMs / t).toFixed(2)}× of target)`));
    const wm = median(r.warm);
    rows.push(row('workflow-panel', `render of a second panel, ${r.entries} entries (median of 5)`, wm, 'ms', `target ≤ ${t} ms (${(wm / t).toFixed(2)}× of target)`));
    const u = median(r.updates);
    rows.push(
      row('workflow-panel', `update after an engine change, ${r.entries}+ entries (median of 15)`, u, 'ms', `target ≤ ${UPDATE_TARGET_MS} ms (${(u / UPDATE_TARGET_MS).toFixed(2)}× of target)`),
    );
  }
  return rows;
}
