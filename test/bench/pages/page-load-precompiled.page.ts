// <wy-schema-form> with the page-load schema fetched as JSON at run time and its validator
// precompiled (what `npx wuye-kit compile` makes), given as a loader (`loadPrecompiled`, the
// documented way): the validator module loads when the form first validates, after its first
// frame, instead of being parsed before the form shows.
// The element as a host imports it: the built package, by its documented path.
import 'wuye-kit/components/schema-form.js';
import type { JsonSchema } from '../../../src/core/form/index.js';
import type { GeneratedValidator } from '../../../src/generated/validator-types.js';
import { measure, checkValidation } from './page-load-measure.js';
import { lastControl } from './page-load-find.js';

const form = document.createElement('wy-schema-form');
const timing = measure(() => lastControl(form, '/f299'));
checkValidation(form);
// Written by page-load.bench.mjs before bundling; esbuild aliases this name to that file.
form.loadPrecompiled = () => import('wy-bench-page-load-validator') as unknown as Promise<{ default: GeneratedValidator<unknown> }>;
form.schema = (await (await fetch('./schema.json')).json()) as JsonSchema;
document.body.append(form);
timing.start();
