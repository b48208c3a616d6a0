// What the parts loaded on demand (views/body.ts, controllers/action-flow.ts) see of the panel:
// its inputs and loaded data, read at the moment they are asked for. Types only.
import type { Locale } from '../../core/i18n/locale.js';
import type { AvailableAction } from '../../workflow/actions.js';
import type { Engine } from '../../workflow/engine.js';
import type { Actor, Snapshot, WorkflowDefinition } from '../../workflow/types.js';
import type { ReferenceData } from '../shared/context.js';

export interface FlowHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
  dispatchEvent(event: Event): boolean;
  readonly instanceId: string | undefined;
  readonly draftKey: string | undefined;
  readonly prefill: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;
  readonly engine: Engine | undefined;
  readonly actor: Actor | undefined;
  readonly reference: ReferenceData | undefined;
  readonly snapshot: Snapshot | undefined;
  readonly actions: readonly AvailableAction[];
  readonly definition: WorkflowDefinition | undefined;
  readonly locale: Locale;
  /** The instant forms are checked at: the `now` property, else the page clock. */
  clockNow(): number;
  /** Says `text` in the live region (cleared when the language changes). */
  speak(text: string): void;
  /** Loads the instance again. */
  reload(): Promise<void>;
}
