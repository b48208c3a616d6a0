// <wy-complaint-stats> in headless Chromium: first render of 5,000 office rows (region → office,
// virtualised) from element creation until rows are on screen, and one scroll frame (scrollTop
// change until the rows for the new position are rendered), medians.
import { bundlePage, inBrowser } from './browser.mjs';
import { row } from './harness.mjs';

export default async function bench() {
  const page = await bundlePage('stats', 'test/bench/pages/stats.page.ts');
  const r = await inBrowser(`${page}?bench`, async () => {
    const { makeOffices, makeRecords } = window.statsBench;
    const offices = makeOffices(4_800, 32); // + 32 group rows + 32 subtotals + total ≈ 4,900 rows
    const records = makeRecords(20_000, offices.map((o) => o.id));
    const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
    const firsts = [];
    let rows = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      const el = document.createElement('wy-complaint-stats');
      el.offices = offices;
      el.complaints = records;
      el.groupBy = 'region';
      el.compare = 'yoy';
      document.body.append(el);
      await el.updateComplete;
      while (!el.shadowRoot.querySelector('.body [role="row"]')) await frame();
      firsts.push(performance.now() - t0);
      rows = el.table.rows.length;
      if (i < 4) el.remove();
    }
    const el = document.querySelector('wy-complaint-stats');
    const table = el.shadowRoot.querySelector('[part="table"]');
    const frames = [];
    for (let i = 1; i <= 30; i++) {
      const t0 = performance.now();
      table.scrollTop = i * 1_700;
      const want = Math.floor(table.scrollTop / 36) + 3;
      // The virtualizer lays out on the next frame; wait until the row for the new position exists.
      for (let k = 0; k < 10 && !table.querySelector(`[aria-rowindex="${want}"]`) && !el.shadowRoot.querySelector(`.body [aria-rowindex="${want}"]`); k++) await frame();
      frames.push(performance.now() - t0);
    }
    const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    return { first: med(firsts), scroll: med(frames), rows, inDom: el.shadowRoot.querySelectorAll('.body [role="row"]').length };
  });
  return [
    row('<wy-complaint-stats> 5k rows', 'first render (create → rows on screen)', r.first, 'ms', `target < 100 ms; ${r.rows} rows, ${r.inDom} in the DOM`),
    row('<wy-complaint-stats> 5k rows', 'scroll frame (scrollTop → rows drawn)', r.scroll, 'ms', 'one frame is 16.7 ms at 60 Hz'),
  ];
}
