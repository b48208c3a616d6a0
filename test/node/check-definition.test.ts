// The workflow definition linter's findings (checkDefinition, src/workflow/definition.ts) in the
// reader's language (issue 15): worded from a catalogue (definition-messages.ts), zh-CN and en,
// through the function and through `wuye-kit check`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkDefinition } from '../../src/workflow/definition.js';
import { definitionText, type DefinitionTextKey } from '../../src/workflow/definition-messages.js';
import { main } from '../../src/cli/main.js';

const CJK = /[\u4e00-\u9fff]/;
const root = process.cwd();
const tmp = mkdtempSync(join(tmpdir(), 'wy-check-def-'));

/** The complaint workflow broken in many ways a schema cannot see. */
function broken() {
  const def = JSON.parse(readFileSync('schemas/workflows/complaint.json', 'utf8')) as Record<string, unknown[]> & { version: number };
  const fact = { 'x-default': true, 'x-note': 'test' };
  def.states!.push({ id: 'limbo', title: { 'zh-CN': '悬', en: 'Limbo' }, ...fact });
  def.states!.push({ ...(def.states![0] as object) });
  def.roles!.push({ id: 'ghost', title: { 'zh-CN': '幽灵', en: 'Ghost' }, ...fact });
  def.transitions!.push({ event: 'jump', title: { 'zh-CN': '跳', en: 'Jump' }, from: ['received'], to: 'nowhere', roles: ['janitor'], guard: { eval: 'x' }, fields: 'no-such-fields', effects: [{ type: 'notify' }], ...fact });
  def.migrations = [{ from: 99, states: { old: 'gone' }, clocks: { c: 'nope' } }];
  return def;
}

const EXPECTED = [
  'duplicate-id /states/10/id',
  'unknown-state /transitions/13/to',
  'unknown-role /transitions/13/roles/0',
  'unknown-operator /transitions/13/guard',
  'unknown-fields /transitions/13/fields',
  'schema /transitions/13/effects/0/role',
  'bad-migration /migrations/0/from',
  'unknown-state /migrations/0/states/old',
  'bad-migration /migrations/0/clocks/c',
  'unreachable-state /states/9',
  'dead-end-state /states/9',
  'unused-role /roles/8',
];

test('checkDefinition words every finding in the locale asked for, English by default', () => {
  const def = broken();
  const zh = checkDefinition(def, { locale: 'zh-CN' }).problems;
  const en = checkDefinition(def, { locale: 'en' }).problems;
  assert.deepEqual(checkDefinition(def).problems, en, 'English by default');
  const codes = zh.map((p) => `${p.code} ${p.path}`);
  for (const e of EXPECTED) assert.ok(codes.includes(e), `${e} in ${JSON.stringify(codes)}`);
  assert.deepEqual(codes, en.map((p) => `${p.code} ${p.path}`), 'the same findings in both languages');
  zh.forEach((p, i) => {
    assert.match(p.message, CJK, p.message);
    assert.notEqual(p.message, en[i]!.message);
  });
  const at = (list: typeof zh, path: string) => list.find((p) => p.path === path)!.message;
  assert.equal(at(zh, '/transitions/13/to'), '状态 "nowhere" 未声明');
  assert.equal(at(en, '/transitions/13/to'), 'state "nowhere" is not declared');
  assert.equal(at(zh, '/states/9'), '状态 "limbo" 从 "received" 无法到达');
  assert.equal(at(en, '/roles/8'), 'role "ghost" is declared but never used');
  // Schema errors too: the validator's messages in the same locale.
  const bad = checkDefinition({ id: 'x' }, { locale: 'zh-CN' }).problems;
  assert.equal(bad[0]!.code, 'schema');
  assert.match(bad[0]!.message, CJK);
});

test('the catalogue: every finding has zh-CN and en words, with the same placeholders', () => {
  const keys: DefinitionTextKey[] = ['duplicate-state', 'duplicate-role', 'unknown-role', 'unknown-state', 'unknown-operator', 'logic-budget', 'logic-budget-unbounded', 'pointer-start', 'pointer-key', 'bad-duration', 'notify-role', 'effect-path', 'effect-value', 'start-children', 'data-schema', 'unknown-fields', 'inconsistent-fields', 'migration-from', 'migration-clock', 'unreachable', 'dead-end', 'final-exits', 'no-final', 'unused-role'];
  for (const k of keys) {
    const zh = definitionText('zh-CN', k);
    const en = definitionText('en', k);
    assert.match(zh, CJK, k);
    assert.doesNotMatch(en, CJK, k);
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(holes(zh), holes(en), k);
  }
  assert.equal(definitionText('zh-CN', 'logic-budget', { cost: 12000, budget: 10000, length: 100 }), 'JSONLogic 表达式可能需要约 12000 步求值，超过上限 10000（从数据读取的列表按长 100 估算）');
});

test('wuye-kit check shows the linter\'s findings in zh-CN by default and in en on request, at their lines', async () => {
  const def = broken();
  const file = join(tmp, 'broken.workflow.json');
  writeFileSync(file, JSON.stringify(def, null, 2));
  const run = async (args: string[]) => {
    let out = '';
    const code = await main(args, { out: (t) => (out += t), err: () => undefined, cwd: root, env: {} });
    return { code, out };
  };
  const zh = await run(['check', file]);
  assert.equal(zh.code, 1);
  assert.match(zh.out, /:\d+:\d+: error \[unknown-state\] 状态 "nowhere" 未声明 \(\/transitions\/13\/to\)/);
  assert.match(zh.out, /warning \[unused-role\] 角色 "ghost" 已声明但从未使用/);
  // A finding coded `schema` by the linter (no schema error) is shown, not dropped.
  assert.match(zh.out, /error \[schema\] notify 效果需要 role \(\/transitions\/13\/effects\/0\/role\)/);
  for (const english of ['is not declared', 'cannot be reached', 'never used', 'has no way out', 'is not supported', 'needs a role', 'must start below']) assert.ok(!zh.out.includes(english), `no "${english}" in the zh-CN output`);
  const en = await run(['check', '--locale', 'en', file]);
  assert.match(en.out, /error \[unreachable-state\] state "limbo" cannot be reached from "received" \(\/states\/9\)/);
  assert.match(en.out, /error \[bad-migration\] a migration must start below the definition's version 2/);
  assert.doesNotMatch(en.out.replace(/"[^"]*"/g, ''), /未声明|无法到达/);
});
