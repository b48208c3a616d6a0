// The object and array fields — loaded on demand by the form, beside what its first render shares (see shared.ts).
export * from '../fields/group-fields.js';
export { firstRenderShares } from './shared.js';
