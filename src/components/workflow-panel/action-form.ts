// What an open action's form needs, loaded on demand when the first action with fields opens
// (none of it is needed to show the instance): the <wy-schema-form> element, the event's
// precompiled validator, the event's UI schema (schemas/workflow-events.ui.json) and the pickers
// of its fields from the host's reference lists (staff, contractors), as each field's `picker` says.
import '../schema-form/schema-form.js';
import eventsUi from '../../generated/data/workflow-events.ui.js';
import type { GeneratedValidator } from '../../generated/validator-types.js';
import type { UiSchema } from '../../core/form/ui.js';
import type { AvailableAction } from '../../workflow/actions.js';
import { actionDefaults, eventUiSchema, pickerChoices, withPickers, type PickerLists } from '../../workflow/action-defaults.js';
import type { Actor, Snapshot, WorkflowDefinition } from '../../workflow/types.js';
import { eventFieldsValidator } from './event-validator.js';
import { splitPointer } from '../../core/kernel/pointer.js';

export { checkTimes, timeRulesOf } from '../../workflow/action-defaults.js';

export interface ActionFormInput {
  readonly action: AvailableAction;
  readonly snapshot: Snapshot;
  readonly definition: WorkflowDefinition | undefined;
  readonly actor: Actor | undefined;
  readonly now: number;
  /** The host's values for this event (`prefill` property). */
  readonly prefill: Readonly<Record<string, unknown>> | undefined;
  /** What the user typed before (a kept draft): wins over every default. */
  readonly draft: unknown;
  /** The host's reference lists (`reference.staff`, `reference.contractors`); a field whose list is absent or empty is typed as ID and name. */
  readonly reference: PickerLists | undefined;
}

export interface ActionForm {
  /** The fields' schema, with the pickers' choices on picker fields. */
  readonly schema: Readonly<Record<string, unknown>>;
  /** The event's UI schema (order, widgets, hints); the caller adds the submit label. */
  readonly ui: UiSchema;
  readonly initial: unknown;
  readonly validator: GeneratedValidator<unknown>;
}

/** The form of an action: schema with pickers, UI schema, initial value and validator. */
export async function actionForm(input: ActionFormInput): Promise<ActionForm> {
  const { action, snapshot } = input;
  const base = action.schema ?? {};
  const defaults = { ...actionDefaults(base, snapshot, input.actor, input.now), ...input.prefill };
  const initial = input.draft ?? (Object.keys(defaults).length ? defaults : undefined);
  const ui = (action.fields ? eventUiSchema(eventsUi as UiSchema, action.fields) : undefined) ?? {};
  const current = (pointer: string) => (initial !== null && typeof initial === 'object' ? (initial as Record<string, unknown>)[splitPointer(pointer)[0] ?? ''] : undefined);
  const schema = withPickers(base, ui, (p, picker) => pickerChoices(picker, input.reference, snapshot, input.definition, current(p)));
  const validator = await eventFieldsValidator(action.fields ?? '');
  return { schema, ui, initial, validator };
}
