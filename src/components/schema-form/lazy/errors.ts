// The error wording — loaded on demand by the form, beside what its first render shares (see shared.ts).
export * from '../../../core/errors.js';
export { firstRenderShares } from './shared.js';
