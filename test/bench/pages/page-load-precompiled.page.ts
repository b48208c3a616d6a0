// <wy-schema-form> with the page-load schema fetched as JSON at run time and its validator
// precompiled (what `npx wuye-kit compile` makes), imported by the page.
import '../../../src/components/schema-form/schema-form.js';
import type { JsonSchema } from '../../../src/core/form/index.js';
import type { GeneratedValidator } from '../../../src/generated/validator-types.js';
import { measure, checkValidation } from './page-load-measure.js';
import { lastControl } from './page-load-find.js';
// Written by page-load.bench.mjs before bundling; esbuild aliases this name to that file.
import validator from 'wy-bench-page-load-validator';

const form = document.createElement('wy-schema-form');
const timing = measure(() => lastControl(form, '/f299'));
checkValidation(form);
form.precompiled = validator as GeneratedValidator<unknown>;
form.schema = (await (await fetch('./schema.json')).json()) as JsonSchema;
document.body.append(form);
timing.start();
