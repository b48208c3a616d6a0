import type { Locale } from '../i18n/locale.js';
import { rowText } from './format.js';
import { cellValue, statsColumns, type StatsRow, type StatsTable } from './table.js';

export type SortDirection = 'ascending' | 'descending';

/** Sort by the label column or a column key (`total`, `category:staff`, `measure:validRate`, …). */
export interface StatsSort {
  readonly key: 'label' | string;
  readonly direction: SortDirection;
}

/**
 * The table with its rows in another order: detail rows sorted inside their group, groups
 * sorted by their subtotal, subtotals kept after their group and the total last. Empty values
 * (a rate over nothing) go last either way. Stable: ties keep the table's order.
 */
export function sortStatsTable(table: StatsTable, sort: StatsSort, locale: Locale = 'zh-CN'): StatsTable {
  const column = sort.key === 'label' ? undefined : statsColumns(table).find((c) => c.key === sort.key);
  if (sort.key !== 'label' && !column) throw new RangeError(`no column "${sort.key}"`);
  const sign = sort.direction === 'descending' ? -1 : 1;
  const collator = new Intl.Collator(locale, { numeric: true });
  const compare = (a: StatsRow, b: StatsRow): number => {
    if (!column) return sign * collator.compare(rowText(a, locale), rowText(b, locale));
    const x = cellValue(a, column);
    const y = cellValue(b, column);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y);
  };

  // Blocks: a group (its header, details, subtotal) or a lone detail row; the total stays last.
  interface Block {
    head?: StatsRow;
    rows: StatsRow[];
    tail?: StatsRow;
  }
  const blocks: Block[] = [];
  const open = new Map<string, Block>();
  let total: StatsRow | undefined;
  for (const row of table.rows) {
    if (row.kind === 'total') total = row;
    else if (row.kind === 'group') {
      const b: Block = { head: row, rows: [] };
      open.set(row.key, b);
      blocks.push(b);
    } else if (row.kind === 'subtotal') {
      const b = row.group ? open.get(row.group) : undefined;
      if (b) b.tail = row;
      else blocks.push({ rows: [row] });
    } else {
      const b = row.group ? open.get(row.group) : undefined;
      if (b) b.rows.push(row);
      else blocks.push({ rows: [row] });
    }
  }
  for (const b of blocks) if (b.head) b.rows.sort(compare);
  blocks.sort((a, b) => compare(a.tail ?? a.head ?? a.rows[0]!, b.tail ?? b.head ?? b.rows[0]!));
  const rows = blocks.flatMap((b) => [...(b.head ? [b.head] : []), ...b.rows, ...(b.tail ? [b.tail] : [])]);
  if (total) rows.push(total);
  return { ...table, rows };
}
