// Modules the benchmarks write before bundling (esbuild `alias` points the name at the file).
declare module 'wy-bench-page-load-validator' {
  const validate: ((data: unknown) => boolean) & { errors?: null | { instancePath: string; schemaPath: string; keyword: string; params: Record<string, unknown> }[] };
  export default validate;
}
