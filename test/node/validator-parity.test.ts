// One corpus of accept/reject cases, run through both validation paths: the precompiled one
// (`wuye-kit compile`: Ajv standalone code, imported as a module) and the interpreter used for
// schemas given at run time. Both must agree on validity and give the same error paths,
// keywords and messages (zh-CN and en), because hosts and users see those.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compileSchema } from '../../src/cli/compile.js';
import type { Shipped } from '../../src/cli/check.js';
import { interpretSchema } from '../../src/core/form/interpreter.js';
import { mapErrors } from '../../src/core/errors.js';
import type { GeneratedError } from '../../src/generated/validator-types.js';
import type { JsonSchema } from '../../src/core/form/types.js';

interface Case {
  readonly name: string;
  readonly schema: JsonSchema;
  readonly refs?: readonly JsonSchema[];
  readonly valid: readonly unknown[];
  readonly invalid: readonly unknown[];
}

const D7 = 'http://json-schema.org/draft-07/schema#';
const address: JsonSchema = {
  $schema: D7,
  $id: 'https://example.com/schemas/address.json',
  type: 'object',
  required: ['building'],
  properties: { building: { type: 'string', minLength: 1 }, room: { type: 'string', pattern: '^\\d{3,4}$' } },
};

export const CORPUS: readonly Case[] = [
  {
    name: 'oneOf: a phone or an e-mail, exactly one',
    schema: { type: 'object', properties: { contact: { oneOf: [{ type: 'string', pattern: '^1\\d{10}$' }, { type: 'string', format: 'email' }] } } },
    valid: [{ contact: '13800138000' }, { contact: 'wang@example.com' }, {}],
    invalid: [{ contact: 'nobody' }, { contact: 42 }],
  },
  {
    name: 'oneOf: two branches pass',
    schema: { type: 'object', properties: { n: { oneOf: [{ type: 'number' }, { type: 'integer' }] } } },
    valid: [{ n: 1.5 }],
    invalid: [{ n: 2 }, { n: 'x' }],
  },
  {
    name: 'uniqueItems over strings (typed items)',
    schema: { type: 'object', properties: { tags: { type: 'array', items: { type: 'string' }, uniqueItems: true, maxItems: 4 } } },
    valid: [{ tags: ['a', 'b'] }, { tags: [] }],
    invalid: [{ tags: ['a', 'b', 'a'] }, { tags: ['a', 'b', 'c', 'd', 'a'] }, { tags: ['x', 1] }],
  },
  {
    name: 'uniqueItems over objects and untyped items',
    schema: { type: 'object', properties: { rows: { type: 'array', items: { type: 'object' }, uniqueItems: true }, any: { type: 'array', uniqueItems: true } } },
    valid: [{ rows: [{ a: 1 }, { a: 2 }], any: [1, '1', true] }],
    invalid: [{ rows: [{ a: 1, b: [1] }, { b: [1], a: 1 }] }, { any: [1, 2, 3, 2, 1] }],
  },
  {
    name: 'dependencies: property lists and a schema',
    schema: {
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'number' }, d: { type: 'boolean' } },
      dependencies: { a: ['b', 'c'], d: { required: ['a'], properties: { c: { minimum: 10 } } } },
    },
    valid: [{}, { a: 'x', b: 'y', c: 1 }, { d: true, a: 'x', b: 'y', c: 10 }],
    invalid: [{ a: 'x' }, { a: 'x', c: 1 }, { d: false }, { d: true, a: 'x', b: 'y', c: 3 }],
  },
  {
    name: 'nullable and const',
    schema: {
      type: 'object',
      properties: {
        note: { type: ['string', 'null'], maxLength: 3 },
        openapi: { type: 'string', nullable: true },
        kind: { const: 'complaint' },
        flag: { type: 'boolean', const: true },
      },
    },
    valid: [{ note: null, openapi: null, kind: 'complaint', flag: true }, { note: 'abc', openapi: 'x' }],
    invalid: [{ note: 'abcd' }, { note: 5 }, { openapi: 5 }, { kind: 'praise' }, { flag: false }, { flag: 'yes' }],
  },
  {
    name: '$ref into definitions, allOf adding requirements, and an external $ref by $id',
    schema: {
      $schema: D7,
      $id: 'https://example.com/schemas/visit.json',
      type: 'object',
      definitions: { person: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 }, phone: { type: 'string', pattern: '^1\\d{10}$' } } } },
      properties: {
        who: { allOf: [{ $ref: '#/definitions/person' }, { required: ['phone'] }] },
        others: { type: 'array', items: { $ref: '#/definitions/person' }, minItems: 1 },
        where: { $ref: 'address.json' },
      },
      required: ['who'],
    },
    refs: [address],
    valid: [{ who: { name: '王', phone: '13800138000' } }, { who: { name: '王', phone: '13800138000' }, others: [{ name: '李' }], where: { building: '3栋', room: '1201' } }],
    invalid: [{}, { who: { name: '' } }, { who: { name: '王', phone: '123' }, others: [] }, { who: { name: '王', phone: '13800138000' }, others: [{}, { name: 5 }] }, { who: { name: '王', phone: '13800138000' }, where: { room: '12' } }],
  },
  {
    name: 'root if/then/else',
    schema: {
      type: 'object',
      properties: { kind: { type: 'string', enum: ['owner', 'tenant'] }, room: { type: 'string' }, lease: { type: 'string', format: 'date' } },
      if: { properties: { kind: { const: 'tenant' } }, required: ['kind'] },
      then: { required: ['lease'] },
      else: { required: ['room'] },
    },
    valid: [{ kind: 'tenant', lease: '2026-12-31' }, { kind: 'owner', room: '1201' }, { room: '1' }],
    invalid: [{ kind: 'tenant' }, { kind: 'owner' }, {}, { kind: 'tenant', lease: '2026-02-30' }, { kind: 'boss', room: '1' }],
  },
  {
    name: 'formats the kit uses',
    schema: {
      type: 'object',
      properties: {
        date: { type: 'string', format: 'date' },
        at: { type: 'string', format: 'date-time' },
        time: { type: 'string', format: 'time' },
        email: { type: 'string', format: 'email' },
        uri: { type: 'string', format: 'uri' },
        uuid: { type: 'string', format: 'uuid' },
        limit: { type: 'string', format: 'duration' },
        n: { type: 'number', format: 'date' },
      },
    },
    valid: [
      { date: '2024-02-29', at: '2026-10-16T09:30:00+08:00', time: '09:30:00Z', email: 'a.b@c.cn', uri: 'https://wuye.example/x?y=1', uuid: '3f2504e0-4f89-11d3-9a0c-0305e82c3301', limit: 'PT48H', n: 5 },
      { at: '2026-10-16t01:30:00.5z', limit: 'P1DT2H', time: '23:59:60Z' },
    ],
    invalid: [
      { date: '2023-02-29' },
      { date: '2026-1-5' },
      { at: '2026-10-16T09:30:00' },
      { at: '2026-10-16 25:00:00Z' },
      { time: '09:30' },
      { email: 'a@b' },
      { uri: 'not a uri' },
      { uri: 'relative/path' },
      { uuid: '3f2504e0' },
      { limit: 'PT' },
      { limit: 'P1H' },
    ],
  },
  {
    name: 'strings and numbers: lengths in code points, Unicode patterns, limits, multipleOf, integer',
    schema: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 2, maxLength: 4 },
        zh: { type: 'string', pattern: '^\\p{Script=Han}+$' },
        one: { type: 'string', minLength: 1 },
        price: { type: 'number', minimum: 0, exclusiveMaximum: 1000, multipleOf: 0.5 },
        score: { type: 'integer', maximum: 5, exclusiveMinimum: 0 },
      },
    },
    valid: [{ name: '😀😀', zh: '物业', one: 'x', price: 999.5, score: 5 }, { name: '王小明', price: 0 }],
    invalid: [{ name: '😀' }, { name: 'abcde' }, { zh: 'abc' }, { one: '' }, { price: -1 }, { price: 1000 }, { price: 0.3 }, { score: 0 }, { score: 2.5 }, { score: 6 }, { price: '1' }],
  },
  {
    name: 'closed records: additionalProperties, patternProperties, propertyNames, min/maxProperties, a false schema',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'string' }, 'x/y': { type: 'number' }, secret: false as unknown as JsonSchema },
      patternProperties: { '^x-': { type: 'string' } },
      propertyNames: { maxLength: 6 },
      maxProperties: 3,
      minProperties: 1,
    },
    valid: [{ a: 'b' }, { 'x/y': 1, 'x-note': 'ok' }],
    invalid: [{}, { a: 'b', extra: 1 }, { 'x-note': 5 }, { 'x/y': 'one' }, { secret: 1 }, { a: '1', 'x/y': 1, 'x-a': 'b', 'x-b': 'c' }, { 'x-toolong': 'v' }],
  },
  {
    name: 'anyOf and not',
    schema: {
      type: 'object',
      properties: {
        id: { anyOf: [{ type: 'string', pattern: '^C-' }, { type: 'integer', minimum: 1 }] },
        word: { type: 'string', not: { enum: ['admin', 'root'] } },
      },
    },
    valid: [{ id: 'C-1' }, { id: 3, word: 'user' }],
    invalid: [{ id: 'X-1' }, { id: 0 }, { word: 'root' }, { id: null }],
  },
  {
    name: 'arrays: tuples, additionalItems, contains, nested required',
    schema: {
      type: 'object',
      properties: {
        pair: { type: 'array', items: [{ type: 'string' }, { type: 'number' }], additionalItems: false, minItems: 2 },
        list: { type: 'array', items: { type: 'object', required: ['id', 'name'], properties: { id: { type: 'string' }, name: { type: 'string' } } } },
        has: { type: 'array', contains: { const: 'x' } },
      },
    },
    valid: [{ pair: ['a', 1], list: [{ id: '1', name: 'n' }], has: ['y', 'x'] }],
    invalid: [{ pair: ['a'] }, { pair: ['a', 1, 2] }, { pair: [1, 'a'] }, { list: [{ id: '1', name: 'n' }, { id: 2 }] }, { has: ['y'] }, { list: {} }],
  },
  {
    name: 'type with enum, and a required property the schema does not define',
    schema: { type: 'object', required: ['status', 'undeclared'], properties: { status: { type: 'string', enum: ['open', 'closed'] } } },
    valid: [{ status: 'open', undeclared: 1 }],
    invalid: [{ status: 5 }, {}, { status: 'open' }, null, []],
  },
];

const shipped: Shipped = { schemas: new Map(), ids: new Map(), vocab: [], schemaRef: (n: string) => n } as unknown as Shipped;
const tmp = mkdtempSync(join(tmpdir(), 'wy-parity-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

type Compiled = ((d: unknown) => boolean) & { errors?: GeneratedError[] | null };

async function precompiled(c: Case, i: number): Promise<(d: unknown) => GeneratedError[]> {
  const refsAsShipped: Shipped = { ...shipped, vocab: c.refs ?? [] };
  const { code } = await compileSchema(c.schema, refsAsShipped, 'en');
  const file = join(tmp, `v${i}.mjs`);
  writeFileSync(file, code);
  const fn = (await import(pathToFileURL(file).href) as { default: Compiled }).default;
  return (d) => (fn(d) ? [] : [...(fn.errors ?? [])]);
}

const shape = (errors: readonly GeneratedError[]) => errors.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();
const words = (errors: readonly GeneratedError[], locale: 'zh-CN' | 'en') =>
  mapErrors(errors, { locale, labelOf: (p) => (p ? `«${p}»` : undefined) })
    .map((e) => `${e.path} ${e.keyword} ${e.message}`)
    .sort();

CORPUS.forEach((c, i) => {
  test(`parity: ${c.name}`, async () => {
    const pre = await precompiled(c, i);
    const interp = interpretSchema(c.schema, { refs: c.refs ?? [] });
    for (const v of c.valid) {
      assert.deepEqual(pre(v), [], `precompiled rejects ${JSON.stringify(v)}`);
      assert.deepEqual(interp(v), [], `interpreter rejects ${JSON.stringify(v)}: ${shape(interp(v)).join('; ')}`);
    }
    for (const v of c.invalid) {
      const a = pre(v);
      const b = interp(v);
      assert.ok(a.length > 0, `precompiled accepts ${JSON.stringify(v)}`);
      assert.deepEqual(shape(b), shape(a), `raw errors for ${JSON.stringify(v)}`);
      assert.deepEqual(words(b, 'zh-CN'), words(a, 'zh-CN'));
      assert.deepEqual(words(b, 'en'), words(a, 'en'));
    }
  });
});

test('the interpreter refuses what it cannot use: an unresolvable $ref, a broken pattern', () => {
  assert.throws(() => interpretSchema({ type: 'object', properties: { a: { $ref: 'https://example.com/nowhere.json' } } }), /cannot resolve \$ref/);
  assert.throws(() => interpretSchema({ type: 'object', properties: { a: { $ref: '#/definitions/missing' } } }), /cannot resolve \$ref/);
  assert.throws(() => interpretSchema({ type: 'string', pattern: '([a-z' }), /invalid pattern/);
});
