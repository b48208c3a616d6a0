// Reads the shipped schemas from the package's own schemas/ folder (shipped in the npm package:
// `files` lists it), so the CLI checks against exactly the schemas of its version.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonSchema } from '../core/form/types.js';
import type { Shipped } from './check.js';

/** `schemas/` of this package: two levels up from src/cli/ and from dist/cli/ alike. */
export function packageSchemasDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schemas');
}

export interface ShippedSchemas extends Omit<Shipped, 'schemaRef'> {
  readonly dir: string;
  /** The `Shipped` view for one checked file (its `$schema` suggestions are relative to it). */
  forFile(file: string): Shipped;
}

export function loadShipped(dir = packageSchemasDir()): ShippedSchemas {
  const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as JsonSchema;
  const schemas = new Map<string, JsonSchema>();
  const ids = new Map<string, string>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.schema.json')).sort()) {
    const name = f.slice(0, -'.schema.json'.length);
    const s = read(join(dir, f));
    schemas.set(name, s);
    if (typeof s.$id === 'string') ids.set(s.$id, name);
  }
  const vocabDir = join(dir, 'vocab');
  const vocab = existsSync(vocabDir) ? readdirSync(vocabDir).filter((f) => f.endsWith('.json')).sort().map((f) => read(join(vocabDir, f))) : [];
  // schemas/meta/: the meta-schemas of forms and vocabularies (draft-07 plus provenance), read by
  // `wuye-kit check` only; no run-time validator is generated for them.
  const metaDir = join(dir, 'meta');
  const meta = new Map<string, JsonSchema>();
  if (existsSync(metaDir)) for (const f of readdirSync(metaDir).filter((x) => x.endsWith('.schema.json')).sort()) meta.set(f.slice(0, -'.schema.json'.length), read(join(metaDir, f)));
  const base = { dir, schemas, ids, vocab, meta };
  return {
    ...base,
    forFile(file: string): Shipped {
      return {
        ...base,
        schemaRef(name: string) {
          const rel = relative(dirname(file), join(dir, `${name}.schema.json`)).split(sep).join('/');
          return rel.startsWith('.') ? rel : `./${rel}`;
        },
      };
    },
  };
}
