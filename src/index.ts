// wuye-kit: every public class, function and type. Importing this registers no element;
// import `wuye-kit/define.js` (all) or `wuye-kit/components/<name>.js` (one) for that.
export * from './core/index.js';
export { WyEvent } from './components/shared/events.js';
export { actorContext, localeContext, referenceContext, storeContext } from './components/shared/context.js';
export type { Actor, ReferenceData } from './components/shared/context.js';
export { LocalizeController } from './components/shared/localize-controller.js';
export { WyErrorSummary, WyErrorSelectEvent } from './components/error-summary/error-summary.component.js';
export { WyKitProvider } from './components/kit-provider/kit-provider.component.js';
