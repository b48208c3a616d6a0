// What <wy-workflow-panel> loads on demand, each module once per page. The shell paints the
// loading, missing and error messages with none of them; the overview (header, steps, actions)
// loads while the engine answers; the clock cards and the timeline when there is something to
// show in them; the action flow (open, send, conflicts, drafts) when the actor has an action;
// the action form (schema-form, validator, pickers) when an action with fields opens; the
// record's labels when there are entered values or a routing to name.
import { Lazy } from '../shared/lazy.js';

export const parts = {
  body: new Lazy(() => import('./views/body.js')),
  clocks: new Lazy(() => import('./views/clocks.js')),
  timeline: new Lazy(() => import('./views/timeline.js')),
  flow: new Lazy(() => import('./controllers/action-flow.js')),
  labels: new Lazy(() => import('./record-labels.js')),
  form: new Lazy(() => import('./action-form.js')),
};
