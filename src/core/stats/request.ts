// The statistics table asked of a server: the options `<wy-complaint-stats>` shows (rows, period,
// comparison, range, filter) as URL query parameters, read back into `aggregateComplaints` options
// on the server (`createStatsHandler` in wuye-kit/server), and the table the server answers
// checked before it is shown. Pure: the same module writes the request in the browser and reads
// it on the server, so the two cannot drift.
import { isPeriodPreset, resolvePreset, type PeriodPreset, type StatsPeriod } from './period.js';
import type { AggregateOptions } from './aggregate.js';
import type { StatsCompare, StatsFilter, StatsGroupBy, StatsTable } from './table.js';

/** What the element asks for: its own options, the preset unresolved (the server's clock decides "this month"). */
export interface StatsRequest {
  readonly groupBy?: StatsGroupBy;
  readonly granularity?: StatsPeriod;
  /** A relative period (`this-month` …); wins over from/to. `custom` or unset: from/to. */
  readonly preset?: PeriodPreset;
  readonly compare?: StatsCompare;
  readonly from?: string;
  readonly to?: string;
  readonly filter?: StatsFilter;
  readonly asOf?: string;
}

const FILTER_KEYS = ['kind', 'channel', 'severity', 'complainantType'] as const;
const MAX_PARAM = 200;

/**
 * The request as a query string (no leading `?`), parameters in a fixed order so equal requests
 * are equal strings: `groupBy`, `granularity`, `preset`, `compare`, `from`, `to`, `asOf`, and each
 * filter as a comma-separated list (`kind=complaint,suggestion`; `kind=` for "every kind").
 */
export function statsRequestQuery(request: StatsRequest): string {
  const parts: string[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value !== undefined) parts.push(`${name}=${encodeURIComponent(value)}`);
  };
  add('groupBy', request.groupBy);
  add('granularity', request.granularity);
  add('preset', request.preset && request.preset !== 'custom' ? request.preset : undefined);
  add('compare', request.compare);
  add('from', request.from || undefined);
  add('to', request.to || undefined);
  add('asOf', request.asOf || undefined);
  for (const k of FILTER_KEYS) {
    const codes = request.filter?.[k];
    if (codes) add(k, codes.join(','));
  }
  return parts.join('&');
}

/** Something with URLSearchParams' `get` (core is typed without the DOM library). */
export interface ParamReader {
  get(name: string): string | null;
}

/**
 * Reads a request's query back into `aggregateComplaints` options. `now` (epoch ms, the server's
 * clock) resolves a preset. Throws a RangeError naming the parameter for anything malformed; the
 * values themselves (a month that is not one, an unknown groupBy) are checked by
 * `aggregateComplaints` / `complaintStatsSql`, with their own messages.
 */
export function statsRequestOptions(params: ParamReader, now: number): AggregateOptions {
  const read = (name: string): string | undefined => {
    const v = params.get(name);
    if (v === null) return undefined;
    if (v.length > MAX_PARAM) throw new RangeError(`${name} is longer than ${MAX_PARAM} characters`);
    return v;
  };
  const preset = read('preset');
  let from = read('from');
  let to = read('to');
  let period = read('granularity') as StatsPeriod | undefined;
  if (preset !== undefined && preset !== 'custom') {
    if (!isPeriodPreset(preset)) throw new RangeError(`preset must be one of this-month, last-month, this-quarter, last-quarter, this-year, last-year or custom, not "${preset}"`);
    const resolved = resolvePreset(preset, now);
    from = resolved.months.from;
    to = resolved.months.to;
    period = resolved.granularity;
  }
  const filter: { -readonly [K in keyof StatsFilter]: string[] } = {};
  for (const k of FILTER_KEYS) {
    const v = read(k);
    if (v !== undefined) filter[k] = v === '' ? [] : v.split(',');
  }
  const groupBy = read('groupBy') as StatsGroupBy | undefined;
  const compare = read('compare') as StatsCompare | undefined;
  const asOf = read('asOf');
  return {
    ...(groupBy !== undefined ? { groupBy } : {}),
    ...(period !== undefined ? { period } : {}),
    ...(compare !== undefined ? { compare } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(asOf !== undefined ? { asOf } : {}),
    ...(Object.keys(filter).length ? { filter } : {}),
  };
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isRow = (x: unknown): boolean => isObj(x) && typeof x['key'] === 'string' && typeof x['kind'] === 'string' && isObj(x['label']) && Array.isArray(x['counts']) && typeof x['total'] === 'number' && Array.isArray(x['measures']);

/**
 * Checks that `data` (a server's JSON answer) has the shape of a `StatsTable` before an element
 * shows it; throws a TypeError saying what is wrong. It checks the shape, not the sums: the
 * server counted them.
 */
export function readStatsTable(data: unknown): StatsTable {
  const bad = (what: string): never => {
    throw new TypeError(`not a statistics table: ${what}`);
  };
  if (!isObj(data)) return bad('expected an object');
  if (!['office', 'region', 'month'].includes(data['groupBy'] as string)) bad('groupBy');
  if (!['month', 'quarter', 'year'].includes(data['period'] as string)) bad('period');
  if (!['none', 'mom', 'yoy'].includes(data['compare'] as string)) bad('compare');
  const range = data['range'];
  if (!isObj(range) || typeof range['from'] !== 'string' || typeof range['to'] !== 'string') bad('range');
  if (!Array.isArray(data['categories']) || !data['categories'].every((c) => typeof c === 'string')) bad('categories');
  if (!Array.isArray(data['measures']) || !data['measures'].every((m) => isObj(m) && typeof m['id'] === 'string')) bad('measures');
  if (!Array.isArray(data['rows']) || !data['rows'].every(isRow)) bad('rows');
  if (!isRow(data['total'])) bad('total');
  if (!isObj(data['skipped']) || !isObj(data['filter']) || typeof data['recordCount'] !== 'number') bad('skipped, filter or recordCount');
  return data as unknown as StatsTable;
}
