// One vocabulary per module (src/generated/vocab/<name>.ts) and the helpers that label its codes
// without the table of every vocabulary: the same labels as vocabLabel/vocabOptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { listLabel, listOptions } from '../../src/core/i18n/vocab-list.js';
import { vocabLabel, vocabOptions } from '../../src/core/index.js';
import { trade } from '../../src/generated/vocab/trade.js';
import { contentCategory } from '../../src/generated/vocab/content-category.js';
import { vocab } from '../../src/generated/vocab.js';

test('a vocabulary module holds the codes and labels of its JSON file', () => {
  const json = JSON.parse(readFileSync('schemas/vocab/trade.json', 'utf8')) as { $id: string; enum: string[]; 'x-labels': Record<string, unknown> };
  assert.equal(trade.id, json.$id);
  assert.deepEqual(trade.codes, json.enum);
  assert.deepEqual(trade.labels, json['x-labels']);
  assert.equal(vocab.trade, trade, 'the table of every vocabulary re-uses the module');
});

test('listLabel and listOptions agree with vocabLabel and vocabOptions, in zh-CN and en', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const code of contentCategory.codes) assert.equal(listLabel(contentCategory, code, locale), vocabLabel('contentCategory', code, locale));
    assert.deepEqual(listOptions(trade, locale), vocabOptions('trade', locale));
  }
  assert.notEqual(listLabel(contentCategory, contentCategory.codes[0], 'en'), listLabel(contentCategory, contentCategory.codes[0], 'zh-CN'));
});

test('an unknown code (or a prototype key) is shown as itself', () => {
  assert.equal(listLabel(trade, 'no-such-trade', 'en'), 'no-such-trade');
  assert.equal(listLabel(trade, '__proto__', 'zh-CN'), '__proto__');
  assert.equal(listLabel(trade, 'constructor', 'zh-CN'), 'constructor');
});
