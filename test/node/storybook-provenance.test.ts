// Storybook docs show where each shipped fact comes from (issue 14): every element docs page
// (.storybook/docs-page.ts) ends with the facts its stories use, a "默认值 — 请替换 · default —
// replace" badge beside each default and the manual's reference beside the rest; the
// "Configurator/Where each fact comes from" page shows every file. Rendered here with React's
// server renderer from the real schemas/ files; the built Storybook is checked by screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createElement, type ReactElement } from 'react';
import { FileProvenance, ProvenanceSection, filesFor, BADGE_TEXT } from '../../.storybook/provenance-blocks.js';
import { factsOf, provenanceSummary } from '../../src/core/provenance.js';
import { shippedConfigFiles } from '../../src/cli/main.js';

// react-dom ships no types here (no @types/react-dom dev dependency): the one function used, typed.
const serverModule = 'react-dom/server';
const { renderToStaticMarkup } = (await import(serverModule)) as { renderToStaticMarkup(element: ReactElement): string };
const root = process.cwd();
const read = (name: string) => JSON.parse(readFileSync(join(root, 'schemas', name), 'utf8')) as unknown;
const files = shippedConfigFiles(join(root, 'schemas')).map((f) => relative(join(root, 'schemas'), f).split(sep).join('/'));

test('each fact of every shipped file gets its row; each default the "default — replace" badge beside it', () => {
  let defaults = 0;
  for (const name of files) {
    const data = read(name);
    const facts = factsOf(data);
    const html = renderToStaticMarkup(createElement(FileProvenance, { file: { name, data } }));
    if (!facts.length) continue;
    const n = provenanceSummary(facts);
    const rows = html.split('<tr class="wy-prov-row ').slice(1);
    assert.equal(rows.length, facts.length, name);
    rows.forEach((row, i) => {
      const p = facts[i]!.provenance;
      if (p.kind === 'default') {
        assert.ok(row.startsWith('wy-prov-row-default'), `${name} ${facts[i]!.what}`);
        assert.ok(row.includes(`wy-prov-default"`) && row.includes(BADGE_TEXT.default), `${name} ${facts[i]!.what}: badge beside the default`);
      } else {
        assert.ok(!row.includes(BADGE_TEXT.default), `${name} ${facts[i]!.what}: no default badge on a manual fact`);
        assert.ok(row.includes(BADGE_TEXT.manual), `${name} ${facts[i]!.what}`);
      }
    });
    assert.ok(html.includes(`默认值 ${n.default}`) && html.includes(`defaults ${n.default}`), name);
    defaults += n.default;
  }
  assert.ok(defaults > 200, `${defaults} defaults`);
});

test('the badge text is one source for the docs (both languages) and the playground (the page\'s language)', () => {
  assert.equal(BADGE_TEXT.default, '默认值 — 请替换 · default — replace');
  const playground = readFileSync('stories/configurator-playground.stories.ts', 'utf8');
  assert.match(playground, /from '\.\.\/\.storybook\/provenance-text\.js'/);
  assert.match(playground, /const badge = BADGE_TEXT\[locale\]/);
  assert.equal(BADGE_TEXT['zh-CN'].default, '默认值 — 请替换');
  assert.equal(BADGE_TEXT.en.default, 'default — replace');
});

test('every element with shipped facts has its files on its docs page, and every listed file exists', () => {
  const stories = readdirSync('stories').filter((f) => f.endsWith('.stories.ts'));
  const pages = stories.map((f) => {
    const text = readFileSync(join('stories', f), 'utf8');
    return { file: f, title: /title: '([^']+)'/.exec(text)?.[1], component: /component: '([^']+)'/.exec(text)?.[1] };
  });
  for (const tag of ['wy-complaint-form', 'wy-defect-checklist', 'wy-deduction-calculator', 'wy-complaint-stats', 'wy-workflow-panel']) {
    const page = pages.find((p) => p.component === tag);
    assert.ok(page, `a stories file for ${tag}`);
    assert.ok(filesFor(page).length > 0, `${tag} shows its shipped facts`);
  }
  for (const page of pages) for (const name of filesFor(page)) assert.ok(existsSync(join(root, 'schemas', name)), `${page.file}: schemas/${name}`);
  assert.deepEqual(filesFor({ title: 'Theming/Tokens only' }), []);
  const section = renderToStaticMarkup(createElement(ProvenanceSection, { files: filesFor({ component: 'wy-deduction-calculator' }).map((name) => ({ name, data: read(name) })) }));
  assert.match(section, /<h2 id="provenance">出处 · Where each fact comes from<\/h2>/);
  assert.match(section, /schemas\/deduction-rules\.default\.json/);
  assert.equal(renderToStaticMarkup(createElement(ProvenanceSection, { files: [] })), '');
});
