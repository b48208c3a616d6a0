// Custom Elements Manifest: generated from the JSDoc headers of the elements.
export default {
  globs: ['src/components/**/*.component.ts'],
  exclude: ['src/**/*.test.ts', 'src/generated/**'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
};
