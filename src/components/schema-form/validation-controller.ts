// <wy-schema-form>'s validation and error display: which errors exist (the validator, async
// checks, the host's errors), which of them show (the error-display policy, touched fields, a
// submit), the error summary, and what the host `<form>` sees (FormData and `:invalid`).
import type { ReactiveController } from 'lit';
import type { FormEngine } from '../../core/form/engine.js';
import type { ValidationError } from '../../core/errors.js';
import type { Text } from '../../core/form/types.js';
import type { Locale } from '../../core/i18n/locale.js';
import { getAt } from '../../core/form/pointer.js';
import { showsError, shownErrors, type ErrorDisplay } from '../../core/form/view.js';
import type { WyFieldBase } from './fields/field-base.js';
import { ensureWidget } from './registry.js';
import type { AsyncValidator } from './schema-form.events.js';
import { validationModule, type ValidatorLoader } from './validator-loader.js';
import { afterPaint } from './after-paint.js';
import { msg } from './messages.js';

const ASYNC_DEBOUNCE_MS = 400;
/** Latest moment the first validity check runs when no frame comes (a page in a background tab). */
const FIRST_VALIDITY_FALLBACK_MS = 250;

/** The form's public properties the controller reads (the form adds the controller). */
export interface ValidationForm {
  requestUpdate(): void;
  readonly errorDisplay: ErrorDisplay;
  /** FormData entry name ('' = the value stays out of FormData). */
  readonly name: string;
  /** Disabled or read-only: never `:invalid`. */
  readonly disabled: boolean;
  readonly readonly: boolean;
}

/** The form's inside, for the controller. */
export interface ValidationHost {
  readonly engine: FormEngine | undefined;
  readonly locale: Locale;
  /** The validator can still be made (a schema is there and it has not failed). */
  readonly canValidate: boolean;
  /** The UI schema's shape is checked (or there is none to check): validity may count as known. */
  readonly uiChecked: boolean;
  /** A schema is given but cannot be used (the error panel shows instead of the form). */
  readonly broken: boolean;
  /** The field elements by pointer. */
  readonly fields: ReadonlyMap<string, WyFieldBase>;
  /** The UI schema's label for a template pointer, if it overrides the schema's. */
  labelOf(template: string): Text | undefined;
  /** Where the browser points for `:invalid` (the submit button). */
  validityAnchor(): HTMLElement | undefined;
  /** updateComplete waits for this (a lazily defined element). */
  trackWidget(p: Promise<unknown>): void;
}

export class ValidationController implements ReactiveController {
  /** Fields left at least once (errors show there under `touched`). */
  readonly touched = new Set<string>();
  /** A submit (or validate()) happened: every error shows. */
  submitted = false;
  private shown = new Map<string, string>();
  private readonly serverErrors = new Map<string, string>();
  private readonly asyncErrors = new Map<string, string>();
  private readonly asyncRuns = new Map<string, { controller: AbortController; timer: ReturnType<typeof setTimeout>; promise: Promise<void> }>();
  private _summary: readonly ValidationError[] = [];
  /** What FormData holds now (set again only when it changes). */
  private lastFormValue: string | null | undefined = undefined;
  /** Cancels the scheduled validity run (a task, or `afterPaint` after a build). */
  private cancelScheduled?: () => void;
  private validityScheduled = false;
  /** Validity was computed since the last build (later changes validate in the next task). */
  private validityPrimed = false;
  /**
   * What the validity was last set from: 'known' (a validation since the last build), else the
   * reason and locale it says it cannot be trusted ('' = nothing set since the build). Until known
   * the form answers "not checked yet" (invalid, with a message), never "valid": a host `<form>`
   * submitted, or `checkValidity()` called, before the validator has loaded must not pass an
   * unchecked value.
   */
  private validitySet = '';

  constructor(
    private readonly form: ValidationForm,
    private readonly host: ValidationHost,
    private readonly internals: ElementInternals,
    private readonly loader: ValidatorLoader,
  ) {
  }

  /** The errors listed in the error summary (empty: no summary). */
  get summary(): readonly ValidationError[] {
    return this._summary;
  }
  set summary(errors: readonly ValidationError[]) {
    this._summary = errors;
    // The error summary's element loads with the first problem to list (updateComplete waits for it).
    if (errors.length) {
      const loading = ensureWidget('wy-error-summary');
      if (loading) this.host.trackWidget(loading);
    }
    this.form.requestUpdate();
  }

  /** The message shown on the field at `path` now ('' = none). */
  errorAt(path: string): string {
    return this.shown.get(path) ?? '';
  }

  /** A new schema or UI schema: nothing shown, validity computed again after the first frame. */
  rebuilt(): void {
    this.shown.clear();
    this.validityPrimed = false;
    this.validitySet = '';
    this.summary = [];
  }

  /** Back to untouched: no errors of any kind, no submit. */
  clear(): void {
    this.touched.clear();
    this.submitted = false;
    this.summary = [];
    this.serverErrors.clear();
    this.asyncErrors.clear();
    this.shown.clear();
    for (const f of this.host.fields.values()) f.error = '';
  }

  /** Validates now and shows every problem (in fields and the summary). */
  async validateAll(): Promise<readonly ValidationError[]> {
    this.submitted = true;
    const errors = await this.computeErrors();
    this.showErrors(errors);
    this.summary = errors;
    return errors;
  }

  /** Waits for the async checks under way. */
  async settleAsync(): Promise<void> {
    await Promise.all([...this.asyncRuns.values()].map((r) => r.promise));
  }

  /** The host's (server's) errors on fields; each clears when its field changes. */
  setServerErrors(errors: readonly { readonly path: string; readonly message: string }[]): void {
    this.serverErrors.clear();
    for (const e of errors) this.serverErrors.set(e.path, e.message);
    void this.validateAll();
  }

  /** The field at `path` was left or committed: its error shows from now on under `touched`. */
  touch(path: string): void {
    this.touched.add(path);
    this.refreshError(path);
  }

  /**
   * The value at `path` changed by user action: its external errors go, its async check is
   * scheduled, and shown errors are refreshed where the policy shows them already.
   */
  changed(path: string, check: AsyncValidator | undefined, wide: boolean): void {
    this.serverErrors.delete(path);
    this.asyncErrors.delete(path);
    if (check) this.scheduleAsync(path, check);
    // Errors: only where the policy shows them already (live, touched, or after a submit).
    const d = this.form.errorDisplay;
    if (d === 'live' || this.submitted || (d === 'touched' && this.touched.has(path)) || this._summary.length) this.refreshErrors(wide);
    this.syncFormValue();
  }

  /** Every error now: the validator's (made first if needed), then async and host errors. */
  async computeErrors(): Promise<ValidationError[]> {
    if (!this.host.engine) return [];
    if (!this.loader.validator) {
      try {
        await this.loader.ensure();
      } catch {
        return [];
      }
    }
    return this.computeErrorsSync() ?? [];
  }

  private computeErrorsSync(): ValidationError[] | undefined {
    const engine = this.host.engine;
    const validator = this.loader.validator;
    const validation = validationModule();
    if (!engine || !validator || !validation) return undefined;
    const errors = validation.validateForm(engine, validator, this.host.locale, (t) => this.host.labelOf(t));
    const seen = new Set(errors.map((e) => e.path));
    for (const [path, message] of [...this.asyncErrors, ...this.serverErrors]) {
      if (!seen.has(path) && !engine.isHidden(path)) errors.push({ path, keyword: 'custom', message, params: {} });
    }
    return errors;
  }

  private shouldShow(path: string): boolean {
    return showsError(
      { display: this.form.errorDisplay, submitted: this.submitted, touched: this.touched, external: (p) => this.serverErrors.has(p) || this.asyncErrors.has(p) },
      path,
    );
  }

  /** Recomputes errors and updates the fields whose shown message changed. */
  refreshErrors(all: boolean): void {
    const errors = this.computeErrorsSync();
    if (!errors) {
      if (this.host.canValidate) void this.loader.ensure().then(() => this.refreshErrors(all), () => undefined);
      return;
    }
    this.showErrors(errors);
    if (this._summary.length) this.summary = errors;
  }

  private refreshError(path: string, force = false): void {
    if (!force && !this.shouldShow(path)) return;
    this.refreshErrors(false);
  }

  /** Puts each field's shown message on it (only where it changed). */
  showErrors(errors: readonly ValidationError[]): void {
    const next = shownErrors(errors, (p) => this.shouldShow(p));
    for (const [path, el] of this.host.fields) {
      const m = next.get(path) ?? '';
      if (el.error !== m) el.error = m;
    }
    this.shown = next;
    this.syncFormValue(errors);
  }

  private scheduleAsync(path: string, check: AsyncValidator): void {
    const prev = this.asyncRuns.get(path);
    if (prev) {
      clearTimeout(prev.timer);
      prev.controller.abort();
    }
    const controller = new AbortController();
    const el = this.host.fields.get(path);
    let timer!: ReturnType<typeof setTimeout>;
    const promise = new Promise<void>((resolve) => {
      timer = setTimeout(async () => {
        if (el) el.pending = true;
        try {
          const value = this.host.engine?.value;
          const message = await check(getAt(value, path), { signal: controller.signal, data: value, locale: this.host.locale });
          if (controller.signal.aborted) return;
          if (message) this.asyncErrors.set(path, message);
          else this.asyncErrors.delete(path);
          this.refreshError(path, true);
        } catch {
          /* aborted or failed: a failing check does not block the user */
        } finally {
          if (!controller.signal.aborted && el) el.pending = false;
          if (this.asyncRuns.get(path)?.controller === controller) this.asyncRuns.delete(path);
          resolve();
        }
      }, ASYNC_DEBOUNCE_MS);
    });
    controller.signal.addEventListener('abort', () => {
      if (el) el.pending = false;
    });
    this.asyncRuns.set(path, { controller, timer, promise });
  }

  // ── what the host <form> sees ─────────────────────────────────────────────────────────────

  /** FormData now; validity now when `errors` are given, else scheduled. */
  syncFormValue(errors?: readonly ValidationError[]): void {
    const engine = this.host.engine;
    if (!engine) {
      this.formWithoutEngine();
      return;
    }
    // Only a named form puts its value in FormData (no pruning and serialising per keystroke otherwise).
    const formValue = this.form.name ? JSON.stringify(engine.submittableValue()) : null;
    if (formValue !== this.lastFormValue) {
      this.lastFormValue = formValue;
      this.internals.setFormValue(formValue);
    }
    if (errors) {
      this.applyValidity(errors);
      return;
    }
    if (this.validitySet !== 'known') this.markInvalidBy('validityPending');
    this.scheduleValidity();
  }

  /**
   * No form to validate: valid when no schema is given (nothing to submit), invalid when the
   * schema or UI schema cannot be used (its value can never be checked).
   */
  private formWithoutEngine(): void {
    if (this.host.broken) this.markInvalidBy('schemaError');
    else if (this.validitySet !== 'none') {
      this.validitySet = 'none';
      this.internals.setValidity({});
    }
  }

  /** Invalid with a message saying why it cannot be trusted, unless the form is disabled or read-only. */
  private markInvalidBy(reason: 'validityPending' | 'schemaError'): void {
    const exempt = this.form.disabled || this.form.readonly;
    const key = exempt ? 'exempt' : `${reason}:${this.host.locale}`;
    if (key === this.validitySet) return;
    this.validitySet = key;
    if (exempt) this.internals.setValidity({});
    else this.internals.setValidity({ customError: true }, msg(this.host.locale, reason), this.host.validityAnchor());
  }

  /**
   * Validating the whole value for `:invalid` and the host form's checkValidity() runs in the
   * task after the one that changed it (a keystroke), not inside it; after a (re)build, only once
   * the first frame with the form is painted (the run-time validator is also made then, not on
   * the first render). The form's own checkValidity()/reportValidity()/requestSubmit() validate at once.
   */
  private scheduleValidity(): void {
    if (this.validityScheduled) return;
    this.validityScheduled = true;
    const run = () => {
      if (this.validityScheduled) this.flushValidity();
    };
    if (this.validityPrimed) {
      const timer = setTimeout(run, 0);
      this.cancelScheduled = () => clearTimeout(timer);
      return;
    }
    this.cancelScheduled = afterPaint(run, FIRST_VALIDITY_FALLBACK_MS);
  }

  /** Computes validity now (the validator made first, if it is not there yet). */
  flushValidity(): void {
    this.cancelValidity();
    this.validityPrimed = true;
    if (!this.host.engine) return;
    if (!this.loader.validator) {
      if (this.host.canValidate) void this.loader.ensure().then(() => this.flushValidity(), () => undefined);
      return;
    }
    this.applyValidity(this.computeErrorsSync() ?? []);
  }

  private cancelValidity(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = undefined;
    this.validityScheduled = false;
  }

  private applyValidity(errs: readonly ValidationError[]): void {
    // The value is checked, the UI schema's shape not yet: still "not checked yet" (the form
    // runs validity again once the UI schema has passed).
    if (!this.host.uiChecked) {
      this.markInvalidBy('validityPending');
      return;
    }
    this.validitySet = 'known';
    if (errs.length && !this.form.disabled && !this.form.readonly) {
      this.internals.setValidity({ customError: true }, errs.map((e) => e.message).join('\n'), this.host.validityAnchor());
    } else this.internals.setValidity({});
  }

  hostDisconnected(): void {
    this.cancelValidity();
    for (const r of this.asyncRuns.values()) {
      clearTimeout(r.timer);
      r.controller.abort();
    }
  }
}
