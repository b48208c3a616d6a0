import { Lazy } from '../shared/lazy.js';

/**
 * What <wy-complaint-form> loads on demand, page-wide, when it connects (its entry paints the
 * header and a loading state): the intake logic, its view, and <wy-schema-form> with its fields
 * (which the entry does not import). The form's data (schema, layout, guide, validator) is core's
 * `loadComplaintFormData()`.
 */
export const lazyParts = {
  intake: new Lazy(() => import('./controllers/intake.controller.js')),
  view: new Lazy(() => import('./views/intake.view.js')),
  schemaForm: new Lazy(() => import('../schema-form/schema-form.js')),
};
