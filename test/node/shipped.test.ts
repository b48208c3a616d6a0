// Every shipped schema, vocabulary and example, checked in Node against the built package
// (npm test builds first): the core runs outside the browser too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { validate, vocab } from '../../dist/core/index.js';

const read = (f: string) => JSON.parse(readFileSync(f, 'utf8'));
const examples = readdirSync('schemas/examples');

test('every *.valid.json example validates against its schema', () => {
  const files = examples.filter((f) => f.endsWith('.valid.json'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const schema = f.replace(/\.valid\.json$/, '');
    for (const [i, record] of (read(join('schemas/examples', f)) as unknown[]).entries()) {
      const r = validate(schema, record);
      assert.deepEqual(r.errors, [], `${f}[${i}]`);
    }
  }
});

test('every *.invalid.json case fails with its expected path and keyword', () => {
  for (const f of examples.filter((x) => x.endsWith('.invalid.json'))) {
    const schema = f.replace(/\.invalid\.json$/, '');
    for (const c of read(join('schemas/examples', f)) as { name: string; expect: { path: string; keyword: string }[]; data: unknown }[]) {
      const r = validate(schema, c.data, { locale: 'en' });
      assert.equal(r.valid, false, `${f}: ${c.name}`);
      for (const e of c.expect) {
        assert.ok(
          r.errors.some((x) => x.path === e.path && x.keyword === e.keyword),
          `${f}: ${c.name}: expected ${e.keyword} at ${e.path}, got ${JSON.stringify(r.errors.map((x) => [x.path, x.keyword]))}`,
        );
      }
    }
  }
});

test('every vocabulary code has a zh-CN and an en label, and the six content categories are the manual\'s', () => {
  for (const [name, v] of Object.entries(vocab)) {
    for (const code of v.codes) {
      const labels = (v.labels as Record<string, { 'zh-CN': string; en: string }>)[code];
      assert.ok(labels?.['zh-CN'] && labels.en, `${name}.${code}`);
    }
  }
  assert.deepEqual(vocab.contentCategory.codes, ['management', 'staff', 'efficiency', 'developer', 'dispute', 'other']);
  assert.deepEqual(
    vocab.contentCategory.codes.map((c) => vocab.contentCategory.labels[c]['zh-CN']),
    ['管理责任类', '人员素质类', '工作效率类', '地产相关类', '业户纠纷类', '其他类'],
  );
});

test('every schema file declares draft-07 and a stable $id', () => {
  const files = readdirSync('schemas').filter((f) => f.endsWith('.schema.json'));
  for (const f of files) {
    const s = read(join('schemas', f));
    assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#', f);
    assert.match(s.$id, /^https:\/\/wuye-kit\.dev\/schemas\//, f);
  }
});
