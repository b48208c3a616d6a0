// The four vocabularies it writes, each from its own module (not the checklist's six), so the
// CSV export an element keeps up front carries only those.
import { houseLocation } from '../../generated/vocab/house-location.js';
import { trade } from '../../generated/vocab/trade.js';
import { defectSeverity } from '../../generated/vocab/defect-severity.js';
import { defectStatus } from '../../generated/vocab/defect-status.js';
import { listLabel } from '../i18n/vocab-list.js';
import type { CsvTable } from '../export/csv.js';
import { pick, type Locale } from '../i18n/locale.js';
import { defectText } from './messages.js';
import { defectLabel as defectFieldLabel } from './defect-labels.js';
import { isOverdue, localDate } from './time.js';
import type { Defect, DefectContractor, DefectHouse } from './types.js';
import { SHANGHAI_OFFSET_MINUTES } from '../kernel/time.js';

/** The house as one line: 华苑花园 3栋 2单元 1202. */
export function houseLabel(house: Partial<DefectHouse> | undefined): string {
  if (!house) return '';
  return [house.project, house.building, house.unit, house.room].filter((p) => p).join(' ');
}

/** A stable key of a house, for grouping. */
export function houseKey(house: Partial<DefectHouse> | undefined): string {
  if (!house) return '';
  return [house.project, house.building, house.unit, house.floor, house.room].map((p) => p ?? '').join('\u0000');
}

/** A contractor's name in `locale`; the id when unknown, so nothing renders blank. */
export function contractorName(contractors: readonly DefectContractor[] | undefined, id: string | undefined, locale: Locale): string {
  if (!id) return '';
  const c = contractors?.find((x) => x.id === id);
  return (c && pick(c.name, locale)) || id;
}

export interface ProblemListHouse {
  readonly key: string;
  readonly house: DefectHouse;
  readonly items: readonly Defect[];
}

export interface ProblemListGroup {
  /** `undefined` for defects not yet assigned to a contractor. */
  readonly contractorId?: string;
  readonly houses: readonly ProblemListHouse[];
  readonly count: number;
  readonly overdue: number;
}

export interface ProblemListOptions {
  /** Known contractors: their order is the order of the groups (unknown ids follow, unassigned last). */
  readonly contractors?: readonly DefectContractor[];
  /** Keep closed defects in the list; default false (the list is what is left to fix). */
  readonly includeClosed?: boolean;
  /** Only this contractor's group. */
  readonly contractorId?: string;
  readonly now: string | number | { getTime(): number };
}

const locationOrder = new Map<string, number>(houseLocation.codes.map((c, i) => [c, i]));
const tradeOrder = new Map<string, number>(trade.codes.map((c, i) => [c, i]));

/**
 * The problem list (生成问题清单): defects grouped per responsible contractor, then per house,
 * each house's defects in location then trade order.
 */
export function problemList(items: readonly Defect[], options: ProblemListOptions): ProblemListGroup[] {
  const groups = new Map<string, Map<string, Defect[]>>();
  for (const item of items) {
    if (!options.includeClosed && item.status === 'closed') continue;
    const cid = item.contractorId ?? '';
    if (options.contractorId !== undefined && cid !== options.contractorId) continue;
    let houses = groups.get(cid);
    if (!houses) groups.set(cid, (houses = new Map()));
    const hk = houseKey(item.house);
    let list = houses.get(hk);
    if (!list) houses.set(hk, (list = []));
    list.push(item);
  }
  const order = new Map((options.contractors ?? []).map((c, i) => [c.id, i]));
  const rank = (id: string) => (id === '' ? Number.MAX_SAFE_INTEGER : (order.get(id) ?? Number.MAX_SAFE_INTEGER - 1));
  const byItem = (a: Defect, b: Defect) =>
    (locationOrder.get(a.location) ?? 999) - (locationOrder.get(b.location) ?? 999) ||
    (tradeOrder.get(a.trade) ?? 999) - (tradeOrder.get(b.trade) ?? 999) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return [...groups]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([cid, houses]) => {
      const hs = [...houses]
        .sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }))
        .map(([key, list]) => ({ key, house: list[0]!.house, items: list.sort(byItem) }));
      let count = 0, overdue = 0;
      for (const h of hs) for (const i of h.items) {
        count++;
        if (isOverdue(i, options.now)) overdue++;
      }
      return { ...(cid ? { contractorId: cid } : {}), houses: hs, count, overdue };
    });
}

export interface ProblemListCsvOptions extends ProblemListOptions {
  readonly locale?: Locale;
  /** Offset of the dates written (minutes east of UTC); default Asia/Shanghai (+08:00). */
  readonly utcOffsetMinutes?: number;
}

const COLUMNS = ['/contractorId', '/house/project', '/house/building', '/house/unit', '/house/room', '/id', '/location', '/trade', '/description', '/severity', '/status', '/due', '/foundAt', '/foundBy'] as const;

/**
 * The problem list as a table for `toCsv()` (UTF-8 with BOM for Excel): one row per defect,
 * grouped as `problemList()` groups them. Column headers are the schema's field labels.
 */
export function problemListTable(items: readonly Defect[], options: ProblemListCsvOptions): CsvTable {
  const locale = options.locale ?? 'zh-CN';
  const label = (path: string) => defectFieldLabel(path, locale);
  const off = options.utcOffsetMinutes ?? SHANGHAI_OFFSET_MINUTES;
  const rows: (string | number)[][] = [];
  for (const g of problemList(items, options)) {
    const name = contractorName(options.contractors, g.contractorId, locale);
    for (const h of g.houses) {
      for (const d of h.items) {
        rows.push([
          name,
          d.house.project,
          d.house.building,
          d.house.unit ?? '',
          d.house.room,
          d.id,
          listLabel(houseLocation, d.location, locale),
          listLabel(trade, d.trade, locale),
          d.description,
          listLabel(defectSeverity, d.severity, locale),
          listLabel(defectStatus, d.status, locale),
          localDate(d.due, off),
          isOverdue(d, options.now) ? defectText(locale, 'csv.overdueYes') : '',
          localDate(d.foundAt, off),
          d.foundBy.name,
        ]);
      }
    }
  }
  const columns = COLUMNS.map(label);
  columns.splice(12, 0, defectText(locale, 'csv.overdue'));
  return { columns, rows };
}
