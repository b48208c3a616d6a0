#!/usr/bin/env -S node --import tsx
// `npm run gen`: the schema pipeline, schemas/ (draft-07) → src/generated/. One maker per kind
// of output, run in this order:
//   compile.ts     checks vocabularies, meta-validates and compiles every schema (one Ajv)
//   validators.ts  validators/<name>.js + .d.ts (standalone, zero imports), index.ts, lazy.ts, validator-types.ts
//   types.ts       types/<name>.ts (json-schema-to-typescript)
//   schemas.ts     schemas/<name>.ts, the schema JSON as a module (the form engine reads it)
//   vocab.ts       vocab/<name>.ts, vocab.ts, schemas/vocab/<name>.ts and its index
//   vendor.ts      vendor/json-logic.js, vendor/ajv.js (CommonJS packages as ES modules)
//   data.ts        data/<file>.ts, data/workflows.ts, data/calendars.ts
//   labels.ts      labels/<name>.ts and labels.ts (field labels by JSON pointer)
// Everything is written to a temporary folder first and swapped in only when every maker
// succeeded, so a failure never leaves a half-written src/generated behind. Several runs at once
// (parallel test runs) take turns through a lock folder.
import { readdirSync, mkdirSync, rmSync, renameSync, existsSync, statSync } from 'node:fs';
import { join, relative, basename, dirname } from 'node:path';
import { GenError, paths, readSchema, type Inputs, type Paths } from './context.js';
import { checkVocabularies, compileAll } from './compile.js';
import { writeValidators } from './validators.js';
import { writeTypes } from './types.js';
import { writeSchemaModules } from './schemas.js';
import { writeVocabularies } from './vocab.js';
import { writeVendor } from './vendor.js';
import { writeDataModules } from './data.js';
import { writeLabels } from './labels.js';

function readInputs(p: Paths): Inputs {
  const vocabDir = join(p.schemaDir, 'vocab');
  const vocabFiles = existsSync(vocabDir) ? readdirSync(vocabDir).filter((f) => f.endsWith('.json')).sort() : [];
  const files = readdirSync(p.schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
  const vocab = vocabFiles.map((f) => readSchema(join(vocabDir, f), basename(f, '.json')));
  const main = files.map((f) => readSchema(join(p.schemaDir, f), basename(f, '.schema.json')));
  return { vocab, main, all: [...vocab, ...main] };
}

async function generate(p: Paths): Promise<void> {
  const inputs = readInputs(p);
  checkVocabularies(inputs.vocab);
  const compiled = compileAll(inputs);
  rmSync(p.tmpDir, { recursive: true, force: true });
  mkdirSync(p.tmpDir, { recursive: true });
  await writeValidators(p, inputs, compiled);
  await writeTypes(p, inputs);
  writeSchemaModules(p, inputs);
  writeVocabularies(p, inputs);
  await writeVendor(p);
  writeDataModules(p);
  writeLabels(p, inputs);
  // Swap in: move the old folder aside, move the new one in, then delete the old one, so readers
  // (a running test server) never see a missing folder for longer than two renames.
  const old = `${p.outDir}.old-${process.pid}`;
  if (existsSync(p.outDir)) renameSync(p.outDir, old);
  renameSync(p.tmpDir, p.outDir);
  rmSync(old, { recursive: true, force: true });
  console.log(
    `gen: ${inputs.main.length} schemas, ${inputs.vocab.length} vocabularies, formats [${compiled.formats.join(', ')}] → ${relative(process.cwd(), p.outDir) || p.outDir}`,
  );
}

async function withLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock, { recursive: false });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        mkdirSync(dirname(lock), { recursive: true });
        continue;
      }
      // A lock older than two minutes belongs to a run that died.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error(`gen: ${lock} is held by another run`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const p = paths();
withLock(`${p.outDir}.lock`, () => generate(p)).catch((err: unknown) => {
  rmSync(p.tmpDir, { recursive: true, force: true });
  console.error(`gen failed: ${err instanceof GenError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exit(1);
});
