import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/deduction-calculator/deduction-calculator.js';
import '../../src/components/kit-provider/kit-provider.js';
import type { WyDeductionCalculator } from '../../src/components/deduction-calculator/deduction-calculator.js';
import type { Complaint } from '../../src/generated/types/complaint.js';
import type { DeductionRules } from '../../src/core/deductions/index.js';
import defaultsJson from '../../schemas/deduction-rules.default.json';
import ruleSetsJson from '../../schemas/examples/deduction-rules.valid.json';
import brokenJson from '../../schemas/examples/deduction-rules-broken.json';
import examplesJson from '../../schemas/examples/complaint.valid.json';
import officesJson from '../../schemas/examples/offices.json';

const defaults = defaultsJson as unknown as DeductionRules;
const staffStars = ruleSetsJson[1] as unknown as DeductionRules;
const broken = brokenJson as unknown as DeductionRules;
const examples = examplesJson as unknown as Complaint[];
const offices = officesJson;

const root = (el: WyDeductionCalculator) => el.shadowRoot!;
const rows = (el: WyDeductionCalculator) =>
  [...root(el).querySelectorAll('tr[part="row"]')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()));
const settle = async (el: WyDeductionCalculator) => {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r));
  await el.updateComplete;
};

async function calculator(locale = 'zh-CN', rules: DeductionRules = defaults) {
  return fixture<WyDeductionCalculator>(
    html`<wy-deduction-calculator locale=${locale} range="2026-Q3" .offices=${offices} .complaints=${examples} .rules=${rules}></wy-deduction-calculator>`,
  );
}

describe('<wy-deduction-calculator>', () => {
  it('passes axe with an office expanded and the what-if panel open', async () => {
    const el = await calculator();
    root(el).querySelector<HTMLButtonElement>('tr[data-key="SZ-LJ"] button.expand')!.click();
    await el.updateComplete;
    root(el).querySelector<HTMLButtonElement>('button[aria-pressed]')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('shows one row per office for the period, hand-checked, in zh-CN', async () => {
    const el = await calculator();
    expect(rows(el)).to.deep.equal([
      ['▸碧海管理处', '8', '5', '0', '3', '9.5', '40', '9.5', '90.5', '★★★★ 四星'],
      ['▸华苑管理处', '7', '5', '0', '2', '10.5', '40', '10.5', '89.5', '★★★ 三星'],
      ['▸丽景管理处', '6', '5', '0', '1', '20.5', '40', '20.5', '79.5', '★★ 二星'],
    ]);
    expect(root(el).querySelector('h2')!.textContent).to.contain('2026-07-01 – 2026-09-30');
    expect(root(el).querySelector('[part="badge"]')!.textContent).to.equal('示例默认规则，请替换');
    expect(root(el).querySelector('caption')!.textContent).to.equal('2026-07-01 – 2026-09-30各管理处扣分汇总');
  });

  it('speaks English with locale="en", office names from the provider', async () => {
    const wrap = await fixture(html`<wy-kit-provider locale="en" .reference=${{ offices }}>
      <wy-deduction-calculator range="2026-Q3" .complaints=${examples} .rules=${defaults}></wy-deduction-calculator>
    </wy-kit-provider>`);
    const el = wrap.querySelector('wy-deduction-calculator')!;
    await settle(el);
    expect(rows(el)[0]).to.deep.equal(['▸Bihai Office', '8', '5', '0', '3', '9.5', '40', '9.5', '90.5', '★★★★ Four stars']);
    expect(root(el).querySelector('thead th')!.textContent).to.equal('Management office');
  });

  it('expands an office into each record and each rule line, by keyboard-reachable buttons', async () => {
    const el = await calculator('en');
    const button = root(el).querySelector<HTMLButtonElement>('tr[data-key="SZ-LJ"] button.expand')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    button.focus();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const details = root(el).getElementById(button.getAttribute('aria-controls')!)!;
    const record = [...details.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === 'SZ-LJ-202608-0022')!;
    const lines = [...record.querySelectorAll('li[part="line"]')].map((li) => [li.getAttribute('data-rule'), li.querySelector('.pts')!.textContent]);
    expect(lines).to.deep.equal([['base-staff-major', '+6'], ['repeat-x1.5', '+3'], ['hq-plus-2', '+2'], ['media-plus-5', '+5'], ['overdue-plus-1', '+1']]);
    expect(record.textContent).to.contain('Deadline: 2026-08-12 18:00; Replied at: 2026-08-13 16:30');
    const pending = [...details.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === 'SZ-LJ-202608-0006')!;
    expect(pending.textContent).to.contain('Validity not yet judged, counted, no points yet');
    expect(details.querySelector('.group-lines')!.textContent).to.contain('Final score 79.5 → Two stars');
    button.click();
    await el.updateComplete;
    expect(root(el).querySelector('tr[part="details"]')).to.equal(null);
  });

  it('shows the cap when an office exceeds it', async () => {
    const heavy = Array.from({ length: 3 }, (_, i) => ({ ...examples.find((c) => c.recordNo === 'SZ-LJ-202608-0022')!, recordNo: `X-${i}` }));
    const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator range="2026-08" .complaints=${heavy} .rules=${defaults}></wy-deduction-calculator>`);
    expect(rows(el)[0]).to.deep.equal(['▸SZ-LJ', '3', '3', '0', '0', '51', '40 已封顶', '40', '60', '★ 一星']);
    root(el).querySelector<HTMLButtonElement>('button.expand')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('.group-lines li[data-rule="cap-40"]')!.textContent!.replace(/\s+/g, ' ')).to.contain('-11 扣分封顶 cap-40 封顶前合计：51；封顶：40');
  });

  it('"what if": changing a fact shows before and after, announces it, and fires wy-change', async () => {
    const el = await calculator('en');
    root(el).querySelector<HTMLButtonElement>('tr[data-key="SZ-LJ"] button.expand')!.click();
    await el.updateComplete;
    const index = examples.findIndex((c) => c.recordNo === 'SZ-LJ-202608-0014');
    root(el).querySelector<HTMLButtonElement>(`#what-if-${index}`)!.click();
    await el.updateComplete;
    const panel = root(el).querySelector('[part="what-if"]')!;
    expect(panel.querySelector('h3')!.textContent).to.equal('What if: change the facts of SZ-LJ-202608-0014');
    const severity = panel.querySelector<HTMLSelectElement>('select[data-fact="severity"]')!;
    expect(severity.value).to.equal('minor');
    severity.value = 'major';
    setTimeout(() => severity.dispatchEvent(new Event('change')));
    const ev = await oneEvent(el, 'wy-change');
    expect(ev.detail).to.include({ whatIf: true });
    expect(ev.bubbles && ev.composed).to.equal(true);
    await el.updateComplete;
    const compare = [...panel.querySelectorAll('table.compare tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
    expect(compare).to.deep.equal([['1', '5'], ['20.5', '24.5'], ['79.5', '75.5'], ['Two stars', 'Two stars']]);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal(
      'What if: SZ-LJ-202608-0014 deducts 5 points (was 1); Lijing Office scores 75.5 (was 79.5), rating Two stars',
    );
    // The table still shows the recorded data; the input is untouched.
    expect(rows(el)[2]![8]).to.equal('79.5');
    expect(examples[index]!.severity).to.equal('minor');
    const flag = panel.querySelector<HTMLInputElement>('input[data-fact="escalated-to-hq"]')!;
    flag.click();
    await settle(el);
    expect([...panel.querySelectorAll('table.compare tbody tr')][0]!.querySelectorAll('td')[1]!.textContent).to.equal('7');
    panel.querySelector<HTMLButtonElement>('.actions button')!.click();
    await settle(el);
    expect(panel.querySelector<HTMLSelectElement>('select[data-fact="severity"]')!.value).to.equal('minor');
    [...panel.querySelectorAll<HTMLButtonElement>('.actions button')][1]!.click();
    await settle(el);
    expect(root(el).querySelector('[part="what-if"]')).to.equal(null);
    expect(root(el).activeElement?.id).to.equal(`what-if-${index}`);
  });

  it('opening the rule editor focuses its text, unless the user has moved on before it was drawn', async () => {
    const el = await calculator('en');
    const outside = document.createElement('button');
    outside.id = 'after-calculator';
    document.body.append(outside);
    try {
      const toggle = root(el).querySelector<HTMLButtonElement>('button[aria-controls="rules-editor"]')!;
      toggle.focus();
      toggle.click();
      outside.focus();
      await settle(el);
      expect(document.activeElement?.id, 'focus stays where the user put it').to.equal('after-calculator');
      // Closed and opened again, left alone: the text takes focus.
      toggle.click();
      await settle(el);
      toggle.focus();
      toggle.click();
      await settle(el);
      expect(root(el).activeElement?.id).to.equal('rules-text');
    } finally {
      outside.remove();
    }
  });

  it('a pasted rule set with problems shows them in place (which rule, which field) and is not applied', async () => {
    const el = await calculator('en');
    root(el).querySelector<HTMLButtonElement>('button[aria-controls="rules-editor"]')!.click();
    await settle(el);
    const textarea = root(el).querySelector<HTMLTextAreaElement>('#rules-text')!;
    expect(root(el).activeElement).to.equal(textarea);
    expect(JSON.parse(textarea.value).id).to.equal('wuye-default');
    textarea.value = JSON.stringify(broken);
    textarea.dispatchEvent(new Event('input'));
    root(el).querySelector<HTMLButtonElement>('#rules-editor .actions button')!.click();
    await settle(el);
    const items = [...root(el).querySelector('#rules-editor wy-error-summary')!.shadowRoot!.querySelectorAll('[part="item"]')].map((li) => li.textContent!.trim());
    expect(items).to.have.length(8);
    expect(items[0]).to.equal('Rule “repeat-x2”: Rule ID “repeat-x2” is used twice (first at /adjustments/0)');
    expect(items).to.include('Rule “three”: Ratings “three” and “four” overlap (8 points falls in both)');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(rows(el)[0]![8]).to.equal('90.5', 'the previous rules stay in use');
    await expect(el).to.be.accessible();

    textarea.value = '{ "id": ';
    textarea.dispatchEvent(new Event('input'));
    root(el).querySelector<HTMLButtonElement>('#rules-editor .actions button')!.click();
    await settle(el);
    const json = root(el).querySelector('#rules-editor wy-error-summary')!.shadowRoot!.querySelector('[part="item"]')!.textContent!.trim();
    expect(json).to.match(/^The rule set is not valid JSON: /);
  });

  it('a pasted valid rule set is applied and fires wy-change; reset goes back', async () => {
    const el = await calculator('en');
    root(el).querySelector<HTMLButtonElement>('button[aria-controls="rules-editor"]')!.click();
    await settle(el);
    const textarea = root(el).querySelector<HTMLTextAreaElement>('#rules-text')!;
    textarea.value = JSON.stringify(staffStars);
    textarea.dispatchEvent(new Event('input'));
    setTimeout(() => root(el).querySelector<HTMLButtonElement>('#rules-editor .actions button')!.click());
    const ev = await oneEvent(el, 'wy-change');
    expect(ev.detail.whatIf).to.equal(false);
    expect(ev.detail.result.rules.id).to.equal('staff-stars');
    await el.updateComplete;
    expect(el.activeRules?.id).to.equal('staff-stars');
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal('Rule set “Service staff star rating (quarterly)” applied');
    expect(root(el).querySelector('[part="badge"]')).to.equal(null);
    [...root(el).querySelectorAll<HTMLButtonElement>('#rules-editor .actions button')][1]!.click();
    await settle(el);
    expect(el.activeRules?.id).to.equal('wuye-default');
  });

  it('an invalid rules property renders the problems, no table, and stays accessible', async () => {
    const el = await calculator('zh-CN', broken);
    expect(root(el).querySelector('table')).to.equal(null);
    const summary = root(el).querySelector('[part="error"] wy-error-summary')!;
    await (summary as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const items = [...summary.shadowRoot!.querySelectorAll('[part="item"]')].map((li) => li.textContent!.trim());
    expect(items).to.include('缺少其他类·重大的基础扣分（不扣分请填 0）');
    expect(items).to.include('规则「emergency-plus-1」：「突发事件」是“是/否”事实，条件请用“等于”，不要用“属于”');
    expect(el.value).to.equal(undefined);
    expect(el.toCsv()).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('survives a host that sets complaints to null', async () => {
    const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator .complaints=${null as never} .rules=${defaults}></wy-deduction-calculator>`);
    expect(root(el).querySelector('.note')!.textContent).to.equal('该期间没有记录。');
  });

  it('without rules uses the shipped example, marked as one to replace', async () => {
    const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator range="2026-Q3" .complaints=${examples}></wy-deduction-calculator>`);
    expect(el.activeRules?.id).to.equal('wuye-default');
    expect(root(el).querySelector('[part="badge"]')!.textContent).to.equal('示例默认规则，请替换');
    expect(rows(el)[0]![8]).to.equal('90.5');
  });

  it('says so when the period cannot be read', async () => {
    const bad = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator locale="en" range="next week" .complaints=${examples} .rules=${defaults}></wy-deduction-calculator>`);
    expect(root(bad).querySelector('[role="alert"]')!.textContent).to.equal('Cannot read the period “next week”');
  });

  it('shows the first 200 records of a large office, then all on request', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ ...examples[0]!, recordNo: `M-${i}` }));
    const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator locale="en" range="2026-07" .complaints=${many} .rules=${defaults}></wy-deduction-calculator>`);
    root(el).querySelector<HTMLButtonElement>('button.expand')!.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('table.details button[aria-pressed]').length).to.equal(200);
    const more = [...root(el).querySelectorAll<HTMLButtonElement>('table.details button')].find((b) => b.textContent!.trim() === 'Show all 250 records')!;
    more.click();
    await el.updateComplete;
    expect(root(el).querySelectorAll('table.details button[aria-pressed]').length).to.equal(250);
  });

  it('groups by handler', async () => {
    const el = await fixture<WyDeductionCalculator>(
      html`<wy-deduction-calculator locale="en" group-by="handler" range="2026-Q3" .complaints=${examples} .rules=${staffStars}></wy-deduction-calculator>`,
    );
    expect(root(el).querySelector('thead th')!.textContent).to.equal('Staff member');
    expect(rows(el).map((r) => r[0])).to.include('▸林涛');
    expect(rows(el).map((r) => r[0])).to.include('▸(not assigned)');
  });

  it('shows hostile text as text', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const list = [{ ...examples[0]!, recordNo: hostile, officeId: hostile }];
    const el = await fixture<WyDeductionCalculator>(
      html`<wy-deduction-calculator range="2026-07" .offices=${[{ id: hostile, name: hostile }]} .complaints=${list} .rules=${defaults}></wy-deduction-calculator>`,
    );
    root(el).querySelector<HTMLButtonElement>('button.expand')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('img')).to.equal(null);
    expect(root(el).querySelector('button.expand')!.textContent).to.contain(hostile);
    expect(root(el).querySelector('table.details tbody th')!.textContent).to.equal(hostile);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('exports the office table and the explanation as CSV, with or without BOM', async () => {
    const el = await calculator();
    const groups = el.toCsv('groups');
    expect(groups.startsWith('\uFEFF编号,管理处,期间,投诉数,有效,无效,待判定,不计入,扣分合计,封顶,实扣分,起始分,最终得分,评级,规则集\r\n')).to.equal(true);
    expect(groups).to.contain('SZ-LJ,丽景管理处,2026-07-01/2026-09-30,6,5,0,1,3,20.5,40,20.5,100,79.5,二星,wuye-default@2026.1');
    const lines = el.toCsv('lines', { bom: false });
    expect(lines.startsWith('编号,管理处,记录编号,状态,规则编号,规则,分值,依据\r\n')).to.equal(true);
    expect(lines).to.contain('SZ-LJ,丽景管理处,SZ-LJ-202608-0022,有效投诉，扣分,media-plus-5,媒体介入加扣 5 分,5,外部机构介入：新闻媒体；加扣分：5');

    // The buttons hand the file to download(): catch the anchor it clicks.
    const files: { name: string; href: string }[] = [];
    const catcher = (e: Event) => {
      const a = e.target as HTMLAnchorElement;
      if (a instanceof HTMLAnchorElement && a.download) {
        files.push({ name: a.download, href: a.href });
        e.preventDefault();
      }
    };
    document.addEventListener('click', catcher, true);
    try {
      const bom = root(el).querySelector<HTMLInputElement>('[part="toolbar"] input[type="checkbox"]')!;
      bom.click();
      await el.updateComplete;
      const [summary, explanation] = root(el).querySelectorAll<HTMLButtonElement>('[part="toolbar"] button');
      summary!.click();
      explanation!.click();
    } finally {
      document.removeEventListener('click', catcher, true);
    }
    expect(files.map((f) => f.name)).to.deep.equal(['deductions-2026-07-01_2026-09-30.csv', 'deduction-lines-2026-07-01_2026-09-30.csv']);
    expect(files.every((f) => f.href.startsWith('blob:'))).to.equal(true);
    // The BOM box was unticked: the exported text is the same as toCsv() without BOM.
    expect(el.toCsv('groups').startsWith('编号,管理处')).to.equal(true);
  });

  describe('periods and coverage', () => {
    it('says on screen why 9 of 36 records are not counted (kind) and what counts (validity)', async () => {
      const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator range="2026-07-01/2026-10-31" .complaints=${examples} .rules=${defaults}></wy-deduction-calculator>`);
      await settle(el);
      const text = root(el).querySelector('[part="coverage"]')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('共 36 条记录，计入 27 条：有效 16 条扣分；无效 2 条不扣分；9 条尚未判定有效性');
      expect(text).to.contain('9 条不是本规则集扣分的类型，不计入：合理需求 3、意见/建议 3、咨询 3。');
      await expect(el).to.be.accessible();
    });

    it('preset this-month counts a complaint received today; other records are outside the period', async () => {
      const today = { ...examples[0]!, recordNo: 'TS-TODAY', receivedAt: new Date().toISOString() } as Complaint;
      const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator locale="en" preset="this-month" .complaints=${[...examples, today]} .rules=${defaults}></wy-deduction-calculator>`);
      await settle(el);
      expect(el.value!.totals.counted).to.equal(1);
      const text = root(el).querySelector('[part="coverage"]')!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.contain('36 received outside the selected period, not counted.');
      expect(root(el).querySelector<HTMLSelectElement>('select[name="preset"]')!.value).to.equal('this-month');
    });

    it('compares with the previous period and the same period last year', async () => {
      const el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator range="2026-09" .complaints=${examples} .rules=${defaults}></wy-deduction-calculator>`);
      await settle(el);
      const compare = root(el).querySelector<HTMLSelectElement>('select[name="compare"]')!;
      compare.value = 'mom';
      setTimeout(() => compare.dispatchEvent(new Event('change')));
      const { detail } = await oneEvent(el, 'wy-period-change');
      expect(detail).to.deep.equal({ preset: 'custom', from: '2026-09-01', to: '2026-09-30', compare: 'mom' });
      await settle(el);
      const heads = [...root(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
      expect(heads.slice(-2)).to.deep.equal(['上期实扣', '增减']);
      const aug = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator range="2026-08" .complaints=${examples} .rules=${defaults}></wy-deduction-calculator>`);
      await settle(aug);
      const foot = [...root(el).querySelectorAll('tfoot td')].map((td) => td.textContent!.trim());
      expect(foot.at(-2)).to.equal(String(aug.value!.totals.deducted));
      await expect(el).to.be.accessible();
    });

    it('a custom range by date inputs, and the old name `period` still works with one warning', async () => {
      const warn = console.warn;
      const seen: string[] = [];
      console.warn = (m: string) => seen.push(m);
      let el: WyDeductionCalculator;
      try {
        el = await fixture<WyDeductionCalculator>(html`<wy-deduction-calculator period="2026-Q3" .complaints=${examples} .rules=${defaults}></wy-deduction-calculator>`);
        await settle(el);
      } finally {
        console.warn = warn;
      }
      expect(seen.some((m) => m.includes('`period`') && m.includes('`range`'))).to.equal(true);
      expect(el.range).to.equal('2026-Q3');
      expect(el.value!.period).to.deep.equal({ from: '2026-07-01', to: '2026-09-30' });
      const from = root(el).querySelector<HTMLInputElement>('input[name="from"]')!;
      const to = root(el).querySelector<HTMLInputElement>('input[name="to"]')!;
      from.value = '2026-08-01';
      to.value = '2026-08-15';
      setTimeout(() => to.dispatchEvent(new Event('change')));
      await oneEvent(el, 'wy-period-change');
      await settle(el);
      expect(el.value!.period).to.deep.equal({ from: '2026-08-01', to: '2026-08-15' });
    });
  });
});
