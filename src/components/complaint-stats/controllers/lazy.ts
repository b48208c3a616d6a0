import { Lazy } from '../../shared/lazy.js';

/**
 * What `<wy-complaint-stats>` loads on demand, shared by every statistics element on the page:
 * the element's entry holds the class shell only. The model (counting, sorting, CSV: the
 * statistics core) and the views of the first paint are asked for together on the first render;
 * the `src` fetcher only with a `src`; the paper form on idle (printing must render at once) or
 * when shown; the Excel export on first use.
 */
export const statsModules = {
  model: new Lazy(() => import('./model.js')),
  source: new Lazy(() => import('./source.js')),
  period: new Lazy(() => import('./period.js')),
  exports: new Lazy(() => import('./exports.js')),
  controls: new Lazy(() => import('../views/controls.view.js')),
  report: new Lazy(() => import('../views/report.view.js')),
  table: new Lazy(() => import('../views/table.view.js')),
  chart: new Lazy(() => import('../views/chart.view.js')),
  form: new Lazy(() => import('../views/form.view.js')),
};
