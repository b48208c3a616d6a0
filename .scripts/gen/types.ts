// TypeScript types of the shipped schemas (json-schema-to-typescript). Vocabulary `$ref`s
// become named string unions.
import { compile as compileTs } from 'json-schema-to-typescript';
import { BANNER, GenError, emit, pascal, type Inputs, type Paths } from './context.js';

export async function writeTypes(p: Paths, { main }: Inputs): Promise<void> {
  for (const s of main) {
    const title = s.schema['title'];
    let ts: string;
    try {
      ts = await compileTs(s.schema as Parameters<typeof compileTs>[0], pascal(typeof title === 'string' ? title : s.name), {
        bannerComment: BANNER.trim(),
        cwd: p.schemaDir,
        additionalProperties: false,
        declareExternallyReferenced: true,
        unreachableDefinitions: true,
        format: true,
        $refOptions: { resolve: { external: true } },
      });
    } catch (err) {
      throw new GenError(s.file, undefined, `json-schema-to-typescript: ${err instanceof Error ? err.message : String(err)}`);
    }
    emit(p, `types/${s.name}.ts`, ts);
  }
}
