// The form validation (interpreter, error mapping) — loaded on demand by the form, beside what its first render shares (see shared.ts).
export * from '../../../core/form/validation.js';
export { firstRenderShares } from './shared.js';
