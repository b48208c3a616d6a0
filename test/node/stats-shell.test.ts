// <wy-complaint-stats> ships as a class shell (issue 12 item 5, issue 16 item 6): what the built
// entry `wuye-kit/components/complaint-stats.js` imports statically holds no counting, no views
// and no exports; those are reached only through `import()`. Reads the built package (dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';

const entry = resolve('dist/components/complaint-stats.js');

/** The modules reached from `file` by static imports, and those named by `import()` along the way. */
function graph(file: string): { eager: Set<string>; lazy: Set<string> } {
  const eager = new Set<string>();
  const lazy = new Set<string>();
  const walk = (f: string) => {
    if (eager.has(f)) return;
    eager.add(f);
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w${}*,\s]+from\s*)?["'](\.[^"']+)["']/g)) walk(resolve(dirname(f), m[1]!));
    for (const m of text.matchAll(/import\(\s*["'](\.[^"']+)["']\s*\)/g)) lazy.add(resolve(dirname(f), m[1]!));
  };
  walk(file);
  return { eager, lazy };
}

const name = (f: string) => relative(resolve('dist'), f).replaceAll('\\', '/');

test('the complaint-stats entry holds the class shell: counting, views and exports load on demand', () => {
  assert.ok(existsSync(entry), `${entry} is missing: run npm run build first`);
  const { eager, lazy } = graph(entry);
  const up = [...eager].map(name);
  assert.ok(up.includes('components/complaint-stats/complaint-stats.component.js'), up.join(', '));
  const heavy = up.filter((f) => /^core\/stats\/(?!config\.js$)/.test(f) || /complaint-stats\/(views|controllers\/(?!lazy\.js$))/.test(f) || f.includes('virtualizer'));
  assert.deepEqual(heavy, [], `imported up front: ${heavy.join(', ')}`);
  const later = [...lazy].map(name);
  for (const part of ['controllers/model.js', 'controllers/source.js', 'controllers/exports.js', 'views/table.view.js', 'views/form.view.js']) {
    assert.ok(later.includes(`components/complaint-stats/${part}`), `${part} is not loaded on demand (${later.join(', ')})`);
  }
  // What the model loads is the statistics core itself.
  const model = graph(resolve('dist/components/complaint-stats/controllers/model.js')).eager;
  assert.ok([...model].map(name).includes('core/stats/aggregate.js'));
});
