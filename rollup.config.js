// Two outputs:
//  1. dist/ — the package: ESM, one file per module (preserveModules) so hosts import one element
//     without the rest; lit and @lit/context stay external (peer dependencies).
//  2. dist/wuye-kit.bundle.js — one self-registering file, lit included, minified, for a plain
//     <script type="module"> page with no bundler.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import esbuild from 'rollup-plugin-esbuild';
import { nodeResolve } from '@rollup/plugin-node-resolve';

const tsconfig = new URL('./tsconfig.json', import.meta.url).pathname;

/** Public entry modules: the three entry points plus each element's registration module. */
function entries() {
  const list = ['src/index.ts', 'src/define.ts', 'src/core/index.ts'];
  // src/server is Node only (wuye-kit/server); its drivers (better-sqlite3, pg) stay external.
  for (const dir of ['src/workflow', 'src/react', 'src/server']) {
    try {
      if (statSync(join(dir, 'index.ts')).isFile()) list.push(join(dir, 'index.ts'));
    } catch {
      /* entry point not present */
    }
  }
  for (const name of readdirSync('src/components')) {
    const file = join('src/components', name, `${name}.ts`);
    try {
      if (statSync(file).isFile()) list.push(file);
    } catch {
      /* a shared folder, not an element */
    }
  }
  return list;
}

// Peer dependencies (lit) and runtime dependencies stay external in the package build; the host's
// bundler resolves them. The self-registering bundle includes everything.
const external = (id) =>
  /^(lit|idb|write-excel-file|react|react-dom|better-sqlite3|pg)(\/|$)/.test(id) || /^@lit(-labs)?\//.test(id) || id.startsWith('node:');

export default [
  // The `wuye-kit` command (check / compile / serve / demo): one Node file; Ajv and esbuild are loaded by name
  // when `compile` runs (optional peer dependencies).
  {
    input: 'src/cli/wuye-kit.ts',
    // `serve` and `demo` load the server (better-sqlite3, pg) and jose by name at run time too, from
    // a chunk of their own: `check` and `compile` work without the server's peer dependencies.
    external: (id) => id.startsWith('node:') || /^(ajv|ajv-formats|esbuild|better-sqlite3|pg|jose)(\/|$)/.test(id),
    plugins: [nodeResolve(), esbuild({ target: 'node20', tsconfig })],
    output: {
      dir: 'dist/cli',
      entryFileNames: 'wuye-kit.js',
      chunkFileNames: '[name]-[hash].js',
      format: 'esm',
      banner: (chunk) => (chunk.isEntry ? '#!/usr/bin/env node' : ''),
    },
  },
  {
    input: entries(),
    external,
    plugins: [nodeResolve(), esbuild({ target: 'es2022', tsconfig })],
    output: {
      dir: 'dist',
      format: 'esm',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: '[name].js',
    },
  },
  {
    input: 'src/bundle.ts',
    plugins: [nodeResolve(), esbuild({ target: 'es2022', tsconfig, minify: true })],
    // Ajv (for schemas compiled at run time) stays a lazily loaded chunk beside the bundle.
    output: { dir: 'dist', entryFileNames: 'wuye-kit.bundle.js', chunkFileNames: 'bundle-chunks/[name]-[hash].js', format: 'esm' },
  },
];
