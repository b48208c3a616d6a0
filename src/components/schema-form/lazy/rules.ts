// The form rules (JSONLogic) — loaded on demand by the form, beside what its first render shares (see shared.ts).
export * from '../../../core/form/rules.js';
export { firstRenderShares } from './shared.js';
