// Docs blocks that show where each shipped fact comes from (issue 14): beside every fact an
// element's stories use, a "默认值 — 请替换 · default — replace" badge when it is the project's
// default (x-default, with its note of what a company should decide) or a "手册 · manual" badge
// with the manual's reference (x-source). The element docs pages (docs-page.ts) and the
// "Configurator/Where each fact comes from" page render them from the same data as
// `npx wuye-kit check --defaults` and schemas/README.md (src/core/provenance.ts).
// Written with createElement (no JSX set-up needed in the Storybook build).
import { createElement as h, Fragment, type ReactElement } from 'react';
import { factsOf, provenanceSummary, shapeOf, type Fact } from '../src/core/provenance.js';
import { BADGE_TEXT } from './provenance-text.js';

/** A shipped configuration file: its path under schemas/ and its JSON. */
export interface ShippedFile {
  readonly name: string;
  readonly data: unknown;
}

/**
 * The shipped files each element's stories show, by the stories' `component` (tag) and, where one
 * tag serves several pages, their title. Stories belong to the element owners: the table lives
 * here so their files need no change.
 */
const BY_COMPONENT: Readonly<Record<string, readonly string[]>> = {
  'wy-complaint-form': [
    'complaint.schema.json',
    'complaint.ui.json',
    'complaint-definition.json',
    'complaint-routing.json',
    'vocab/voice-kind.json',
    'vocab/content-category.json',
    'vocab/severity.json',
    'vocab/channel.json',
    'vocab/complainant-type.json',
  ],
  'wy-defect-checklist': ['checklist.schema.json', 'defect.schema.json', 'common-problems.json', 'workflows/internal-inspection.json', 'workflows/move-in-house.json'],
  'wy-deduction-calculator': ['deduction-rules.default.json', 'vocab/deduction-fact.json', 'vocab/validity.json', 'vocab/severity.json'],
  'wy-complaint-stats': ['stats-config.schema.json', 'vocab/content-category.json', 'vocab/voice-kind.json'],
  'wy-workflow-panel': [
    'workflows/complaint.json',
    'workflows/internal-inspection.json',
    'workflows/move-in.json',
    'workflows/move-in-house.json',
    'workflows/property-rights.json',
    'workflows/property-rights-owner.json',
    'workflows/key-milestone-review.json',
    'workflows/customer-appeal.json',
  ],
};
const BY_TITLE: Readonly<Record<string, readonly string[]>> = {
  'Forms/Schema form': ['complaint.schema.json', 'complaint.ui.json'],
  'Complaints/Service and emergency records': ['service-record.schema.json', 'service-record.ui.json', 'emergency-record.schema.json', 'emergency-record.ui.json'],
};

/** The shipped files whose facts a docs page shows for a stories file (by title, then tag). */
export function filesFor(meta: { readonly title?: string; readonly component?: unknown }): readonly string[] {
  if (meta.title !== undefined && Object.hasOwn(BY_TITLE, meta.title)) return BY_TITLE[meta.title]!;
  if (typeof meta.component === 'string' && Object.hasOwn(BY_COMPONENT, meta.component)) return BY_COMPONENT[meta.component]!;
  return [];
}

export { BADGE_TEXT };

const badgeStyle = {
  default: { background: '#fff1e5', color: '#7a2e00', border: '1px solid #d18616' },
  manual: { background: '#ddf4ff', color: '#0a3069', border: '1px solid #54aeff' },
  missing: { background: '#fef3f2', color: '#8f1b12', border: '1px solid #b42318' },
} as const;

/** One fact's badge: a default to replace, the manual's, or none. */
export function ProvenanceBadge({ fact }: { fact: Fact }): ReactElement {
  const kind = fact.provenance.kind === 'default' ? 'default' : fact.provenance.kind === 'manual' ? 'manual' : 'missing';
  return h(
    'span',
    {
      className: `wy-prov-badge wy-prov-${kind}`,
      style: { ...badgeStyle[kind], display: 'inline-block', padding: '0 0.4em', borderRadius: 3, fontSize: 12, fontWeight: 600, whiteSpace: 'nowrap' },
    },
    BADGE_TEXT[kind],
  );
}

const title = (f: Fact) => [f.title?.['zh-CN'], f.title?.en].filter(Boolean).join(' / ');
const detail = (f: Fact) => {
  const p = f.provenance;
  return p.kind === 'manual' ? p.source : p.kind === 'default' ? p.note : p.kind === 'invalid' ? p.reason : 'x-source or x-default + x-note';
};

/** One file's facts: a row each, the badge beside the fact, then the reference or what to decide. */
export function FileProvenance({ file }: { file: ShippedFile }): ReactElement | null {
  const facts = factsOf(file.data, shapeOf(file.data));
  if (!facts.length) return null;
  const n = provenanceSummary(facts);
  const cell = { padding: '2px 8px', borderBottom: '1px solid #d0d7de', verticalAlign: 'top', textAlign: 'start' as const };
  return h(
    'details',
    { className: 'wy-prov-file', open: n.default > 0 && facts.length <= 40 },
    h(
      'summary',
      { style: { fontFamily: '"Nunito Sans", -apple-system, system-ui, sans-serif', fontSize: 14, cursor: 'pointer' } },
      h('code', null, `schemas/${file.name}`),
      ` — 手册 ${n.manual} · 默认值 ${n.default}`,
      ` (manual ${n.manual}, defaults ${n.default})`,
      n.missing + n.invalid ? ` ⚠ ${n.missing + n.invalid}` : '',
    ),
    h(
      'table',
      { style: { borderCollapse: 'collapse', fontSize: 13, margin: '4px 0 12px' } },
      h('thead', null, h('tr', null, ...['出处 Provenance', '事实 Fact', '名称 Title', '手册出处或应决定的事 Source, or what to decide'].map((t) => h('th', { key: t, scope: 'col', style: cell }, t)))),
      h(
        'tbody',
        null,
        ...facts.map((f) =>
          h(
            'tr',
            { key: f.path, className: `wy-prov-row wy-prov-row-${f.provenance.kind}` },
            h('td', { style: cell }, h(ProvenanceBadge, { fact: f })),
            h('td', { style: cell }, h('code', null, f.what)),
            h('td', { style: cell }, title(f)),
            h('td', { style: cell }, detail(f)),
          ),
        ),
      ),
    ),
  );
}

/** The facts of several files, under a heading; nothing when none of them has facts. */
export function ProvenanceSection({ files, heading = true }: { files: readonly ShippedFile[]; heading?: boolean }): ReactElement | null {
  const shown = files.filter((f) => factsOf(f.data, shapeOf(f.data)).length > 0);
  if (!shown.length) return null;
  const facts = shown.flatMap((f) => factsOf(f.data, shapeOf(f.data)));
  const n = provenanceSummary(facts);
  return h(
    'section',
    { className: 'wy-prov', 'aria-label': '出处 Provenance' },
    heading ? h('h2', { id: 'provenance' }, '出处 · Where each fact comes from') : null,
    h(
      'p',
      null,
      `这些数据中 ${n.manual} 项出自手册，${n.default} 项是 wuye-kit 的默认值，请按公司制度替换（`,
      h('code', null, 'npx wuye-kit check --defaults'),
      ` 列出未替换的默认值）。 ${n.manual} facts come from the manual; ${n.default} are wuye-kit's defaults, marked `,
      h(ProvenanceBadge, { fact: { path: '', what: '', provenance: { kind: 'default', note: '' } } }),
      ', for a company to replace with its own rules.',
    ),
    h(Fragment, null, ...shown.map((f) => h(FileProvenance, { key: f.name, file: f }))),
  );
}
