// What the form's first render loads and the modules it loads later (the other files in this
// folder) also use. A bundler that splits code (esbuild, Rollup) makes one chunk of each set of
// entry points that reach a module: when each module the form loads on demand reached its own
// share of these (lit; the field base; pointers; the locale), a page showing the form downloaded
// ten small chunks before its first render, where a bare Lit page downloads one file, and each
// request costs more than its bytes (test/bench/page-load.bench.mjs, README "Page load"). Every
// on-demand module of the form is imported through a file here that exports `firstRenderShares`,
// so all of them reach all of these, and these make one chunk.
// One export of each module, nothing else: every one is loaded already when the form shows.
// `test/node/form-chunks.test.ts` fails when a shared module escapes this list.
import { html } from 'lit';
import { property } from 'lit/decorators.js';
import { directive } from 'lit/directive.js';
import { isPrimitive } from 'lit/directive-helpers.js';
import { WyFieldBase } from '../fields/field-base.js';
import { WyEvent } from '../../shared/events.js';
import { FormSchemaError } from '../../../core/form/types.js';
import { rulesReady } from '../../../core/form/rule-support.js';
import { deepEqual } from '../../../core/form/conditions.js';
import { getAt } from '../../../core/form/pointer.js';
import { DEFAULT_LOCALE } from '../../../core/i18n/locale.js';
import { escapeKey } from '../../../core/kernel/pointer.js';

/** @internal See the file's comment. */
export const firstRenderShares = [html, property, directive, isPrimitive, WyFieldBase, WyEvent, FormSchemaError, rulesReady, deepEqual, getAt, DEFAULT_LOCALE, escapeKey] as const;
