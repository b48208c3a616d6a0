import type { Complaint } from '../../generated/types/complaint.js';
import { WyEvent } from '../shared/events.js';

type Rec = Record<string, unknown>;

/** `wy-complaint-save`: the store confirmed the record; the draft was cleared. */
export class WyComplaintSaveEvent extends WyEvent<{
  readonly value: Complaint;
  readonly result: unknown;
}> {
  static readonly type = 'wy-complaint-save';
  constructor(value: Complaint, result: unknown) {
    super(WyComplaintSaveEvent.type, { value, result });
  }
}

/** `wy-complaint-save-fail`: the store (or the record-number hook) failed; nothing was lost. */
export class WyComplaintSaveFailEvent extends WyEvent<{
  readonly value: Rec;
  readonly error: unknown;
}> {
  static readonly type = 'wy-complaint-save-fail';
  constructor(value: Rec, error: unknown) {
    super(WyComplaintSaveFailEvent.type, { value, error });
  }
}

/** @deprecated since 0.2: `WyComplaintSaveEvent` (`wy-complaint-save`). */
export const WyComplaintSavedEvent = WyComplaintSaveEvent;
/** @deprecated since 0.2: `WyComplaintSaveEvent`. */
export type WyComplaintSavedEvent = WyComplaintSaveEvent;
/** @deprecated since 0.2: `WyComplaintSaveFailEvent` (`wy-complaint-save-fail`). */
export const WyComplaintSaveFailedEvent = WyComplaintSaveFailEvent;
/** @deprecated since 0.2: `WyComplaintSaveFailEvent`. */
export type WyComplaintSaveFailedEvent = WyComplaintSaveFailEvent;

/** Event names of 0.1, fired beside the new ones until 0.3. */
export const RENAMED_EVENTS: Readonly<Record<string, string>> = {
  'wy-complaint-saved': 'wy-complaint-save',
  'wy-complaint-save-failed': 'wy-complaint-save-fail',
};

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-complaint-save': WyComplaintSaveEvent;
    'wy-complaint-save-fail': WyComplaintSaveFailEvent;
    /** @deprecated since 0.2: `wy-complaint-save`. */
    'wy-complaint-saved': WyComplaintSaveEvent;
    /** @deprecated since 0.2: `wy-complaint-save-fail`. */
    'wy-complaint-save-failed': WyComplaintSaveFailEvent;
  }
}
