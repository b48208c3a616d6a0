// `wuye-kit check` and `wuye-kit compile`: every shipped configuration file checks clean; broken
// files are reported at the exact line and column with the linters' codes; bad usage exits 2;
// compile writes a self-contained validator that needs no eval, or refuses with a reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { main } from '../../src/cli/main.js';
import { loadTools, CompileError } from '../../src/cli/compile.js';
import { parseJsonSource, positionOf, JsonSyntaxError } from '../../src/cli/json-source.js';

const tmp = mkdtempSync(join(tmpdir(), 'wy-cli-'));
const root = process.cwd();

async function run(args: string[], cwd = root) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => (out += t), err: (t) => (err += t), cwd, env: {} });
  return { code, out, err };
}
const write = (name: string, text: string) => {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
};
/** 1-based line and column of the first occurrence of `needle` in `text`. */
function where(text: string, needle: string, nth = 0) {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} is in the text`);
  const before = text.slice(0, i);
  return `${before.split('\n').length}:${i - before.lastIndexOf('\n')}`;
}

test('every shipped configuration file checks clean, in both languages', async () => {
  const files = [
    'schemas/complaint.ui.json',
    'schemas/deduction-rules.default.json',
    'schemas/common-problems.json',
    'schemas/complaint-routing.json',
    'schemas/complaint-definition.json',
    ...readdirSync('schemas/workflows').map((f) => `schemas/workflows/${f}`),
    ...readdirSync('schemas/calendars').map((f) => `schemas/calendars/${f}`),
  ];
  const r = await run(['check', '--locale', 'en', '--json', ...files]);
  const report = JSON.parse(r.out) as { files: { file: string; kind: string; findings: { severity: string }[] }[]; errors: number };
  assert.equal(report.errors, 0, r.out);
  assert.equal(r.code, 0);
  assert.deepEqual(
    report.files.map((f) => f.kind),
    ['ui', 'deduction-rules', 'common-problems', 'routing', 'guide', ...readdirSync('schemas/workflows').map(() => 'workflow'), ...readdirSync('schemas/calendars').map(() => 'calendar')],
  );
  const zh = await run(['check', 'schemas/complaint.ui.json']);
  assert.match(zh.out, /UI schema（表单布局），没有问题/);
});

test('the complaint routing table and the complaint definition: their meta-schemas (schemas/meta/), their linters, at the line, zh-CN and en', async () => {
  const routing = JSON.parse(readFileSync('schemas/complaint-routing.json', 'utf8')) as { rules: Record<string, unknown>[] };
  routing.rules[0]!['unit'] = 'mars';
  delete routing.rules[1]!['x-source'];
  let text = JSON.stringify(routing, null, 2);
  const f = write('routing.json', text);
  const zh = await run(['check', f]);
  assert.equal(zh.code, 1);
  assert.ok(zh.out.includes(`${f}:${where(text, '"unit": "mars"')}: error [schema] 负责单位不是可选的值 (/rules/0/unit)`), zh.out);
  const ruleLine = Number(where(text, '"id": "company-rule"').split(':')[0]) - 1;
  assert.ok(zh.out.includes(`${f}:${ruleLine}:5: error [provenance] rule company-rule 缺少出处（meta/complaint-routing.schema.json 要求每项事实注明）`), zh.out);
  const en = await run(['check', '--locale', 'en', f]);
  assert.match(en.out, /error \[schema\] Responsible unit must be one of the allowed values \(\/rules\/0\/unit\)/);
  // What a schema cannot see: a repeated rule id, an operator routeComplaint refuses.
  routing.rules[0]!['unit'] = 'hr-admin';
  routing.rules[1]!['x-source'] = 'WI/KF-007 四(三)3';
  routing.rules[2]!['id'] = routing.rules[0]!['id'];
  text = JSON.stringify(routing, null, 2);
  writeFileSync(f, text);
  assert.match((await run(['check', f])).out, /error \[duplicate-id\] id "external-body" 重复 \(\/rules\/2\/id\)/);
  routing.rules[2]!['id'] = 'subsidiary-staff';
  routing.rules[0]!['when'] = { method: ['a', 'b'] };
  writeFileSync(f, JSON.stringify(routing, null, 2));
  assert.match((await run(['check', f])).out, /error \[routing\] 条件中不允许使用 "method" 运算符 \(\/rules\/0\/when\)/);
  routing.rules[0]!['when'] = { frobnicate: [1] };
  writeFileSync(f, JSON.stringify(routing, null, 2));
  assert.match((await run(['check', f])).out, /error \[routing\] 未知的 JSONLogic 运算符 "frobnicate"/);
  assert.match((await run(['check', '--locale', 'en', f])).out, /error \[routing\] unknown JSONLogic operator "frobnicate"/);
  routing.rules[0]!['when'] = { var: '__proto__' };
  writeFileSync(f, JSON.stringify(routing, null, 2));
  assert.match((await run(['check', f])).out, /error \[routing\] 条件不能读取 "__proto__"/);

  const guide = JSON.parse(readFileSync('schemas/complaint-definition.json', 'utf8')) as { kinds: Record<string, { notes?: string[] }>; category: Record<string, unknown> };
  guide.kinds['complaint']!.notes!.push('nope');
  delete guide.category['x-source'];
  text = JSON.stringify(guide, null, 2);
  const g = write('guide.json', text);
  const gz = await run(['check', g]);
  assert.equal(gz.code, 1);
  assert.ok(gz.out.includes(`${g}:${where(text, '"nope"')}: error [unknown-note] 没有编号为 "nope" 的释义（notes）`), gz.out);
  assert.match(gz.out, /error \[provenance\] category hint 缺少出处（meta\/complaint-definition\.schema\.json/);
  const ge = await run(['check', '--locale', 'en', g]);
  assert.match(ge.out, /error \[unknown-note\] no explanation \(note\) with id "nope"/);
  assert.match(ge.out, /error \[provenance\] category hint has no provenance/);
});

test('a workflow definition: the linter\'s errors and warnings at their line and column', async () => {
  const def = JSON.parse(readFileSync('schemas/workflows/complaint.json', 'utf8')) as { roles: { id: string }[]; transitions: { to?: string }[] };
  def.transitions[1]!.to = 'nowhere';
  def.roles.push({ id: 'ghost', title: { 'zh-CN': '幽灵', en: 'Ghost' } } as never);
  const text = JSON.stringify(def, null, 2);
  const f = write('complaint-flow.json', text);
  const r = await run(['check', '--locale', 'en', f]);
  assert.equal(r.code, 1);
  assert.ok(r.out.includes(`${f}:${where(text, '"to": "nowhere"')}: error [unknown-state] state "nowhere" is not declared (/transitions/1/to)`), r.out);
  assert.ok(r.out.includes(`${where(text, '{\n      "id": "ghost"')}: warning [unused-role]`), r.out);
  assert.match(r.out, /\d+ error\(s\), \d+ warning\(s\)/);
});

test('JSON syntax errors point at the character', async () => {
  const text = '{\n  "id": "x",\n  "states": [1, 2,],\n}';
  const f = write('broken.json', text);
  const r = await run(['check', '--locale', 'en', f]);
  assert.equal(r.code, 1);
  assert.ok(r.out.includes(`${f}:3:19: error [json] JSON syntax error: trailing comma before "]"`), r.out);
  for (const [bad, line, col] of [['', 1, 1], ['{"a": 1} x', 1, 10], ["{'a': 1}", 1, 2], ['{"a": 01}', 1, 8], ['{"a": "x\ny"}', 1, 9], ['// c\n{}', 1, 1]] as const) {
    assert.throws(
      () => parseJsonSource(bad),
      (e: unknown) => e instanceof JsonSyntaxError && e.at.line === line && e.at.column === col,
      JSON.stringify(bad),
    );
  }
  // Positions of keys, values, escaped keys and missing members.
  const src = parseJsonSource('{\n  "a/b": {"c~d": [10, "\\u4e2d"]},\n  "e": null\n}');
  assert.deepEqual(positionOf(src, '/a~1b/c~0d/1'), { line: 2, column: 23 });
  assert.deepEqual(positionOf(src, '/a~1b'), { line: 2, column: 3 });
  assert.deepEqual(positionOf(src, '/a~1b/missing'), { line: 2, column: 10 });
  assert.deepEqual(src.value, { 'a/b': { 'c~d': [10, '中'] }, e: null });
});

test('a record against a shipped schema by --schema, in zh-CN by default', async () => {
  const record = (JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Record<string, unknown>[])[0]!;
  const text = JSON.stringify({ ...record, complainant: { ...(record['complainant'] as object), phone: '12' } }, null, 2);
  const f = write('record.json', text);
  const r = await run(['check', '--schema', 'complaint', f]);
  assert.equal(r.code, 1);
  assert.ok(r.out.includes(`${f}:${where(text, '"phone": "12"')}: error [schema] 投诉人·联系电话的格式不正确 (/complainant/phone)`), r.out);
  const unknown = await run(['check', '--schema', 'nope', f]);
  assert.equal(unknown.code, 1);
  assert.match(unknown.out, /没有名为 "nope" 的内置 schema/);
});

test('a UI schema: found by $schema; unknown fields and bad rules at their line', async () => {
  const ui = JSON.parse(readFileSync('schemas/complaint.ui.json', 'utf8')) as { $schema: string; groups: { fields: string[] }[]; rules?: unknown[] };
  ui.$schema = '../whatever/ui.schema.json';
  ui.groups[0]!.fields.push('/complainant/shoeSize');
  ui.groups[1]!.fields.push(ui.groups[0]!.fields[0]!);
  const text = JSON.stringify(ui, null, 2);
  const f = write('layout.json', text);
  const r = await run(['check', '--locale', 'en', f]);
  assert.equal(r.code, 1);
  assert.ok(r.out.includes(`${where(text, '"/complainant/shoeSize"')}: error [ui-field] no field "/complainant/shoeSize" in the schema`), r.out);
  assert.match(r.out, /warning \[duplicate-field\] field "\/complainant\/type" appears more than once/);
  const bad = JSON.stringify({ $schema: './ui.schema.json', rules: [{ effect: 'compute', target: '/a', when: { method: ['x', 'y'] } }] }, null, 2);
  const r2 = await run(['check', '--locale', 'en', write('rules.ui.json', bad)]);
  assert.equal(r2.code, 1);
  assert.match(r2.out, /error \[ui-rule\]/);
});

test('a data schema: draft-07 required, Ajv strict notes as warnings, form-ready, labels and closed records linted', async () => {
  const good = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://example.com/schemas/parking.schema.json',
    type: 'object',
    additionalProperties: false,
    required: ['plate'],
    'x-source': '管理处停车管理规定',
    properties: {
      plate: { type: 'string', pattern: '^[A-Z0-9]{5,8}$', 'x-label': { 'zh-CN': '车牌', en: 'Plate' }, 'x-source': '管理处停车管理规定 2' },
      channel: { $ref: 'https://wuye-kit.dev/schemas/vocab/channel.json', 'x-label': { 'zh-CN': '渠道', en: 'Channel' }, 'x-default': true, 'x-note': 'Keep or drop the channel.' },
    },
  };
  const ok = await run(['check', '--locale', 'en', write('parking.schema.json', JSON.stringify(good, null, 2))]);
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /data schema, no problems/);
  // A form without provenance: an error per fact (schemas/meta/form.schema.json requires it), without --strict.
  const bare = JSON.stringify({ ...good, 'x-source': undefined }, null, 2);
  const b = await run(['check', '--locale', 'en', write('bare.schema.json', bare)]);
  assert.equal(b.code, 1, b.out);
  assert.match(b.out, /:1:1: error \[provenance\] form has no provenance \(meta\/form\.schema\.json requires it on every fact\)/);

  const lax = JSON.stringify({ ...good, additionalProperties: undefined, properties: { ...good.properties, note: { type: 'string' }, size: { enum: ['s', 'm'], 'x-label': { 'zh-CN': '尺寸' } } } }, null, 2);
  const r = await run(['check', '--locale', 'en', '--strict', write('lax.schema.json', lax)]);
  assert.equal(r.code, 1, 'warnings fail with --strict');
  assert.ok(r.out.includes(`${where(lax, '"note"')}: warning [no-label] property "note" has no x-label`), r.out);
  assert.match(r.out, /warning \[label-lang\] x-label has no en/);
  assert.match(r.out, /warning \[enum-labels\]/);
  assert.match(r.out, /warning \[additional-properties\]/);

  const typo = JSON.stringify({ ...good, properties: { plate: { type: 'string', maxLenght: 3, 'x-source': '管理处停车管理规定 2' } } }, null, 2);
  // An unknown keyword is valid draft-07 (ignored): Ajv's strict mode makes it a warning, which
  // fails the check only with --strict.
  const t = await run(['check', '--locale', 'en', write('typo.schema.json', typo)]);
  assert.equal(t.code, 0, t.out);
  assert.ok(t.out.includes(`${where(typo, '"plate": {')}: warning [ajv-strict] Ajv strict mode notes (valid draft-07; validation works as written): unknown keyword: "maxLenght"`), t.out);
  assert.equal((await run(['check', '--locale', 'en', '--strict', join(tmp, 'typo.schema.json')])).code, 1);

  const draft = JSON.stringify({ ...good, $schema: 'https://json-schema.org/draft/2020-12/schema' }, null, 2);
  const d = await run(['check', '--locale', 'en', '--kind', 'schema', write('draft.schema.json', draft)]);
  assert.equal(d.code, 1);
  assert.ok(d.out.includes(`${where(draft, '"$schema"')}: error [draft]`), d.out);
});

test('rule sets, calendars and common problems: their own checkers; __proto__ and duplicate keys', async () => {
  const broken = await run(['check', '--locale', 'en', 'schemas/examples/deduction-rules-broken.json']);
  assert.equal(broken.code, 1);
  assert.match(broken.out, /^schemas\/examples\/deduction-rules-broken\.json:\d+:\d+: error \[rules\] Rule “repeat-x2”: Rule ID “repeat-x2” is used twice/m);
  const cal = JSON.parse(readFileSync('schemas/calendars/cn-2026.json', 'utf8')) as { workingHours: { start: string; end: string }[]; days: unknown[] };
  cal.workingHours = [{ start: '13:00', end: '12:00' }];
  cal.days.push(cal.days[0]);
  const calText = JSON.stringify(cal, null, 2);
  const c = await run(['check', '--locale', 'en', write('cal.json', calText)]);
  assert.equal(c.code, 1);
  assert.ok(c.out.includes(`${where(calText, '{\n      "start": "13:00"')}: error [calendar]`), c.out);
  const problems = JSON.parse(readFileSync('schemas/common-problems.json', 'utf8')) as { problems: unknown[] };
  problems.problems.push(problems.problems[0]);
  const p = await run(['check', '--locale', 'en', write('problems.json', JSON.stringify(problems, null, 2))]);
  assert.equal(p.code, 1);
  assert.match(p.out, /error \[duplicate-id\] id "wall-hollow" is used twice/);
  const proto = '{\n  "problems": [],\n  "__proto__": { "polluted": true },\n  "defaults": { "severity": "general", "timeLimitDays": { "minor": 1, "general": 2, "serious": 3 }, "x-source": "本公司验房标准" },\n  "problems": [], "x-source": "本公司验房标准"\n}';
  const q = await run(['check', '--locale', 'en', write('proto.json', proto)]);
  assert.match(q.out, /:3:3: warning \[proto-key\]/);
  assert.match(q.out, /:5:3: warning \[duplicate-key\] property "problems" is given twice/);
  assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  assert.equal(q.code, 0);
});

test('usage: unknown kind, bad options, unreadable files, help; the executable\'s exit codes', async () => {
  assert.equal((await run(['check', '--locale', 'en', write('what.json', '{"hello": 1}')])).code, 1);
  assert.match((await run(['check', '--locale', 'en', join(tmp, 'what.json')])).out, /cannot tell what this file is: add "\$schema"/);
  assert.equal((await run(['check', '--kind', 'spreadsheet', 'x.json'])).code, 2);
  assert.equal((await run(['check'])).code, 2);
  assert.equal((await run(['frobnicate'])).code, 2);
  assert.equal((await run(['check', '--nope', 'x'])).code, 2);
  const missing = await run(['check', '--locale', 'en', join(tmp, 'missing.json')]);
  assert.equal(missing.code, 1);
  assert.match(missing.out, /cannot read the file: ENOENT/);
  const help = await run(['--help', '--locale', 'en']);
  assert.equal(help.code, 0);
  assert.match(help.out, /wuye-kit check <file…>/);

  const exe = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/wuye-kit.ts', ...args], { encoding: 'utf8' });
  const good = exe(['check', 'schemas/workflows/complaint.json']);
  assert.equal(good.status, 0, good.stderr);
  const bad = exe(['check', '--locale', 'en', 'schemas/examples/deduction-rules-broken.json']);
  assert.equal(bad.status, 1);
  assert.match(bad.stdout, /error \[rules\]/);
});

test('compile: a custom schema becomes a self-contained validator module', async () => {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://example.com/schemas/visit.schema.json',
    type: 'object',
    additionalProperties: false,
    required: ['email', 'channel'],
    properties: {
      email: { type: 'string', format: 'email', 'x-label': { 'zh-CN': '邮箱', en: 'Email' } },
      at: { type: 'string', format: 'date-time', 'x-label': { 'zh-CN': '时间', en: 'Time' } },
      channel: { $ref: 'https://wuye-kit.dev/schemas/vocab/channel.json', 'x-label': { 'zh-CN': '渠道', en: 'Channel' } },
    },
  };
  const f = write('visit.schema.json', JSON.stringify(schema, null, 2));
  const r = await run(['compile', '--locale', 'en', f]);
  assert.equal(r.code, 0, r.err);
  const out = join(tmp, 'visit.validator.js');
  assert.match(r.out, /no imports, no eval/);
  const code = readFileSync(out, 'utf8');
  for (const bad of ['require(', 'new Function', 'eval(']) assert.ok(!code.includes(bad), bad);
  assert.doesNotMatch(code, /^\s*import\s/m);
  assert.match(readFileSync(join(tmp, 'visit.validator.d.ts'), 'utf8'), /export declare const validate/);
  const mod = (await import(pathToFileURL(out).href)) as { default: ((d: unknown) => boolean) & { errors?: { instancePath: string; keyword: string }[] }; validate: unknown };
  assert.equal(mod.validate, mod.default);
  assert.equal(mod.default({ email: 'a@b.cn', channel: 'phone', at: '2026-10-16T09:30:00+08:00' }), true);
  assert.equal(mod.default({ email: 'nope', channel: 'fax', extra: 1 }), false);
  assert.deepEqual(mod.default.errors!.map((e) => e.keyword).sort(), ['additionalProperties', 'enum', 'format']);

  const named = await run(['compile', f, '-o', join(tmp, 'out', 'v.mjs')]);
  assert.equal(named.code, 0);
  assert.ok(existsSync(join(tmp, 'out', 'v.mjs')) && existsSync(join(tmp, 'out', 'v.d.ts')));
});

test('compile accepts every valid draft-07 schema: a `required` of an undefined property, an unknown keyword, minLength/uniqueItems helpers', async () => {
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    required: ['f1', 'f252'],
    properties: { f1: { type: 'string', minLength: 2, 'x-hint': 'unknown keyword' }, tags: { type: 'array', items: { type: 'object' }, uniqueItems: true } },
  };
  const f = write('loose.schema.json', JSON.stringify(schema, null, 2));
  const r = await run(['compile', '--locale', 'en', f]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /warning \[ajv-strict\] .*required property "f252" is not defined/);
  const mod = (await import(pathToFileURL(join(tmp, 'loose.validator.js')).href)) as { default: ((d: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: Record<string, unknown> }[] } };
  assert.equal(mod.default({ f1: 'ab', f252: 0 }), true);
  assert.equal(mod.default({ f1: 'a', tags: [{ a: 1 }, { a: 1 }] }), false);
  assert.deepEqual(mod.default.errors!.map((e) => e.keyword).sort(), ['minLength', 'required', 'uniqueItems']);
});

test('compile refuses a schema with errors, and says what to install when the tools are missing', async () => {
  const f = write('bad.schema.json', JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', properties: { a: { type: 'strin' } } }, null, 2));
  const r = await run(['compile', '--locale', 'en', f]);
  assert.equal(r.code, 1);
  assert.match(r.err, /bad\.schema\.json:\d+:\d+: error \[meta-schema\]/);
  assert.match(r.err, /has errors; no validator written/);
  assert.ok(!existsSync(join(tmp, 'bad.validator.js')));
  const missing = async (spec: string): Promise<Record<string, unknown>> => {
    throw Object.assign(new Error(`Cannot find package '${spec}'`), { code: 'ERR_MODULE_NOT_FOUND' });
  };
  await assert.rejects(loadTools('en', missing), (e: unknown) => e instanceof CompileError && e.reason === 'deps' && /npm install --save-dev ajv ajv-formats esbuild/.test(e.message));
  await assert.rejects(loadTools('zh-CN', missing), /需要 ajv、ajv-formats 和 esbuild/);
});

test('calendar: the shipped calendars are exactly what `wuye-kit calendar` writes from chinese-days (npm run calendars)', async () => {
  const out = join(tmp, 'calendars');
  const r = await run(['calendar', '--locale', 'en', '-o', out]);
  assert.equal(r.code, 0, r.err);
  const shipped = readdirSync('schemas/calendars').filter((f) => /^cn-\d{4}\.json$/.test(f));
  assert.ok(shipped.length >= 3);
  for (const f of shipped) assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join('schemas/calendars', f), 'utf8'), `${f} drifted from its generator`);
  assert.match(r.out, /cn-2026\.json: 33 holidays, 6 makeup workdays/);
  // The written file is a configurator's file like any other: it checks clean, provenance included.
  assert.equal((await run(['check', join(out, 'cn-2026.json')])).code, 0);
  // One year, a year the package does not know, bad years.
  const one = await run(['calendar', '2025', '-o', join(tmp, 'one')]);
  assert.equal(one.code, 0);
  assert.deepEqual(readdirSync(join(tmp, 'one')), ['cn-2025.json']);
  const none = await run(['calendar', '--locale', 'en', '1999', '-o', join(tmp, 'none')]);
  assert.equal(none.code, 1);
  assert.match(none.err, /chinese-days@[\d.]+ has no dates for 1999 \(it knows 20\d\d–20\d\d\); nothing written/);
  assert.equal((await run(['calendar', '2027', '2026'])).code, 2);
  assert.equal((await run(['calendar', 'next'])).code, 2);
  // Without chinese-days (a host that has not installed it): the command says what to install.
  const { loadChineseDays, CalendarSourceError } = await import('../../src/cli/calendar.js');
  assert.equal(loadChineseDays(root).name, 'chinese-days');
  assert.throws(() => loadChineseDays(tmp, pathToFileURL(join(tmp, 'x.js')).href), CalendarSourceError);
  const { cliText } = await import('../../src/cli/messages.js');
  assert.match(cliText('en', 'calendar.deps'), /npm install --save-dev chinese-days/);
  assert.match(cliText('zh-CN', 'calendar.deps'), /需要 chinese-days/);
});

test('the built CLI finds the meta-schemas of forms and vocabularies in the package (schemas/meta/)', () => {
  assert.ok(existsSync('dist/cli/wuye-kit.js'), 'needs npm run build (test/run.mjs builds first)');
  const form = JSON.parse(readFileSync('schemas/service-record.schema.json', 'utf8')) as { properties: Record<string, Record<string, unknown>> };
  delete form.properties['channel']!['x-default'];
  delete form.properties['channel']!['x-note'];
  const text = JSON.stringify(form, null, 2);
  const f = write('service-record.schema.json', text);
  const r = spawnSync(process.execPath, ['dist/cli/wuye-kit.js', 'check', '--locale', 'en', f], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.ok(r.stdout.includes(`${f}:${where(text, '"channel": {')}: error [provenance] field channel has no provenance (meta/form.schema.json requires it on every fact)`), r.stdout);
});
