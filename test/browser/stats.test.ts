import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/complaint-stats/complaint-stats.js';
import '../../src/components/kit-provider/kit-provider.js';
import type { WyComplaintStats } from '../../src/components/complaint-stats/complaint-stats.js';
import { aggregateComplaints, DEFAULT_STATS_CONFIG, statsRecordMatcher, type StatsTable } from '../../src/core/stats/index.js';
import officesJson from '../../schemas/examples/offices.json';
import recordsJson from '../../schemas/examples/complaint.valid.json';
import { makeOffices, makeRecords } from '../support/stats-data.js';
import { setupIgnoreWindowResizeObserverLoopErrors } from '@lit-labs/virtualizer/support/resize-observer-errors.js';

const offices = officesJson;
/** The hand-checked figures below count every type of feedback; the default counts complaints only (last test). */
const ALL_KINDS = { kind: [] as string[] };
const records = recordsJson as unknown[];
const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
const $ = (el: WyComplaintStats, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: WyComplaintStats, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const rowTexts = (el: WyComplaintStats) => $$(el, '.body [role="row"]').map((r) => [...r.children].map((c) => c.textContent!.trim()));

async function stats(template: ReturnType<typeof html>): Promise<WyComplaintStats> {
  const el = await fixture<WyComplaintStats>(template);
  await rendered(el);
  return el;
}

/** Waits until the virtualizer has put rows in the DOM (it renders after measuring). */
async function rendered(el: WyComplaintStats): Promise<void> {
  await el.updateComplete;
  el.scrollIntoView(); // rows render only where the page can see them

  for (let i = 0; i < 60 && !el.printView && !$(el, '[part="error"]') && !$(el, '.body [role="row"]'); i++) await frame();
  await frame();
}

describe('<wy-complaint-stats>', () => {
  // The virtualizer's ResizeObserver may not deliver every observation in one frame: a benign
  // browser message its README tells test suites to ignore.
  setupIgnoreWindowResizeObserverLoopErrors(beforeEach, afterEach);

  it('passes axe: table, sort buttons, drill-down buttons, chart', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} group-by="region" granularity="quarter" from="2026-07" compare="mom"></wy-complaint-stats>`);
    await expect(el).to.be.accessible();
  });

  it('shows offices, counts per category, totals and share in zh-CN', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} granularity="quarter" from="2026-07"></wy-complaint-stats>`);
    expect($(el, '[part="caption"]')!.textContent).to.equal('顾客投诉分类统计表（2026年第3季度）');
    const rows = rowTexts(el);
    expect(rows[0]!.slice(0, 9)).to.deep.equal(['华苑管理处', '4', '2', '0', '2', '0', '1', '9', '33.3%']);
    expect(rows.at(-1)!.slice(0, 9)).to.deep.equal(['合计', '9', '5', '2', '4', '4', '3', '27', '100.0%']);
    expect($$(el, '.head [role="columnheader"]').map((h) => h.textContent!.trim())).to.include.members(['按内容分类', '管理责任类', '合计', '占比', '比率指标', '有效投诉率']);
    expect($(el, '[role="table"]')!.getAttribute('aria-rowcount')).to.equal(String(12 + 1 + 2));
  });

  it('speaks English with locale="en", and follows the provider', async () => {
    const el = await stats(html`<wy-complaint-stats locale="en" .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} from="2026-07"></wy-complaint-stats>`);
    expect($(el, '[part="caption"]')!.textContent).to.equal('Complaint classification statistics (Jul 2026)');
    expect(rowTexts(el)[0]![0]).to.equal('Huayuan Office');
    const wrap = await fixture(html`<wy-kit-provider locale="en" .reference=${{ offices }}><wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} from="2026-08"></wy-complaint-stats></wy-kit-provider>`);
    const inner = wrap.querySelector('wy-complaint-stats')!;
    await rendered(inner as WyComplaintStats);
    expect(rowTexts(inner)[1]![0]).to.equal('Lijing Office'); // offices from the provider's reference data
    expect(rowTexts(inner)[1]![7]).to.equal('9');
  });

  it('region → office with subtotals, comparison columns with Δ and Δ%', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} group-by="region" from="2026-08" compare="mom"></wy-complaint-stats>`);
    const rows = rowTexts(el);
    expect(rows[0]).to.deep.equal(['华南区域']);
    const lj = rows.find((r) => r[0] === '丽景管理处')!;
    // 丽景: 9 in August, 0 in July → Δ +9, Δ% undefined
    expect(lj.slice(7, 12)).to.deep.equal(['9', '100.0%', '0', '+9', '—']);
    const hy = rows.find((r) => r[0] === '华苑管理处')!;
    expect(hy.slice(7, 12)).to.deep.equal(['0', '0.0%', '9', '−9', '−100.0%']);
    expect(rows.find((r) => r[0] === '华南区域 小计')!.slice(7, 12)).to.deep.equal(['9', '100.0%', '9', '0', '0.0%']);
  });

  it('sorts by a column, keeping the total last, and announces it', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} from="2026-09"></wy-complaint-stats>`);
    const button = $$(el, '.sort').find((b) => b.textContent!.includes('管理责任类'))!;
    button.click();
    await rendered(el);
    let rows = rowTexts(el);
    expect(rows[0]![0]).to.equal('碧海管理处');
    expect(rows.at(-1)![0]).to.equal('合计');
    expect(button.closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal('descending');
    expect($(el, '[role="status"]')!.textContent).to.equal('按“管理责任类”降序排序');
    button.click();
    await rendered(el);
    rows = rowTexts(el);
    expect(rows.at(-2)![0]).to.equal('碧海管理处');
    expect(button.closest('[role="columnheader"]')!.getAttribute('aria-sort')).to.equal('ascending');
  });

  it('a cell click fires wy-stats-cell-select with a filter (no personal data) that finds its records', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} from="2026-07"></wy-complaint-stats>`);
    const cell = $$(el, '.drill').find((b) => b.dataset['row'] === 'office:SZ-HY' && b.dataset['col'] === 'category:management')!;
    expect(cell.getAttribute('aria-label')).to.equal('4，查看 4 条记录：华苑管理处，管理责任类');
    cell.focus();
    setTimeout(() => cell.click());
    const ev = await oneEvent(el, 'wy-stats-cell-select');
    expect(ev.bubbles && ev.composed).to.equal(true);
    expect(ev.detail.filter).to.deep.equal({ from: '2026-07', to: '2026-07', officeIds: ['SZ-HY'], category: 'management' });
    expect(records.filter(statsRecordMatcher(ev.detail.filter)).length).to.equal(4);
    expect(JSON.stringify(ev.detail)).not.to.match(/王女士|1[3-9]\d{9}/);
    expect($$(el, '.drill').filter((b) => b.textContent === '0')).to.have.length(0); // nothing behind a zero
  });

  it('an empty period: zeros, dashes for rates, and a note', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} from="2030-01"></wy-complaint-stats>`);
    expect($(el, '[part="notice"]')!.textContent).to.equal('所选期间没有投诉记录。');
    expect(rowTexts(el)[0]!.slice(1, 9)).to.deep.equal(['0', '0', '0', '0', '0', '0', '0', '—']);
  });

  it('bad input: a clear error for a bad month; uncountable records are reported, not dropped silently', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} from="July"></wy-complaint-stats>`);
    expect($(el, '[part="error"]')!.textContent).to.match(/not a month: "July"/);
    el.from = '2026-07';
    await el.updateComplete;
    expect($(el, '[part="error"]')).to.equal(null);
    el.complaints = [...records, { officeId: 'SZ-HY', receivedAt: 'soon', category: 'staff' }, null];
    await rendered(el);
    const items = $$(el, '[part="coverage"] li').map((li) => li.textContent);
    expect(items).to.include('1 条受理时间无效，无法统计。');
    expect(items).to.include('1 条不是记录对象，无法统计。');
  });

  it('aggregated: a table counted elsewhere (sent as JSON) is shown as it is, sorted and drilled like its own; a wrong one is a clear error', async () => {
    const options = { offices, groupBy: 'region', compare: 'mom', from: '2026-08', to: '2026-09', filter: ALL_KINDS } as const;
    const served = JSON.parse(JSON.stringify(aggregateComplaints(records, options))) as StatsTable;
    const el = await stats(html`<wy-complaint-stats .aggregated=${served} hide-period-controls></wy-complaint-stats>`);
    const own = await stats(html`<wy-complaint-stats .complaints=${records} .offices=${offices} .filter=${ALL_KINDS} group-by="region" compare="mom" from="2026-08" to="2026-09" hide-period-controls></wy-complaint-stats>`);
    expect(rowTexts(el)).to.deep.equal(rowTexts(own));
    expect(el.toCsv()).to.equal(own.toCsv());
    expect($(el, '[part="coverage"]')!.textContent).to.include(`共 ${records.length} 条记录`);
    await expect(el).to.be.accessible();
    el.aggregated = { rows: 'nope' } as unknown as StatsTable;
    await rendered(el);
    expect($(el, '[part="error"]')!.textContent).to.equal('not a statistics table: groupBy');
  });

  it('src: fetches the table for its options (same-origin), again when moved in the page mid-fetch; a refusal is shown', async () => {
    const served = JSON.parse(JSON.stringify(aggregateComplaints(records, { offices, from: '2026-07', filter: ALL_KINDS }))) as StatsTable;
    const asked: string[] = [];
    const original = window.fetch;
    let answer: () => Response = () => new Response(JSON.stringify(served), { headers: { 'content-type': 'application/json' } });
    window.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(`${String(input)} ${init?.credentials}`);
      await new Promise((r) => setTimeout(r, 50));
      if ((init?.signal as AbortSignal | undefined)?.aborted) throw new DOMException('aborted', 'AbortError');
      return answer();
    }) as typeof fetch;
    try {
      const host = await fixture(html`<div><section></section></div>`);
      const el = document.createElement('wy-complaint-stats') as WyComplaintStats;
      el.src = '/api/stats?tenant=1';
      el.from = '2026-07';
      el.filter = ALL_KINDS;
      host.appendChild(el);
      await el.updateComplete;
      expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      host.querySelector('section')!.appendChild(el); // moved while the fetch is under way
      await new Promise((r) => setTimeout(r, 200));
      await rendered(el);
      expect(asked).to.have.length(2);
      expect(asked[1]).to.equal(`${location.origin}/api/stats?tenant=1&groupBy=office&granularity=month&compare=none&from=2026-07&kind= same-origin`);
      expect(el.table?.total.total).to.equal(served.total.total);
      answer = () => new Response(JSON.stringify({ error: { code: 'forbidden', message: 'Not allowed to read the statistics' } }), { status: 403 });
      el.compare = 'yoy';
      await new Promise((r) => setTimeout(r, 200));
      await rendered(el);
      expect($(el, '[part="error"]')!.textContent).to.equal('统计表未能从服务器取得：Not allowed to read the statistics');
    } finally {
      window.fetch = original;
    }
  });

  it('shows hostile office names as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${[{ id: 'SZ-HY', name: hostile }]} from="2026-07"></wy-complaint-stats>`);
    expect($(el, '.body img')).to.equal(null);
    expect(rowTexts(el)[0]![0]).to.equal(hostile);
    el.printView = true;
    await el.updateComplete;
    expect($(el, 'table img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('toCsv(): BOM, headings in the element language, guarded cells', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${[{ id: 'SZ-HY', name: '=cmd|"/c calc"!A1' }]} from="2026-07"></wy-complaint-stats>`);
    const csv = el.toCsv();
    const bytes = new Uint8Array(await new Blob([csv]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    expect(csv.split('\r\n')[0]).to.match(/^\uFEFF管理处,管理责任类,/);
    expect(csv.split('\r\n')[1]).to.match(/^"'=cmd\|""\/c calc""!A1",/);
    expect(el.toCsv({ bom: false }).startsWith('\uFEFF')).to.equal(false);
    el.locale = 'en';
    await el.updateComplete;
    expect(el.toCsv().split('\r\n')[0]).to.match(/^\uFEFFOffice,Management responsibility,/);
  });

  it('toXlsx(): an .xlsx file, the library loaded on demand', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} group-by="region" from="2026-07"></wy-complaint-stats>`);
    const blob = await el.toXlsx();
    expect(blob.size).to.be.greaterThan(1000);
    expect([...new Uint8Array(await blob.slice(0, 2).arrayBuffer())]).to.deep.equal([0x50, 0x4b]);
  });

  it('print view is the paper form: title, document number, unit, period, signatures; axe clean', async () => {
    const el = await stats(html`<wy-complaint-stats print-view reporting-unit="华南区域客服中心" .signatures=${{ preparedBy: '周敏' }} .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} group-by="region" granularity="quarter" from="2026-07" compare="yoy"></wy-complaint-stats>`);
    expect($(el, 'h1')!.textContent).to.equal('顾客投诉分类统计表');
    const meta = $(el, '.form-meta')!.textContent!.replace(/\s+/g, '');
    expect(meta).to.not.include('WI/KF'); // no invented form number: the manual does not pair MR-…KF numbers with titles
    expect(meta).to.not.include('文件编号').and.not.include('版本/状态'); // none configured: no label left blank
    expect(meta).to.include('华南区域客服中心').and.include('2026年第3季度');
    expect($(el, '.signatures')!.textContent).to.include('周敏');
    expect($$(el, 'table.paper tbody tr')).to.have.length(12 + 3 * 2 + 1);
    expect($$(el, 'table.paper thead th[colspan]').map((th) => [th.textContent, th.getAttribute('colspan')])).to.deep.equal([['按内容分类', '6'], ['同比', '3'], ['比率指标', '4']]);
    await expect(el).to.be.accessible();
  });

  it('print view in English: signature lines in English punctuation (no Chinese colon)', async () => {
    const el = await stats(html`<wy-complaint-stats print-view locale="en" .signatures=${{ preparedBy: 'Zhou Min' }} .complaints=${records} .offices=${offices} from="2026-07"></wy-complaint-stats>`);
    const lines = $$(el, '.signatures > div').map((d) => d.textContent!.trim());
    expect(lines[0]).to.match(/^[A-Z][a-z ]+: Zhou Min$/);
    expect(lines.join(' ')).to.not.include('：');
    expect(lines.at(-1)).to.equal('Date:');
  });

  it('print view: a configured document number and version are printed with their labels', async () => {
    const config = { ...DEFAULT_STATS_CONFIG, form: { ...DEFAULT_STATS_CONFIG.form, documentNo: 'MR-003KF', version: 'A/0' } };
    const el = await stats(html`<wy-complaint-stats print-view .config=${config} .complaints=${records} .offices=${offices} from="2026-07"></wy-complaint-stats>`);
    const terms = $$(el, '.form-meta dt').map((dt) => dt.textContent);
    expect(terms.slice(0, 2)).to.deep.equal(['文件编号', '版本/状态']);
    expect($$(el, '.form-meta dd').map((dd) => dd.textContent).slice(0, 2)).to.deep.equal(['MR-003KF', 'A/0']);
  });

  it('printing switches to the form and back', async () => {
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} from="2026-07"></wy-complaint-stats>`);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    expect($(el, 'table.paper')).to.be.instanceOf(HTMLTableElement);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect($(el, 'table.paper')).to.equal(null);
  });

  it('5,000 rows: virtualised, sticky header, first column and group header while scrolling', async () => {
    const list = makeOffices(4800, 32);
    const el = await stats(html`<wy-complaint-stats style="--wy-complaint-stats-height: 400px" .offices=${list} .complaints=${makeRecords(20000, list.map((o) => o.id))} group-by="region" from="2026-07"></wy-complaint-stats>`);
    const table = $(el, '[part="table"]')!;
    expect(Number(table.getAttribute('aria-rowcount'))).to.be.greaterThan(4800);
    expect($$(el, '.body [role="row"]').length).to.be.lessThan(200);
    table.scrollTop = 60_000;
    table.scrollLeft = 300;
    table.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    await frame();
    await frame();
    const box = table.getBoundingClientRect();
    const head = $(el, '.head')!.getBoundingClientRect();
    expect(Math.abs(head.top - box.top)).to.be.lessThan(2); // header stays on top
    const bar = $(el, '[part="group-bar"]')!;
    expect(bar.textContent).to.match(/^第\d+区域$/);
    expect(Math.abs(bar.getBoundingClientRect().top - head.bottom)).to.be.lessThan(2); // group header under it
    const firstCell = $$(el, '.body [role="rowheader"]').find((c) => c.getBoundingClientRect().bottom > head.bottom + 40)!;
    expect(Math.abs(firstCell.getBoundingClientRect().left - box.left)).to.be.lessThan(3); // first column stays left
    expect($$(el, '.body [role="row"]').length).to.be.lessThan(200);
  });

  describe('periods and coverage', () => {
    const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);
    const fresh = () => ({ ...(records[0] as object), recordNo: 'TS-TODAY', receivedAt: new Date().toISOString() });

    it('preset this-month counts a record received today and explains the rest, with counts', async () => {
      const el = await stats(html`<wy-complaint-stats preset="this-month" .complaints=${[...records, fresh()]} .offices=${offices}></wy-complaint-stats>`);
      expect(el.table!.range).to.deep.equal({ from: today(), to: today() });
      expect(el.table!.total.total).to.equal(1);
      const coverage = $(el, '[part="coverage"]')!.textContent!.replace(/\s+/g, ' ');
      expect(coverage).to.contain('共 37 条记录，计入本表 1 条');
      expect(coverage).to.contain('27 条受理时间不在所选期间内，未计入。');
      expect(coverage).to.contain('9 条被筛选条件排除。');
      expect(($(el, 'select[name="preset"]') as HTMLSelectElement).value).to.equal('this-month');
      await expect(el).to.be.accessible();
    });

    it('explains counted kinds and validity over July–October 2026 (36 records, 27 complaints)', async () => {
      const el = await stats(html`<wy-complaint-stats locale="en" from="2026-07" to="2026-10" .complaints=${records} .offices=${offices}></wy-complaint-stats>`);
      const text = $(el, '[part="coverage"]')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('36 records given, 27 counted here: Complaint 27');
      expect(text).to.match(/16 valid, 2 invalid, 9 not yet judged/);
      expect(text).to.contain('9 excluded by the filter.');
      expect(($(el, 'select[name="preset"]') as HTMLSelectElement).value).to.equal('custom');
      expect(($(el, 'input[name="from"]') as HTMLInputElement).value).to.equal('2026-07');
    });

    it('the period controls choose a preset, a custom range and a comparison, and fire wy-period-change', async () => {
      const el = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices}></wy-complaint-stats>`);
      const preset = $(el, 'select[name="preset"]') as HTMLSelectElement;
      expect(preset.value).to.equal('latest');
      preset.value = 'custom';
      setTimeout(() => preset.dispatchEvent(new Event('change')));
      await oneEvent(el, 'wy-period-change');
      const from = $(el, 'input[name="from"]') as HTMLInputElement;
      const to = $(el, 'input[name="to"]') as HTMLInputElement;
      from.value = '2026-08';
      to.value = '2026-09';
      setTimeout(() => to.dispatchEvent(new Event('change')));
      const { detail } = await oneEvent(el, 'wy-period-change');
      expect(detail).to.deep.equal({ preset: 'custom', from: '2026-08-01', to: '2026-09-30', compare: 'none' });
      expect(el.table!.range).to.deep.equal({ from: '2026-08', to: '2026-09' });
      const compare = $(el, 'select[name="compare"]') as HTMLSelectElement;
      compare.value = 'yoy';
      setTimeout(() => compare.dispatchEvent(new Event('change')));
      expect((await oneEvent(el, 'wy-period-change')).detail.compare).to.equal('yoy');
      expect(el.table!.compareRange).to.deep.equal({ from: '2025-08', to: '2025-09' });
      // A range that ends before it starts is refused on screen, and the table keeps its range.
      from.value = '2026-10';
      to.value = '2026-07';
      to.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect($(el, '.range-error')!.textContent).to.equal('截止月份早于起始月份。');
      expect(el.table!.range).to.deep.equal({ from: '2026-08', to: '2026-09' });
    });

    it('the old name `period` still sets the granularity, with one console warning', async () => {
      const warn = console.warn;
      const seen: string[] = [];
      console.warn = (m: string) => seen.push(m);
      try {
        const el = await stats(html`<wy-complaint-stats period="quarter" from="2026-07" .complaints=${records} .filter=${ALL_KINDS} .offices=${offices}></wy-complaint-stats>`);
        el.period = 'quarter';
        expect(el.granularity).to.equal('quarter');
        expect(el.table!.range).to.deep.equal({ from: '2026-07', to: '2026-09' });
      } finally {
        console.warn = warn;
      }
      expect(seen.filter((m) => m.includes('`period`')).length).to.be.at.most(1);
    });
  });

  it('counts complaints (kind = 投诉) by default; other types of feedback by filter', async () => {
    const complaintsOnly = records.filter((r) => (r as { kind?: string }).kind === 'complaint');
    const el = await stats(html`<wy-complaint-stats .complaints=${records} .offices=${offices} granularity="quarter" from="2026-07"></wy-complaint-stats>`);
    const same = await stats(html`<wy-complaint-stats .complaints=${complaintsOnly} .offices=${offices} granularity="quarter" from="2026-07"></wy-complaint-stats>`);
    expect(rowTexts(el)).to.deep.equal(rowTexts(same));
    const all = await stats(html`<wy-complaint-stats .complaints=${records} .filter=${ALL_KINDS} .offices=${offices} granularity="quarter" from="2026-07"></wy-complaint-stats>`);
    expect(rowTexts(all)).to.not.deep.equal(rowTexts(el));
  });
});
