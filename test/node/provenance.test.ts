// Provenance of every shipped fact (issue 14): each vocabulary entry, workflow step, transition,
// clock, form, form number, rule and default says where the manual states it (x-source) or that
// it is a default with a note (x-default + x-note); `wuye-kit check --defaults` lists the
// defaults a host has not replaced; schemas/README.md is generated from the same data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { factsOf, shapeOf, provenanceOf, withoutProvenance } from '../../src/core/provenance.js';
import { main, shippedConfigFiles } from '../../src/cli/main.js';
import { checkText } from '../../src/cli/check.js';
import { loadShipped } from '../../src/cli/shipped.js';
import { renderSchemasReadme } from '../../src/cli/schemas-readme.js';
import { checkDefinition } from '../../src/workflow/definition.js';
import { builtinDefinitions } from '../../src/workflow/builtin.js';
import { complaintGuide, intakeGuide } from '../../src/core/complaint/guide.js';
import { vocab } from '../../src/generated/vocab.js';

const root = process.cwd();
const files = shippedConfigFiles(join(root, 'schemas'));
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;
const tmp = mkdtempSync(join(tmpdir(), 'wy-prov-'));

async function run(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd: root, env: {} });
  return { code, out, err };
}

test('every shipped configuration file has a known shape, and every fact in it has provenance', () => {
  assert.ok(files.length > 40, `${files.length} files`);
  const problems: string[] = [];
  let facts = 0;
  for (const f of files) {
    const data = read(f);
    const shape = shapeOf(data);
    assert.ok(shape, `${relative(root, f)}: shape not recognised`);
    for (const fact of factsOf(data, shape)) {
      facts++;
      if (fact.provenance.kind === 'missing' || fact.provenance.kind === 'invalid') problems.push(`${relative(root, f)}${fact.path} (${fact.what}): ${fact.provenance.kind}`);
    }
  }
  assert.deepEqual(problems, []);
  assert.ok(facts > 500, `${facts} facts`);
});

test('provenance is required: a fact without it, or a malformed one, is found', () => {
  const wf = structuredClone(read('schemas/workflows/complaint.json')) as { states: Record<string, unknown>[] };
  delete wf.states[0]!['x-source'];
  delete wf.states[0]!['x-default'];
  const missing = factsOf(wf).filter((f) => f.provenance.kind === 'missing');
  assert.deepEqual(missing.map((f) => f.path), ['/states/0']);
  assert.equal(provenanceOf({ 'x-default': true }).kind, 'invalid');
  assert.equal(provenanceOf({ 'x-default': true, 'x-note': 'n', 'x-source': 's' }).kind, 'invalid');
  assert.equal(provenanceOf({ 'x-source': '' }).kind, 'invalid');
  const vocab = read('schemas/vocab/severity.json') as { 'x-provenance': Record<string, unknown> };
  delete vocab['x-provenance']['major'];
  assert.deepEqual(factsOf(vocab).filter((f) => f.provenance.kind === 'missing').map((f) => f.path), ['/x-provenance/major']);
});

test('the meta-schemas accept provenance keys and reject a default without its note', () => {
  const wf = structuredClone(read('schemas/workflows/complaint.json')) as { clocks: Record<string, unknown>[] };
  assert.equal(checkDefinition(wf).ok, true);
  delete wf.clocks[0]!['x-note'];
  const r = checkDefinition(wf);
  assert.equal(r.ok, false);
  assert.ok(r.problems.some((p) => p.path.startsWith('/clocks/0')), JSON.stringify(r.problems));
});

test('the meta-schemas require provenance: a copy with any fact\'s provenance removed fails check, at that fact, in zh-CN and en', async () => {
  const shipped = loadShipped();
  const strip = (n: unknown) => {
    if (n && typeof n === 'object') for (const k of ['x-source', 'x-default', 'x-note']) delete (n as Record<string, unknown>)[k];
  };
  const at = (data: unknown, path: string) => path.split('/').slice(1).reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], data);
  let checked = 0;
  for (const f of files) {
    const data = read(f);
    const shape = shapeOf(data);
    if (!['workflow', 'ui', 'deduction-rules', 'calendar', 'common-problems', 'data-schema', 'vocabulary', 'stats-config', 'routing', 'guide'].includes(shape!)) continue;
    // Every fact at once: the meta-schema names each one (factsOf and the meta-schemas agree).
    const copy = structuredClone(data);
    const facts = factsOf(copy, shape);
    for (const fact of facts) strip(at(copy, fact.path));
    const r = await checkText(JSON.stringify(copy, null, 2), { file: f, locale: 'en', shipped: shipped.forFile(f) });
    const flagged = r.findings.filter((x) => x.code === 'provenance').map((x) => x.path);
    assert.deepEqual(flagged.sort(), facts.map((x) => x.path).sort(), relative(root, f));
    checked += facts.length;
  }
  assert.ok(checked > 500, `${checked} facts`);

  // One state of the complaint workflow, through the command a configurator runs.
  const wf = read('schemas/workflows/complaint.json') as { $schema: string; states: Record<string, unknown>[] };
  wf.$schema = join(root, 'schemas/workflow.schema.json');
  strip(wf.states[1]);
  const file = join(tmp, 'no-source.workflow.json');
  const text = JSON.stringify(wf, null, 2);
  writeFileSync(file, text);
  const line = text.slice(0, text.indexOf(`"id": "${String(wf.states[1]!['id'])}"`)).split('\n').length - 1;
  const zh = await run(['check', file]);
  assert.equal(zh.code, 1);
  assert.match(zh.out, new RegExp(`no-source\\.workflow\\.json:${line}:\\d+: error \\[provenance\\] state ${String(wf.states[1]!['id'])} 缺少出处（workflow\\.schema\\.json 要求每项事实注明）：请加上 "x-source".*或 "x-default": true 加一行 "x-note"`));
  const en = await run(['check', '--locale', 'en', file]);
  assert.match(en.out, /error \[provenance\] state \S+ has no provenance \(workflow\.schema\.json requires it on every fact\): add "x-source"/);
  // Both at once is refused too; a default without its note is a schema error.
  wf.states[1]!['x-source'] = 'WI/KF-007';
  wf.states[1]!['x-default'] = true;
  writeFileSync(file, JSON.stringify(wf, null, 2));
  assert.match((await run(['check', '--locale', 'en', file])).out, /error \[provenance\] state \S+ has both "x-source" and "x-default"/);
  delete wf.states[1]!['x-source'];
  writeFileSync(file, JSON.stringify(wf, null, 2));
  assert.match((await run(['check', '--locale', 'en', file])).out, /error \[schema\] .*x-default/);
  // …worded in the requested language, like every other finding.
  const zhNote = (await run(['check', file])).out;
  assert.match(zhNote, /error \[schema\] .*x-default/);
  assert.doesNotMatch(zhNote, /is required when/);
  // --defaults keeps reading the same file (the defaults a host has not replaced).
  const d = await run(['check', '--defaults', '--json', file]);
  assert.ok((JSON.parse(d.out) as { defaults: number }).defaults > 0);
  // A vocabulary: each code's provenance is required by schemas/meta/vocabulary.schema.json.
  const sev = read('schemas/vocab/severity.json') as { 'x-provenance': Record<string, unknown> };
  const sevFile = join(tmp, 'severity.json');
  writeFileSync(sevFile, JSON.stringify(sev, null, 2));
  assert.equal((await run(['check', sevFile])).code, 0, 'a shipped vocabulary checks without errors');
  delete sev['x-provenance']['major'];
  writeFileSync(sevFile, JSON.stringify(sev, null, 2));
  const v = await run(['check', '--locale', 'en', sevFile]);
  assert.equal(v.code, 1);
  assert.match(v.out, /error \[provenance\] code major has no provenance \(meta\/vocabulary\.schema\.json requires it on every fact\)/);
  // Run time needs no notes: the definition without any provenance is a working definition.
  const runtime = checkDefinition(withoutProvenance(read('schemas/workflows/complaint.json')));
  assert.equal(runtime.ok, true, JSON.stringify(runtime.problems));
});

test('every shipped file still checks clean against its meta-schema with its provenance', async () => {
  const shipped = loadShipped();
  for (const f of files) {
    const r = await checkText(readFileSync(f, 'utf8'), { file: f, locale: 'en', shipped: shipped.forFile(f) });
    assert.deepEqual(r.findings.filter((x) => x.severity === 'error'), [], relative(root, f));
  }
});

test('schemas/README.md is the rendering of the provenance data (it cannot drift)', () => {
  assert.equal(readFileSync('schemas/README.md', 'utf8'), renderSchemasReadme(join(root, 'schemas')), 'run npm run gen');
});

test('pages do not carry the notes: the runtime modules have no provenance keys', () => {
  const text = JSON.stringify(builtinDefinitions);
  assert.doesNotMatch(text, /x-source|x-default|x-note/);
});

test('check --defaults lists, per file, the defaults not replaced; --strict fails while any remain', async () => {
  const wf = read('schemas/workflows/complaint.json') as { clocks: Record<string, unknown>[] };
  const f = join(tmp, 'complaint.workflow.json');
  writeFileSync(f, JSON.stringify(wf, null, 2));
  const before = await run(['check', '--defaults', '--json', f]);
  assert.equal(before.code, 0, before.err);
  const rb = JSON.parse(before.out) as { defaults: number; files: { defaults: { path: string; what: string }[] }[] };
  assert.ok(rb.defaults > 0);
  assert.ok(rb.files[0]!.defaults.some((d) => d.path === '/clocks/0' && d.what.startsWith('clock reply')));
  // The company replaces the reply limit with its own rule.
  delete wf.clocks[0]!['x-default'];
  delete wf.clocks[0]!['x-note'];
  wf.clocks[0]!['x-source'] = '本公司《投诉处理服务标准》第 3 条';
  writeFileSync(f, JSON.stringify(wf, null, 2));
  const after = await run(['check', '--defaults', '--json', f]);
  const ra = JSON.parse(after.out) as { defaults: number };
  assert.equal(ra.defaults, rb.defaults - 1);
  assert.equal((await run(['check', '--defaults', '--strict', f])).code, 1);
  // Human output names the file, line and the note, in zh-CN by default.
  const text = await run(['check', '--defaults', f]);
  assert.match(text.out, /项默认值待替换/);
  assert.match(text.out, /complaint\.workflow\.json:\d+:\d+: 默认值 clock close/);
  // A fact without provenance is an error here too (as in check), without --strict.
  delete wf.clocks[0]!['x-source'];
  writeFileSync(f, JSON.stringify(wf, null, 2));
  const missing = await run(['check', '--defaults', '--locale', 'en', f]);
  assert.equal(missing.code, 1);
  assert.match(missing.out, /error \[provenance\] clock reply \S+ has no provenance/);
});

test('check --defaults without files reads the shipped schemas/ folder', async () => {
  const r = await run(['check', '--defaults', '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as { files: { file: string }[]; errors: number; warnings: number };
  assert.equal(j.errors + j.warnings, 0);
  assert.ok(j.files.some((x) => x.file.endsWith('workflows/move-in.json')));
  assert.ok(!j.files.some((x) => x.file.includes('examples')));
});

test('the complaint definition at intake: the manual\'s text, one hint per type of feedback, zh-CN and en', () => {
  assert.match(complaintGuide.definition.text['zh-CN'], /失职、失误、失度、失控/);
  assert.match(complaintGuide.definition.text['zh-CN'], /口头或书面意见/);
  assert.deepEqual(Object.keys(complaintGuide.kinds).sort(), [...vocab.voiceKind.codes].sort(), 'a hint for every type of feedback');
  const ids = new Set(complaintGuide.notes.map((n) => n.id));
  for (const [kind, k] of Object.entries(complaintGuide.kinds)) {
    assert.ok(k.hint['zh-CN'] && k.hint.en, kind);
    for (const n of k.notes ?? []) assert.ok(ids.has(n), `${kind} → note ${n}`);
  }
  for (const n of complaintGuide.notes) assert.ok(n.term['zh-CN'] && n.term.en && n.text['zh-CN'] && n.text.en, n.id);
  // 释义③: suggestions exclude internal staff complaints; venting counts as a suggestion.
  assert.match(complaintGuide.notes.find((n) => n.id === 'suggestion')!.text['zh-CN'], /不涵盖内部员工的投诉/);
  const g = intakeGuide();
  assert.equal(g.notices.length, vocab.voiceKind.codes.length);
  assert.deepEqual(g.notices[0]!.when, { '==': [{ var: 'kind' }, 'complaint'] });
});

test('forms and vocabularies have meta-schemas of ours (schemas/meta/): every shipped one validates, a fact without provenance fails at its pointer', async () => {
  const { default: Ajv } = await import('ajv');
  const { ANNOTATIONS } = await import('../../src/cli/check.js');
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addVocabulary([...ANNOTATIONS]);
  const metaOf = { 'data-schema': 'form', vocabulary: 'vocabulary' } as const;
  const validators = Object.fromEntries(
    Object.entries(metaOf).map(([shape, name]) => {
      const meta = read(`schemas/meta/${name}.schema.json`);
      assert.equal(meta['x-meta'], true);
      assert.equal(ajv.validateSchema(meta), true, `${name}: ${ajv.errorsText()}`);
      return [shape, ajv.compile(meta)];
    }),
  );
  // Where the meta-schema says a fact lacks provenance: `else/required` x-source.
  const flagged = (v: (typeof validators)[string], data: unknown) => {
    v!(data);
    return new Set((v!.errors ?? []).filter((e) => e.keyword === 'required' && e.params['missingProperty'] === 'x-source' && e.schemaPath.endsWith('/else/required')).map((e) => e.instancePath));
  };
  let forms = 0;
  let vocabularies = 0;
  for (const f of files) {
    const data = read(f);
    const shape = shapeOf(data);
    if (shape !== 'data-schema' && shape !== 'vocabulary') continue;
    const v = validators[shape]!;
    assert.equal(v(data), true, `${relative(root, f)}: ${ajv.errorsText(v.errors)}`);
    if (shape === 'data-schema') forms++;
    else vocabularies++;
    // Each fact's provenance stripped in turn: the meta-schema names exactly that fact.
    for (const fact of factsOf(data, shape)) {
      const copy = structuredClone(data);
      const node = fact.path.split('/').slice(1).reduce<unknown>((n, k) => (n as Record<string, unknown>)[k.replace(/~1/g, '/').replace(/~0/g, '~')], copy) as Record<string, unknown>;
      for (const k of ['x-source', 'x-default', 'x-note']) delete node[k];
      assert.deepEqual([...flagged(v, copy)], [fact.path], `${relative(root, f)}${fact.path}`);
    }
  }
  assert.ok(forms >= 7 && vocabularies >= 25, `${forms} forms, ${vocabularies} vocabularies`);
});

test('check: a form field, record type or vocabulary code without provenance is an error at its line, in zh-CN and en; --defaults still lists the defaults', async () => {
  const form = read('schemas/complaint.schema.json') as { definitions: Record<string, Record<string, unknown>>; properties: Record<string, Record<string, unknown>> };
  delete form.definitions['complainant']!['x-default'];
  delete form.definitions['complainant']!['x-note'];
  const file = join(tmp, 'complaint.schema.json');
  const text = JSON.stringify(form, null, 2);
  writeFileSync(file, text);
  const line = text.slice(0, text.indexOf('"complainant": {', text.indexOf('"definitions"'))).split('\n').length;
  const zh = await run(['check', file]);
  assert.equal(zh.code, 1, 'an error without --strict');
  assert.match(zh.out, new RegExp(`complaint\\.schema\\.json:${line}:\\d+: error \\[provenance\\] record type complainant 缺少出处（meta/form\\.schema\\.json 要求每项事实注明）`));
  const en = await run(['check', '--locale', 'en', file]);
  assert.match(en.out, new RegExp(`complaint\\.schema\\.json:${line}:\\d+: error \\[provenance\\] record type complainant has no provenance \\(meta/form\\.schema\\.json requires it on every fact\\)`));
  // Both at once is refused as in every other configuration file.
  form.properties['kind']!['x-default'] = true;
  form.properties['kind']!['x-note'] = 'n';
  writeFileSync(file, JSON.stringify(form, null, 2));
  assert.match((await run(['check', '--locale', 'en', file])).out, /error \[provenance\] field kind has both "x-source" and "x-default"/);
  // A default without its note: worded in the reader's language too.
  delete form.properties['kind']!['x-source'];
  delete form.properties['kind']!['x-note'];
  writeFileSync(file, JSON.stringify(form, null, 2));
  assert.match((await run(['check', file])).out, /error \[provenance\] field kind 的出处有误："x-default" 需要一行 "x-note"（公司应决定什么）/);
  assert.match((await run(['check', '--locale', 'en', file])).out, /error \[provenance\] the provenance of field kind is malformed: "x-default" needs an "x-note"/);
  // --defaults keeps listing a form's defaults (the record types included), with their notes.
  const d = await run(['check', '--defaults', '--json', 'schemas/complaint.schema.json']);
  const j = JSON.parse(d.out) as { files: { defaults: { path: string; note?: string; provenance: { note: string } }[] }[] };
  assert.ok(j.files[0]!.defaults.some((x) => x.path === '/definitions/attachment' && /file storage/.test(x.provenance.note)), d.out);
});
