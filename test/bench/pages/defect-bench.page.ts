// Browser benchmark page for <wy-defect-checklist>: render and filter 1,000 defects.
// Exposes window.runDefectBench(), which returns median times in ms.
import '../../../src/components/defect-checklist/defect-checklist.js';
import type { WyDefectChecklist } from '../../../src/components/defect-checklist/defect-checklist.js';
import contractors from '../../../schemas/examples/contractors.json';
import { HOUSE, NOW, makeDefects } from '../../support/defect-fixtures.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/** Until the element is rendered, laid out (layout forced) and the next frame has started. */
async function painted(el: WyDefectChecklist): Promise<void> {
  await el.updateComplete;
  const v = el.shadowRoot!.querySelector('lit-virtualizer') as (HTMLElement & { layoutComplete?: Promise<void> }) | null;
  if (v) {
    await (v as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await v.layoutComplete;
  }
  void el.shadowRoot!.lastElementChild?.getBoundingClientRect();
  await frame();
}

function make(n: number, view: WyDefectChecklist['view']): WyDefectChecklist {
  const el = document.createElement('wy-defect-checklist') as WyDefectChecklist;
  el.house = HOUSE;
  el.now = NOW;
  el.contractors = contractors;
  el.actor = { id: 'E3102', name: '李工', roles: ['inspector'] };
  el.items = makeDefects(n);
  el.view = view;
  return el;
}

async function runDefectBench(n = 1000, runs = 15) {
  const render: number[] = [];
  const renderPrint: number[] = [];
  const filter: number[] = [];
  const filterSync: number[] = [];
  const rowsOnScreen: number[] = [];
  for (let r = 0; r < runs + 2; r++) {
    let el = make(n, 'list');
    await frame();
    const start = performance.now();
    document.body.append(el);
    await painted(el);
    const t1 = performance.now();
    let t0: number;
    rowsOnScreen.push(el.shadowRoot!.querySelectorAll('[part~="row"]').length);
    // Filter: status → not closed, then trade → plumbing, each until the list is laid out again.
    const times: number[] = [];
    const sync: number[] = [];
    for (const [sel, value] of [['[data-filter="status"]', 'not-closed'], ['[data-filter="trade"]', 'plumbing'], ['[data-filter="trade"]', ''], ['[data-filter="status"]', '']] as const) {
      await frame();
      const s = el.shadowRoot!.querySelector<HTMLSelectElement>(sel)!;
      s.value = value;
      t0 = performance.now();
      s.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await (el.shadowRoot!.querySelector('lit-virtualizer') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      sync.push(performance.now() - t0);
      await painted(el);
      times.push(performance.now() - t0);
    }
    el.remove();
    // The same 1,000 defects in the print view (tables, not virtualised) for comparison.
    el = make(n, 'print');
    await frame();
    t0 = performance.now();
    document.body.append(el);
    await painted(el);
    const t2 = performance.now();
    el.remove();
    if (r >= 2) {
      render.push(t1 - start);
      renderPrint.push(t2 - t0);
      filter.push(median(times));
      filterSync.push(median(sync));
    }
  }
  return { render: median(render), renderPrint: median(renderPrint), filter: median(filter), filterSync: median(filterSync), rows: median(rowsOnScreen) };
}

(window as unknown as { runDefectBench: typeof runDefectBench }).runDefectBench = runDefectBench;
