import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
const a = '/tmp/intake-gen-before', b = '/tmp/intake/gen-new';
assert.deepEqual((await import(b + '/vocab.ts')).vocab, (await import(a + '/vocab.ts')).vocab);
for (const f of readdirSync(a + '/schemas/vocab')) assert.deepEqual((await import(`${b}/schemas/vocab/${f}`)).default, (await import(`${a}/schemas/vocab/${f}`)).default, f);
assert.deepEqual((await import(b + '/schemas/vocab/index.ts')).vocabById, (await import(a + '/schemas/vocab/index.ts')).vocabById);
console.log('equal');
