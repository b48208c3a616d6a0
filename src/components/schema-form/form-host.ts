import { createContext } from '@lit/context';
import type { TemplateResult } from 'lit';
import type { FormEngine } from '../../core/form/engine.js';
import type { Locale } from '../../core/i18n/locale.js';
import type { WyFieldBase } from './fields/field-base.js';

import type { Uploader } from '../shared/uploader.js';

export type { Uploader } from '../shared/uploader.js';

/**
 * What a <wy-schema-form> offers the fields inside it (through context, across shadow roots):
 * the engine, field registration for fine-grained updates, and rendering of nested fields.
 * @internal
 */
export interface FormHost {
  readonly engine: FormEngine;
  readonly locale: Locale;
  readonly readonly: boolean;
  readonly uploader: Uploader | undefined;
  register(field: WyFieldBase): void;
  unregister(field: WyFieldBase): void;
  /** Renders the field at a concrete pointer (used by object and array fields). */
  renderField(pointer: string): TemplateResult;
  /** A field changed its value as a whole (array add/remove, file upload). */
  commit(pointer: string, value: unknown): void;
}

export const formHostContext = createContext<FormHost | undefined>(Symbol.for('wy:form-host'));
