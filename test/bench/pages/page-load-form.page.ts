// <wy-schema-form> with the page-load schema fetched as JSON at run time (no precompiled
// validator: the form validates with what a run-time schema gets).
// The element as a host imports it: the built package, by its documented path.
import 'wuye-kit/components/schema-form.js';
import type { JsonSchema } from '../../../src/core/form/index.js';
import { measure, checkValidation } from './page-load-measure.js';
import { lastControl } from './page-load-find.js';

const form = document.createElement('wy-schema-form');
const timing = measure(() => lastControl(form, '/f299'));
checkValidation(form);
form.schema = (await (await fetch('./schema.json')).json()) as JsonSchema;
document.body.append(form);
timing.start();
