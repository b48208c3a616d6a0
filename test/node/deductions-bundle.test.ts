// The calculator element's entry is the class shell: the deduction engine, the rule-set check with
// its schema validator, the example rule set, the views of a result, the what-if panel, the
// rule-set editor with <wy-error-summary> and the CSV export are imported on demand
// (deduction-calculator.parts.ts), so define.js and a page that registers the element carry none
// of them up front (sizes: test/bench/deductions.bench.mjs and size.bench.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';

test('the element entry holds the class shell; engine, check, views and export load on demand', async () => {
  const result = await build({
    entryPoints: ['src/components/deduction-calculator/deduction-calculator.ts'],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: 'test/bench/.out/deduction-split',
    write: false,
    metafile: true,
    external: ['lit', 'lit/*', '@lit/*'],
    tsconfig: 'tsconfig.json',
    logLevel: 'silent',
  });
  const outputs = Object.values(result.metafile.outputs);
  const entry = outputs.find((o) => o.entryPoint?.endsWith('deduction-calculator.ts'))!;
  const staticFiles = new Set<string>();
  const visit = (o: (typeof outputs)[number]) => {
    for (const input of Object.keys(o.inputs)) staticFiles.add(input);
    for (const imp of o.imports) {
      if (imp.kind !== 'import-statement') continue;
      const next = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith(imp.path.split('/').pop()!))?.[1];
      if (next && next !== o) visit(next);
    }
  };
  visit(entry);
  assert.ok(staticFiles.has('src/components/deduction-calculator/deduction-calculator.component.ts'));
  assert.ok(staticFiles.has('src/components/shared/lazy.ts'), 'the shared LazyController');
  const onDemand: [string, string][] = [
    ['src/core/deductions/engine.ts', 'the deduction engine'],
    ['src/core/deductions/compile.ts', 'the rule compiler'],
    ['src/core/deductions/check.ts', 'the rule-set check'],
    ['src/core/deductions/explain.ts', 'the explanations and CSV tables'],
    ['src/core/deductions/vocab.ts', 'the vocabularies'],
    ['src/generated/validators/deduction-rules.js', 'the rule-set validator'],
    ['src/generated/data/deduction-rules.default.ts', 'the shipped example rule set'],
    ['src/core/export/csv.ts', 'the CSV writer'],
    ['src/components/deduction-calculator/controllers/model.ts', 'the model'],
    ['src/components/deduction-calculator/views/messages.ts', 'the report messages'],
    ['src/components/deduction-calculator/views/table.ts', 'the summary table'],
    ['src/components/deduction-calculator/views/what-if.ts', 'the what-if panel'],
    ['src/components/deduction-calculator/views/editor.ts', 'the rule-set editor'],
    ['src/components/error-summary/error-summary.component.ts', '<wy-error-summary>'],
    ['src/components/shared/period-controls.ts', 'the period controls'],
  ];
  const bundled = (file: string) => outputs.some((o) => Object.hasOwn(o.inputs, file));
  for (const [file, what] of onDemand) {
    assert.ok(!staticFiles.has(file), `${what} (${file}) is in the entry's static graph`);
    assert.ok(bundled(file), `${what} (${file}) is not in any chunk: the test no longer sees it`);
  }
  // Not even on demand: the calculator names only the validator and vocabularies it uses.
  assert.ok(!bundled('src/generated/validators/index.ts'), 'every shipped validator is bundled');
  assert.ok(!bundled('src/generated/vocab.ts'), 'every vocabulary is bundled');
  assert.ok(entry.imports.some((i) => i.kind === 'dynamic-import'));
});
