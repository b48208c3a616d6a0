// Writes schemas/README.md from the provenance data (run by `npm run gen` with the tsx loader).
import { writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSchemasReadme } from '../src/cli/schemas-readme.ts';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'schemas');
writeFileSync(join(dir, 'README.md'), renderSchemasReadme(dir));
console.log('gen: schemas/README.md');
