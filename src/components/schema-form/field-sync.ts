// Fine-grained updates of <wy-schema-form>: after a keystroke only the field elements whose state
// or value the engine says changed are touched (no re-render of the form).
import type { ChangeResult, FormEngine } from '../../core/form/engine.js';
import { getAt } from '../../core/form/pointer.js';
import type { WyFieldBase } from './fields/field-base.js';

/** The registered field element an event came from (through shadow roots), if any. */
export function fieldOfEvent(e: Event): WyFieldBase | undefined {
  return e.composedPath().find((n): n is WyFieldBase => n instanceof HTMLElement && 'registeredAs' in n && Boolean((n as WyFieldBase).registeredAs));
}

/**
 * Puts an engine change on the field elements: shown/required/enabled where rules changed them,
 * the value where a rule computed it (not on `path`, the field the user is typing in).
 */
export function syncFields(fields: ReadonlyMap<string, WyFieldBase>, engine: FormEngine, result: ChangeResult, path: string, formDisabled: boolean): void {
  for (const [p, s] of result.states) {
    const el = fields.get(p);
    if (el) {
      el.hidden = !s.visible;
      el.required = s.required;
      el.disabled = !s.enabled || formDisabled;
    }
  }
  for (const p of result.values) {
    if (p === path) continue;
    const el = fields.get(p);
    if (el) el.value = getAt(engine.value, p);
  }
}
