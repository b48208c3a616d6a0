import type { StatsCellFilter } from '../../core/stats/filter.js';
import { WyEvent } from '../shared/events.js';

/** The user chose a cell: `detail.filter` selects the records behind it (`statsRecordMatcher`); no record travels with it. */
export class WyStatsCellSelectEvent extends WyEvent<{ readonly filter: StatsCellFilter; readonly row: string; readonly column: string }> {
  static readonly type = 'wy-stats-cell-select';
  constructor(filter: StatsCellFilter, row: string, column: string) {
    super(WyStatsCellSelectEvent.type, { filter, row, column });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'wy-stats-cell-select': WyStatsCellSelectEvent;
  }
}
