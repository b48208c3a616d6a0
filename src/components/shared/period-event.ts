import type { PeriodCompare, PeriodPreset } from '../../core/stats/period.js';
import { WyEvent } from './events.js';

/** `detail` of `wy-period-change`: the period the user chose in an element's period controls. */
export interface PeriodChangeDetail {
  readonly preset: PeriodPreset;
  /** First day, `YYYY-MM-DD` (Asia/Shanghai). */
  readonly from: string;
  /** Last day, inclusive. */
  readonly to: string;
  readonly compare: PeriodCompare;
}

/** The user changed the period (preset, custom range or comparison) in a statistics or deduction element. */
export class WyPeriodChangeEvent extends WyEvent<PeriodChangeDetail> {
  static readonly type = 'wy-period-change';
  constructor(detail: PeriodChangeDetail) {
    super(WyPeriodChangeEvent.type, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-period-change': WyPeriodChangeEvent;
  }
}
