// The error summary element — loaded on demand by the form, beside what its first render shares (see shared.ts).
export * from '../../error-summary/error-summary.js';
export { firstRenderShares } from './shared.js';
