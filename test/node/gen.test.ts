// The schema pipeline's failure modes: a bad schema names the file and the JSON pointer, exits
// non-zero, and leaves nothing half-written in the output folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const good = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://wuye-kit.dev/schemas/test/thing.schema.json',
  title: 'Thing',
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1 }, at: { type: 'string', format: 'date' } },
};

function runGen(schemas: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'wy-gen-'));
  const schemaDir = join(dir, 'schemas');
  mkdirSync(join(schemaDir, 'vocab'), { recursive: true });
  for (const [name, body] of Object.entries(schemas)) {
    writeFileSync(join(schemaDir, name), typeof body === 'string' ? body : JSON.stringify(body, null, 2));
  }
  const outDir = join(dir, 'generated');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '.scripts/gen/main.ts'], {
    encoding: 'utf8',
    env: { ...process.env, WY_SCHEMA_DIR: schemaDir, WY_OUT_DIR: outDir },
  });
  return { ...r, dir, outDir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

test('gen writes types, a self-contained validator and its .d.ts for a good schema', () => {
  const r = runGen({ 'thing.schema.json': good });
  try {
    assert.equal(r.status, 0, r.stderr);
    const js = readdirSync(join(r.outDir, 'validators'));
    assert.deepEqual(js.sort(), ['index.ts', 'lazy.ts', 'thing.d.ts', 'thing.js']);
    assert.ok(existsSync(join(r.outDir, 'types', 'thing.ts')));
  } finally {
    r.cleanup();
  }
});

test('a typo in a keyword names the file and the JSON pointer; nothing is written', () => {
  const bad = { ...good, properties: { ...good.properties, name: { type: 'string', minLenght: 1 } } };
  const r = runGen({ 'thing.schema.json': bad });
  try {
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /thing\.schema\.json at \/properties\/name\/minLenght: .*unknown keyword/);
    assert.equal(existsSync(r.outDir), false);
    assert.deepEqual(readdirSync(r.dir).filter((f) => f.startsWith('generated')), []);
  } finally {
    r.cleanup();
  }
});

test('a wrong type value is reported with its pointer from the meta-schema', () => {
  const bad = { ...good, properties: { name: { type: 'text' } } };
  const r = runGen({ 'thing.schema.json': bad });
  try {
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /thing\.schema\.json at \/properties\/name\/type/);
  } finally {
    r.cleanup();
  }
});

test('an unresolvable $ref is reported with its pointer', () => {
  const bad = { ...good, properties: { name: { $ref: 'vocab/missing.json' } } };
  const r = runGen({ 'thing.schema.json': bad });
  try {
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /thing\.schema\.json at \/properties\/name: .*missing\.json/);
  } finally {
    r.cleanup();
  }
});

test('broken JSON is reported with line and column', () => {
  const r = runGen({ 'thing.schema.json': '{\n  "title": "x",\n  oops\n}' });
  try {
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /thing\.schema\.json: invalid JSON \(line 3, column \d+\)/);
  } finally {
    r.cleanup();
  }
});

test('an unsupported format is refused, naming where it is used', () => {
  const bad = { ...good, properties: { ip: { type: 'string', format: 'ipv6' } } };
  const r = runGen({ 'thing.schema.json': bad });
  try {
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /at \/properties\/ip: format "ipv6" is not supported/);
  } finally {
    r.cleanup();
  }
});

test('a failed run keeps the previous good output untouched', () => {
  const first = runGen({ 'thing.schema.json': good });
  try {
    assert.equal(first.status, 0, first.stderr);
    const keep = join(first.dir, 'keep');
    cpSync(first.outDir, keep, { recursive: true });
    writeFileSync(join(first.dir, 'schemas', 'thing.schema.json'), JSON.stringify({ ...good, type: 'objekt' }));
    const again = spawnSync(process.execPath, ['--import', 'tsx', '.scripts/gen/main.ts'], {
      encoding: 'utf8',
      env: { ...process.env, WY_SCHEMA_DIR: join(first.dir, 'schemas'), WY_OUT_DIR: first.outDir },
    });
    assert.notEqual(again.status, 0);
    assert.deepEqual(readdirSync(join(first.outDir, 'validators')).sort(), readdirSync(join(keep, 'validators')).sort());
  } finally {
    first.cleanup();
  }
});

test('each vocabulary is its own module; vocab.ts and the vocabulary schema share its lists; $comment stays in the JSON', async () => {
  const vocabSchema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://wuye-kit.dev/schemas/test/vocab/colour.json',
    title: 'Colour',
    $comment: 'a note for whoever edits the file',
    'x-source': 'manual §1',
    type: 'string',
    enum: ['red', 'blue'],
    'x-labels': { red: { 'zh-CN': '红', en: 'Red' }, blue: { 'zh-CN': '蓝', en: 'Blue' } },
  };
  const thing = { ...good, properties: { ...good.properties, colour: { $ref: 'vocab/colour.json' } } };
  const r = runGen({ 'thing.schema.json': thing, 'vocab/colour.json': vocabSchema, 'thing.ui.json': { $comment: 'layout note', fields: {} } });
  try {
    assert.equal(r.status, 0, r.stderr);
    const list = await import(join(r.outDir, 'vocab', 'colour.ts'));
    assert.deepEqual(list.colour, { id: vocabSchema.$id, codes: ['red', 'blue'], labels: vocabSchema['x-labels'] });
    const all = await import(join(r.outDir, 'vocab.ts'));
    assert.equal(all.vocab.colour, list.colour, 'vocab.ts re-uses the per-vocabulary module');
    const schema = (await import(join(r.outDir, 'schemas', 'vocab', 'colour.ts'))).default;
    assert.equal(schema.enum, list.colour.codes, 'the schema module shares the codes array');
    assert.equal(schema['x-labels'], list.colour.labels);
    assert.equal(schema.$id, vocabSchema.$id);
    assert.equal(schema['x-source'], undefined, 'provenance stays out of run-time modules');
    const data = (await import(join(r.outDir, 'data', 'thing.ui.ts'))).default;
    assert.deepEqual(data, { fields: {} }, '$comment stays in the JSON');
  } finally {
    r.cleanup();
  }
});

test('labels.ts is built from the per-schema label modules, not a second copy', async () => {
  const r = runGen({ 'thing.schema.json': { ...good, properties: { name: { type: 'string', 'x-label': { 'zh-CN': '名称', en: 'Name' } } } } });
  try {
    assert.equal(r.status, 0, r.stderr);
    const one = (await import(join(r.outDir, 'labels', 'thing.ts'))).default;
    assert.deepEqual(one, { '/name': { 'zh-CN': '名称', en: 'Name' } });
    const all = (await import(join(r.outDir, 'labels.ts'))).labels;
    assert.equal(all.thing, one);
  } finally {
    r.cleanup();
  }
});
