// The file field — loaded on demand by the form, beside what its first render shares (see shared.ts).
export * from '../fields/file-field.js';
export { firstRenderShares } from './shared.js';
