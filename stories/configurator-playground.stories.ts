import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { LitElement, html, css } from 'lit';
import { checkDefinition } from '../src/workflow/index.js';
import { createCalendar, CalendarDataError } from '../src/core/calendar/index.js';
import { parseDeductionRules, computeDeductions } from '../src/core/deductions/index.js';
import { validate } from '../src/core/validate.js';
import { factsOf, type Fact } from '../src/core/provenance.js';
import complaintWorkflow from '../schemas/workflows/complaint.json';
import calendar2026 from '../schemas/calendars/cn-2026.json';
import defaultRules from '../schemas/deduction-rules.default.json';
import examples from '../schemas/examples/complaint.valid.json';
import '../src/components/schema-form/schema-form.js';
import { BADGE_TEXT } from '../.storybook/provenance-text.js';
import { catalog } from '../src/core/i18n/catalog.js';
import type { Locale } from '../src/core/i18n/locale.js';

type Kind = 'workflow' | 'calendar' | 'rules' | 'record';
const samples: Record<Kind, unknown> = {
  workflow: complaintWorkflow,
  calendar: calendar2026,
  rules: defaultRules,
  record: examples[0],
};
/** The playground's own words (the checks bring theirs), zh-CN and en. */
const t = catalog(
  {
    kind: '文件类型',
    'kind.workflow': '流程定义（schemas/workflows/*.json）',
    'kind.calendar': '工作日历（schemas/calendars/*.json）',
    'kind.rules': '扣分规则（deduction-rules.json）',
    'kind.record': '一条投诉记录（complaint.schema.json）',
    findings: '检查结果',
    workflowOk: '没有问题：各状态均可到达，没有死路，所用角色均已声明。',
    calendarOk: '有效。每个工作日 {hours} 小时；2026-10-01 09:00 之后的下一个工作时间是 {next}。',
    rulesOk: '扣 {deducted} 分，得分 {score}，{rating}',
    recordOk: '投诉记录有效。',
    provenance: '出处',
    provenanceCount: '{manual} 项出自手册，{defaults} 项是默认值，请替换',
    addProvenance: '请加上 x-source，或 x-default 与 x-note',
  },
  {
    kind: 'Kind of file',
    'kind.workflow': 'Workflow definition (schemas/workflows/*.json)',
    'kind.calendar': 'Business calendar (schemas/calendars/*.json)',
    'kind.rules': 'Deduction rule set (deduction-rules.json)',
    'kind.record': 'A complaint record (complaint.schema.json)',
    findings: 'Findings',
    workflowOk: 'No problems: states reachable, no dead ends, every role declared.',
    calendarOk: 'Valid. Working day: {hours} h. After 2026-10-01 09:00 the next working time is {next}.',
    rulesOk: '{deducted} points deducted, score {score}, {rating}',
    recordOk: 'Valid complaint record.',
    provenance: 'Provenance',
    provenanceCount: '{manual} from the manual, {defaults} defaults to replace',
    addProvenance: 'add x-source, or x-default with x-note',
  },
);
/** The page's language (the Locale toolbar sets <html lang>; each change renders the story again). */
const pageLocale = (): Locale => (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');

interface Finding {
  readonly level: 'error' | 'warning' | 'ok';
  readonly where: string;
  readonly text: string;
}

/** Checks one configurator file with the same code the runtime and `wuye-kit check` use. */
function check(kind: Kind, text: string, locale: Locale): Finding[] {
  let data: unknown;
  try {
    data = JSON.parse(text, (k, v: unknown) => (k === '__proto__' ? undefined : v));
  } catch (e) {
    return [{ level: 'error', where: 'JSON', text: (e as Error).message }];
  }
  if (kind === 'workflow') {
    const r = checkDefinition(data);
    const found = r.problems.map((p): Finding => ({ level: p.severity, where: p.path || '/', text: `${p.code}: ${p.message}` }));
    return found.length ? found : [{ level: 'ok', where: '/', text: t(locale, 'workflowOk') }];
  }
  if (kind === 'calendar') {
    try {
      const cal = createCalendar(data as Parameters<typeof createCalendar>[0]);
      const next = new Date(cal.nextWorkingTime(Date.parse('2026-10-01T09:00:00+08:00'))).toISOString();
      return [{ level: 'ok', where: '/', text: t(locale, 'calendarOk', { hours: cal.workdayMs / 3_600_000, next }) }];
    } catch (e) {
      const errs = e instanceof CalendarDataError ? e.errors : [];
      return errs.length ? errs.map((x) => ({ level: 'error', where: x.path || '/', text: x.message })) : [{ level: 'error', where: '/', text: (e as Error).message }];
    }
  }
  if (kind === 'rules') {
    const r = parseDeductionRules(text, { locale });
    if (!r.valid || !r.rules) return r.errors.map((x) => ({ level: 'error', where: `${x.path || '/'}${x.ruleId ? ` (${x.ruleId})` : ''}`, text: x.message }));
    const result = computeDeductions(examples as never, r.rules, { period: { from: '2026-07-01', to: '2026-10-31' } });
    return result.groups.map((g) => ({ level: 'ok' as const, where: g.key, text: t(locale, 'rulesOk', { deducted: g.deducted, score: g.finalScore, rating: g.rating?.label[locale] ?? '' }) }));
  }
  const r = validate('complaint', data, { locale });
  return r.valid ? [{ level: 'ok', where: '/', text: t(locale, 'recordOk') }] : r.errors.map((x) => ({ level: 'error', where: x.path, text: x.message }));
}

/**
 * The configurator's loop in the browser: pick a kind of file, edit its JSON, see the findings of
 * the very checks the runtime runs (JSON pointer of each problem). `npx wuye-kit check <file>`
 * gives the same findings with line numbers.
 */
class WyConfigPlayground extends LitElement {
  static override styles = css`
    :host { display: grid; gap: 0.75rem; font: 14px system-ui, 'PingFang SC', sans-serif; }
    textarea { width: 100%; min-height: 22rem; font: 12px ui-monospace, monospace; box-sizing: border-box; }
    .grid { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 1rem; }
    ul { margin: 0; padding: 0; list-style: none; display: grid; gap: 0.25rem; }
    li { padding: 0.25rem 0.5rem; border-inline-start: 4px solid #8c959f; background: #f6f8fa; }
    li.error { border-color: #b42318; background: #fef3f2; }
    li.warning { border-color: #9a6700; background: #fff8c5; }
    li.ok { border-color: #1a7f37; background: #effaf1; }
    code { font-size: 12px; }
    .badge { display: inline-block; padding: 0 0.4em; border-radius: 3px; font-size: 12px; font-weight: 600; white-space: nowrap; }
    .badge.default { background: #fff1e5; color: #953800; border: 1px solid #d18616; }
    .badge.manual { background: #ddf4ff; color: #0a3069; border: 1px solid #54aeff; }
    .badge.missing { background: #fef3f2; color: #b42318; border: 1px solid #b42318; }
    .facts li { border-inline-start-color: #d0d7de; }
  `;
  static override properties = { kind: { state: true }, text: { state: true } };
  kind: Kind = 'workflow';
  text = JSON.stringify(samples.workflow, null, 2);
  override render() {
    const locale = pageLocale();
    const findings = check(this.kind, this.text, locale);
    return html`<label
        >${t(locale, 'kind')}
        <select
          @change=${(e: Event) => {
            this.kind = (e.target as HTMLSelectElement).value as Kind;
            this.text = JSON.stringify(samples[this.kind], null, 2);
          }}
        >
          ${(Object.keys(samples) as Kind[]).map((k) => html`<option value=${k} ?selected=${k === this.kind}>${t(locale, `kind.${k}`)}</option>`)}
        </select></label
      >
      <div class="grid">
        <textarea aria-label="JSON" .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
        <div>
          <strong>${t(locale, 'findings')}</strong>
          <ul aria-live="polite">
            ${findings.map((f) => html`<li class=${f.level}><code>${f.where}</code> ${f.text}</li>`)}
          </ul>
          ${this.renderProvenance(locale)}
        </div>
      </div>`;
  }

  /** Where each fact comes from: the manual (x-source) or a default a company should replace (x-default). */
  renderProvenance(locale: Locale) {
    let facts: Fact[] = [];
    try {
      facts = factsOf(JSON.parse(this.text) as unknown);
    } catch {
      return html``;
    }
    if (!facts.length) return html``;
    const defaults = facts.filter((f) => f.provenance.kind !== 'manual');
    const title = (f: Fact) => f.title?.[locale] ?? '';
    const badge = BADGE_TEXT[locale];
    return html`<p>
        <strong>${t(locale, 'provenance')}</strong> — ${t(locale, 'provenanceCount', { manual: facts.length - defaults.length, defaults: defaults.length })}
      </p>
      <ul class="facts">
        ${facts.map((f) => {
          const p = f.provenance;
          return html`<li>
            ${p.kind === 'default'
              ? html`<span class="badge default">${badge.default}</span>`
              : p.kind === 'manual'
                ? html`<span class="badge manual">${badge.manual}</span>`
                : html`<span class="badge missing">${badge.missing}</span>`}
            <code>${f.what}</code> ${title(f)}
            <div><small>${p.kind === 'default' ? p.note : p.kind === 'manual' ? p.source : p.kind === 'invalid' ? p.reason : t(locale, 'addProvenance')}</small></div>
          </li>`;
        })}
      </ul>`;
  }
}
if (!customElements.get('wy-config-playground')) customElements.define('wy-config-playground', WyConfigPlayground);

const meta: Meta = { title: 'Configurator/Playground', parameters: { layout: 'padded', controls: { disable: true } } };
export default meta;

/**
 * Edit a shipped workflow definition, calendar, deduction rule set or record and see what is wrong,
 * live; beside the findings, each fact's provenance with a "default — replace" badge on the
 * project's defaults (`npx wuye-kit check --defaults` lists the same).
 */
export const Playground: StoryObj = { render: () => html`<wy-config-playground></wy-config-playground>` };
