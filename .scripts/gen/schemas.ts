// The shipped schemas as modules (the form engine and core read them), without provenance notes.
import { relative } from 'node:path';
import { stripProvenance } from './provenance.js';
import { BANNER, emit, type Inputs, type Paths } from './context.js';

export function writeSchemaModules(p: Paths, { main }: Inputs): void {
  for (const s of main) {
    emit(
      p,
      `schemas/${s.name}.ts`,
      `${BANNER}/** ${relative(p.root, s.file)} */\nconst schema: Readonly<Record<string, unknown>> = ${JSON.stringify(stripProvenance(s.schema, false), null, 2)};\nexport default schema;\n`,
    );
  }
}
