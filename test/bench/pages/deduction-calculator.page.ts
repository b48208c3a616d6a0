// A page for screenshots and the browser bench: the calculator on the example data with the
// shipped default rules. Query: ?lang=en&expand=SZ-LJ&whatif=SZ-LJ-202608-0014&rules=broken|staff&n=100000
import '../../../src/components/deduction-calculator/deduction-calculator.js';
import '../../../src/components/kit-provider/kit-provider.js';
import type { Complaint } from '../../../src/generated/types/complaint.js';
import type { DeductionRules } from '../../../src/core/deductions/index.js';
import defaults from '../../../schemas/deduction-rules.default.json';
import ruleSets from '../../../schemas/examples/deduction-rules.valid.json';
import broken from '../../../schemas/examples/deduction-rules-broken.json';
import examples from '../../../schemas/examples/complaint.valid.json';
import offices from '../../../schemas/examples/offices.json';

const q = new URLSearchParams(location.search);
const lang = q.get('lang') ?? 'zh-CN';
const which = q.get('rules');
const rules = (which === 'broken' ? broken : which === 'staff' ? ruleSets[1] : defaults) as unknown as DeductionRules;
const n = Number(q.get('n') ?? 0);
const base = examples as unknown as Complaint[];
const complaints = n ? Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, recordNo: `B-${i}` })) : base;

const t0 = performance.now();
const provider = document.createElement('wy-kit-provider');
provider.locale = lang;
provider.reference = { offices };
const el = document.createElement('wy-deduction-calculator');
el.complaints = complaints;
el.rules = rules;
el.period = q.get('period') ?? '2026-Q3';
if (which === 'staff') el.groupBy = 'handler';
provider.append(el);
document.body.style.margin = '16px';
document.body.append(provider);
(window as unknown as { __el: unknown }).__el = el;

await el.updateComplete;
(window as unknown as { __renderMs: number }).__renderMs = performance.now() - t0;
const expand = q.get('expand');
if (expand) {
  el.shadowRoot!.querySelector<HTMLButtonElement>(`tr[data-key="${expand}"] button.expand`)?.click();
  await el.updateComplete;
}
const whatif = q.get('whatif');
if (whatif) {
  const index = complaints.findIndex((c) => c.recordNo === whatif);
  el.shadowRoot!.querySelector<HTMLButtonElement>(`#what-if-${index}`)?.click();
  await el.updateComplete;
  const repeat = el.shadowRoot!.querySelector<HTMLInputElement>('input[data-fact="repeat"]');
  if (repeat) {
    repeat.checked = !repeat.checked;
    repeat.dispatchEvent(new Event('change'));
  }
  const sev = el.shadowRoot!.querySelector<HTMLSelectElement>('select[data-fact="severity"]');
  if (sev) {
    sev.value = 'major';
    sev.dispatchEvent(new Event('change'));
  }
  await el.updateComplete;
}
if (q.get('editor')) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-controls="rules-editor"]')?.click();
  await el.updateComplete;
}
document.body.dataset['ready'] = '1';
