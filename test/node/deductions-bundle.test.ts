// The calculator element's entry keeps the rule-set schema validator out: the check is loaded on
// first use (src/core/deductions/check.ts), so a page that shows the calculator does not carry
// the validator's code until it checks a rule set (sizes: test/bench/deductions.bench.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';

test('the element entry imports the rule-set check only dynamically', async () => {
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
  assert.ok(staticFiles.has('src/core/deductions/engine.ts'));
  assert.ok(!staticFiles.has('src/generated/validators/deduction-rules.js'), 'the validator is in the static graph');
  assert.ok(!staticFiles.has('src/generated/validators/index.ts'), 'every shipped validator is in the static graph');
  assert.ok(!staticFiles.has('src/generated/vocab.ts'), 'every vocabulary is in the static graph');
  assert.ok(!staticFiles.has('src/generated/data/deduction-rules.default.ts'), 'the shipped example rule set loads with the check, not in the entry');
  assert.ok(!staticFiles.has('src/components/deduction-calculator/deduction-calculator.what-if.ts'), 'the what-if panel loads when first opened');
  assert.ok(staticFiles.has('src/components/shared/period-controls.ts'), 'the shared period controls');
  assert.ok(entry.imports.some((i) => i.kind === 'dynamic-import'));
});
