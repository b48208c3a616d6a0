// <wy-schema-form> with a generated 300-field schema and 50 rules, in headless Chromium, side by
// side with a bare Lit page of 300 inputs (no validation, no rules): first render and the work
// of one keystroke (median and p95 of 100), five page loads each.
import { mkdirSync, writeFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { build } from 'esbuild';
import { bundlePage, inBrowser } from './browser.mjs';
import { bigSchema } from './pages/big-schema.ts';
import { row, median, percentile } from './harness.mjs';

async function measure(name, entry) {
  const page = await bundlePage(name, entry);
  const renders = [];
  const keys = [];
  for (let run = 0; run < 5; run++) {
    const r = await inBrowser(page, () => window.benchResult);
    renders.push(r.firstRender);
    keys.push(...r.keystrokes);
  }
  renders.sort((a, b) => a - b);
  keys.sort((a, b) => a - b);
  return { render: median(renders), keyMedian: median(keys), keyP95: percentile(keys, 95) };
}

/** The big schema's Ajv standalone validator as an ES module (what `wuye-kit compile` makes). */
async function writeValidator() {
  const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: false, messages: false });
  addFormats(ajv, ['date']);
  const fn = ajv.compile(bigSchema().schema);
  const r = await build({ stdin: { contents: standaloneCode(ajv, fn), resolveDir: '.', loader: 'js' }, bundle: true, format: 'esm', write: false, logLevel: 'silent' });
  mkdirSync('test/bench/.out', { recursive: true });
  writeFileSync('test/bench/.out/big-validator.js', r.outputFiles[0].text);
  writeFileSync('test/bench/.out/big-validator.d.ts', 'declare const v: ((d: unknown) => boolean) & { errors?: null | { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown> }[] };\nexport default v;\n');
}

export default async function bench() {
  await writeValidator();
  const form = await measure('schema-form-bench', 'test/bench/pages/schema-form-bench.page.ts');
  const bare = await measure('bare-lit-bench', 'test/bench/pages/bare-lit-bench.page.ts');
  const b = 'form: 300 fields, 50 rules';
  return [
    row(b, 'first render (from navigation)', form.render, 'ms', `target < 200 ms; bare Lit ${bare.render.toFixed(0)} ms (${(form.render / bare.render).toFixed(2)}×)`),
    row(b, 'keystroke median', form.keyMedian, 'ms', `target < 3 ms (design), < 16 ms (issue); bare Lit ${bare.keyMedian.toFixed(2)} ms`),
    row(b, 'keystroke p95', form.keyP95, 'ms', `bare Lit ${bare.keyP95.toFixed(2)} ms`),
  ];
}
