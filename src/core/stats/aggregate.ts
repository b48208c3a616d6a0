import { countRecords, finishTable, newCounting } from './count.js';
import { resolveOptions, type AggregateOptions } from './options.js';
import type { StatsTable } from './table.js';

export { statsFilterOf } from './options.js';
export type { AggregateOptions } from './options.js';
export { aggregateCells } from './cells.js';
export type { StatsCell, StatsCellInput } from './cells.js';

/**
 * The complaint classification statistics table (顾客投诉分类统计表) as data: rows by office,
 * region → office or month; columns the six content categories, total and share; ratio
 * measures computed as ratio of sums at every level; comparison with the previous period or
 * the same period last year. One pass over the records into typed-array counters (office ids
 * interned to small integers, months read from the timestamp's characters in Asia/Shanghai
 * time); everything after that works on the small office × month cube.
 *
 * Only office, time, category, kind, channel, severity, complainant type, validity, deadline,
 * reply time and satisfaction are read: no personal data can reach the table.
 */
export function aggregateComplaints(records: ArrayLike<unknown>, options: AggregateOptions = {}): StatsTable {
  const r = resolveOptions(options);
  const counting = newCounting(r, options.offices ?? []);
  countRecords(records, r, counting);
  return finishTable(counting, r, options, records.length);
}
