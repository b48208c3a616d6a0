// What a host's bundler makes of <wy-schema-form> (issue 16): a bundler that splits code makes one
// chunk of each set of entry points that reach a module, so every module the form loads on demand
// that reached its own share of what the first render loads made one more file to download
// before the form shows (ten, until the form's on-demand modules all went through
// src/components/schema-form/lazy/). Bundled as a host does: the built element
// (dist/components/schema-form.js, what `wuye-kit/components/schema-form.js` resolves to), esbuild
// with code splitting, production conditions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, type Metafile } from 'esbuild';

async function hostBundle(source: string): Promise<{ outputs: Metafile['outputs']; page: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'wy-form-chunks-'));
  try {
    const entry = join(dir, 'page.js');
    writeFileSync(entry, source);
    const r = await build({
      entryPoints: { page: entry },
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      write: false,
      metafile: true,
      outdir: join(dir, 'out'),
      conditions: ['production'],
      nodePaths: [resolve('node_modules')],
      logLevel: 'silent',
    });
    const page = Object.keys(r.metafile.outputs).find((f) => f.endsWith('/page.js'))!;
    return { outputs: r.metafile.outputs, page };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The files a page's module imports statically, transitively (what loads before it runs). */
function staticFiles(outputs: Metafile['outputs'], from: string, seen = new Set<string>()): Set<string> {
  for (const i of outputs[from]!.imports) {
    if (i.kind !== 'import-statement' || seen.has(i.path)) continue;
    seen.add(i.path);
    staticFiles(outputs, i.path, seen);
  }
  return seen;
}

const inputsOf = (outputs: Metafile['outputs'], file: string) => Object.keys(outputs[file]!.inputs).map((p) => p.replace(/^.*node_modules\//, '').replace(resolve('.') + '/', ''));

test('a page with <wy-schema-form> bundled with code splitting downloads its own file and at most two shared ones before the form renders', async () => {
  const element = resolve('dist/components/schema-form.js');
  const { outputs, page } = await hostBundle(`import ${JSON.stringify(element)};\ndocument.body.append(document.createElement('wy-schema-form'));\n`);
  const before = [...staticFiles(outputs, page)];
  // One chunk of what the first render shares with the on-demand modules, and esbuild's own
  // helpers (every chunk esbuild writes imports that one).
  assert.ok(before.length <= 2, `the page imports ${before.length} chunks before it runs:\n${before.map((f) => `  ${f}: ${inputsOf(outputs, f).join(', ')}`).join('\n')}\n(a module the first render shares with an on-demand one belongs in src/components/schema-form/lazy/shared.ts)`);
  // What the form loads on demand stays out of what loads first.
  const first = [page, ...before].flatMap((f) => inputsOf(outputs, f));
  for (const lazy of ['core/form/validation.js', 'core/form/rules.js', 'core/errors.js', 'fields/group-fields.js', 'fields/file-field.js', 'error-summary/error-summary.component.js']) {
    assert.ok(!first.some((p) => p.endsWith(lazy)), `${lazy} loads before the first render`);
  }
  // …and each of them is still its own file, loaded when needed.
  const dynamic = new Set(Object.values(outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)));
  for (const lazy of ['core/form/validation.js', 'core/form/rules.js', 'fields/group-fields.js']) {
    assert.ok([...dynamic].some((f) => inputsOf(outputs, f).some((p) => p.endsWith(lazy))), `${lazy} is loaded on demand`);
  }
});
