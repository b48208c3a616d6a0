// The complaint statistics table (顾客投诉分类统计表) from the complaint instances a server store
// holds, counted in SQL: one GROUP BY office × month × category on PostgreSQL or SQLite, so a
// company with millions of records never ships them anywhere. The result is exactly what
// `aggregateComplaints` returns for the same records (the instances' `data`, in the order the
// store received them), ready for `<wy-complaint-stats>`.
//
// How it stays exact: the SQL reads the timestamps the way aggregateComplaints' fast path does
// (characters of an ISO 8601 date-time with an offset, Asia/Shanghai months) and compares reply
// and deadline as strings where aggregateComplaints does. A record it cannot decide that way (a
// time only `Date.parse` reads, an office id that is not a string, a reply at another offset than
// its deadline) is not guessed at: the query hands it back whole and aggregateCells counts it with
// the very code aggregateComplaints runs. Shipped data never needs that; odd data stays right.
import { aggregateCells, statsFilterOf, type AggregateOptions, type StatsCell } from '../core/stats/aggregate.js';
import { DEFAULT_STATS_CONFIG } from '../core/stats/config.js';
import type { StatsTable } from '../core/stats/table.js';

/** Something that runs a PostgreSQL query: a `pg` Pool or Client, or a PostgresStore. */
export interface PgQueryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
}

/** A better-sqlite3 Database (or anything with its `prepare(sql).all(...params)`). */
export interface StatsSqliteDatabase {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
}

/** Where the snapshots are in a SQLite database. */
export interface SqliteLayout {
  /** Table of instances (default `wy_instances`, SqliteStore's). */
  readonly table?: string;
  /** Column holding the snapshot as JSON text (default `snapshot`). */
  readonly snapshot?: string;
  /** Column of the definition id (default `definition_id`). */
  readonly definition?: string;
  /** Column giving the order records were received in (default `rowid`). */
  readonly order?: string;
}

export type StatsSqlSource =
  | { readonly postgres: PgQueryable | { pool(): Promise<PgQueryable> } }
  | { readonly sqlite: StatsSqliteDatabase | { readonly database: StatsSqliteDatabase }; readonly layout?: SqliteLayout };

export interface StatsSqlOptions extends AggregateOptions {
  /** Which instances are complaints (default `complaint`, the shipped definition). */
  readonly definitionId?: string;
}

interface Dialect {
  readonly name: 'postgres' | 'sqlite';
  /** Placeholder for one parameter. */
  param(value: unknown): string;
  /** Placeholder(s) for a list of strings to test `IN`. */
  inList(expr: string, values: readonly string[]): string;
  /** JSON type of the record's field at `path` (inside `data`): 'string' | 'object' | 'array' | 'null' | other, NULL when absent. */
  type(path: readonly string[]): string;
  /** The field's text when it is a JSON string. */
  text(path: readonly string[]): string;
  /** `expr` matches the pattern (written for both as a regular expression of a restricted kind). */
  digits(expr: string, count: number): string;
  ascii(expr: string): string;
  /** `a <= b` comparing code points. */
  notAfter(a: string, b: string): string;
  readonly from: string;
  readonly order: string;
  readonly data: string;
  readonly definition: string;
  /**
   * Ends a subquery so the planner keeps it a subquery: each level's columns are computed once
   * per row instead of being pasted into every reference above (which grows exponentially).
   */
  readonly fence: string;
  /** PostgreSQL: `expr` matches a POSIX regular expression (one test instead of many). */
  readonly regex?: (expr: string, pattern: string) => string;
}

const ident = (name: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new TypeError(`not a plain SQL identifier: ${name}`);
  return name;
};

function postgresDialect(params: unknown[]): Dialect {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const path = (parts: readonly string[]) => `r.d${parts.map((x) => ` -> '${x}'`).join('')}`;
  return {
    name: 'postgres',
    param: p,
    inList: (expr, values) => `${expr} = ANY(${p(values)}::text[])`,
    type: (parts) => `jsonb_typeof(${path(parts)})`,
    text: (parts) => `(CASE WHEN jsonb_typeof(${path(parts)}) = 'string' THEN ${path(parts.slice(0, -1))} ->> '${parts[parts.length - 1]}' END)`,
    digits: (expr, count) => `(${expr} ~ '^[0-9]{${count}}$')`,
    ascii: (expr) => `(${expr} ~ '^[ -~]*$')`,
    notAfter: (a, b) => `(${a} COLLATE "C" <= ${b} COLLATE "C")`,
    from: 'wy_instances i',
    order: 'i.seq',
    data: `i.snapshot -> 'data'`,
    definition: 'i.definition_id',
    fence: 'OFFSET 0',
    regex: (expr, pattern) => `(${expr} ~ '${pattern}')`,
  };
}

function sqliteDialect(params: unknown[], layout: SqliteLayout = {}): Dialect {
  // Named, since the text does not list parameters in the order they are made.
  const p = (v: unknown) => {
    params.push(v);
    return `@p${params.length}`;
  };
  const snap = `i.${ident(layout.snapshot ?? 'snapshot')}`;
  const path = (parts: readonly string[]) => `'$${parts.map((x) => `.${x}`).join('')}'`;
  const norm = (t: string) => `(CASE ${t} WHEN 'text' THEN 'string' WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number' ELSE ${t} END)`;
  return {
    name: 'sqlite',
    param: p,
    inList: (expr, values) => `${expr} IN (${values.map((v) => p(v)).join(', ')})`,
    type: (parts) => norm(`json_type(r.d, ${path(parts)})`),
    text: (parts) => `(CASE WHEN json_type(r.d, ${path(parts)}) = 'text' THEN json_extract(r.d, ${path(parts)}) END)`,
    digits: (expr, count) => `(length(${expr}) = ${count} AND ${expr} NOT GLOB '*[^0-9]*')`,
    ascii: (expr) => `(${expr} NOT GLOB '*[^ -~]*')`,
    notAfter: (a, b) => `(${a} <= ${b})`,
    from: `${ident(layout.table ?? 'wy_instances')} i`,
    order: `i.${ident(layout.order ?? 'rowid')}`,
    // The data as JSON text (`->`), whatever its type, so json_type() can read it.
    data: `${snap} -> '$.data'`,
    definition: `i.${ident(layout.definition ?? 'definition_id')}`,
    fence: 'LIMIT -1 OFFSET 0',
  };
}

/** `CAST(substr(s, from, len) AS INTEGER)`. */
const int = (s: string, from: number | string, len: number) => `CAST(substr(${s}, ${from}, ${len}) AS INTEGER)`;
const daysIn = (y: string, m: string) =>
  `(CASE WHEN ${m} = 2 THEN (CASE WHEN (${y} % 4 = 0 AND ${y} % 100 <> 0) OR ${y} % 400 = 0 THEN 29 ELSE 28 END) WHEN ${m} IN (4, 6, 9, 11) THEN 30 ELSE 31 END)`;

/**
 * The query: per record the fields aggregateComplaints reads, whether SQL can decide it (`fast`),
 * then one GROUP BY. Fast records are grouped by office, month and category with their counters;
 * every other record comes back alone (grouped by its position) with its data.
 */
function buildQuery(d: Dialect, options: StatsSqlOptions): string {
  const config = options.config ?? DEFAULT_STATS_CONFIG;
  const filter = statsFilterOf(options);
  const asOfMs = options.asOf === undefined ? Number.NaN : typeof options.asOf === 'number' ? options.asOf : Date.parse(options.asOf);
  const hasAsOf = asOfMs === asOfMs;
  const inSet = (expr: string, values: readonly string[]) => (values.length ? `(${expr} IS NOT NULL AND ${d.inList(expr, values)})` : 'FALSE');
  const conds: string[] = [];
  const filterOn = (values: readonly string[] | undefined, path: readonly string[]) => {
    if (values && values.length) conds.push(inSet(d.text(path), values));
  };
  filterOn(filter.kind, ['kind']);
  filterOn(filter.channel, ['channel']);
  filterOn(filter.severity, ['severity']);
  filterOn(filter.complainantType, ['complainant', 'type']);
  const passes = conds.length ? conds.join(' AND ') : 'TRUE';

  // Level 0: each record's data, read out of the snapshot once.
  const raw = `
    SELECT ${d.order} AS pos, ${d.data} AS d
    FROM ${d.from}
    WHERE ${d.definition} = ${d.param(options.definitionId ?? 'complaint')}
    ${d.fence}`;
  // Level 1: the fields aggregateComplaints reads, as SQL values.
  const fields = `
    SELECT r.pos AS pos,
      (CASE WHEN ${d.type([])} = 'object' THEN 1 ELSE 0 END) AS obj,
      ${d.text(['officeId'])} AS office,
      ${d.text(['receivedAt'])} AS s,
      ${d.text(['category'])} AS category,
      (CASE WHEN ${passes} THEN 1 ELSE 0 END) AS passes,
      (CASE WHEN ${d.type(['validity'])} IS NOT NULL AND ${d.type(['validity'])} <> 'null' THEN 1 ELSE 0 END) AS judged,
      (CASE WHEN ${inSet(d.text(['validity']), config.validCodes)} THEN 1 ELSE 0 END) AS valid,
      (CASE WHEN ${d.type(['reply'])} IN ('object', 'array') THEN 1 ELSE 0 END) AS replied,
      ${d.text(['reply', 'at'])} AS reply_at,
      ${d.text(['deadline'])} AS deadline,
      (CASE WHEN ${d.type(['returnVisit'])} IN ('object', 'array') THEN 1 ELSE 0 END) AS visited,
      (CASE WHEN ${inSet(d.text(['returnVisit', 'satisfaction']), config.satisfiedCodes)} THEN 1 ELSE 0 END) AS satisfied
    FROM (${raw}) r
    ${d.fence}`;

  // Level 2: shapes. `tz` is the length of the offset (1 for Z, 6 for ±hh:mm, 0: not the shape).
  const shapes = `
    SELECT f.*, length(s) AS n,
      (CASE WHEN s IS NULL THEN 0
            WHEN substr(s, length(s), 1) IN ('Z', 'z') THEN 1
            WHEN substr(s, length(s) - 5, 1) IN ('+', '-') AND substr(s, length(s) - 2, 1) = ':'
                 AND ${d.digits('substr(s, length(s) - 4, 2)', 2)} AND ${d.digits('substr(s, length(s) - 1, 2)', 2)} THEN 6
            ELSE 0 END) AS tz
    FROM (${fields}) f
    ${d.fence}`;

  // Level 3: can SQL read `s` as aggregateComplaints' fast path does? And its parts.
  const mid = `substr(s, 17, n - 16 - tz)`;
  const head = `(${d.digits('substr(s, 1, 4)', 4)} AND substr(s, 5, 1) = '-' AND ${d.digits('substr(s, 6, 2)', 2)} AND substr(s, 8, 1) = '-'
      AND ${d.digits('substr(s, 9, 2)', 2)} AND substr(s, 11, 1) IN ('T', 't', ' ') AND ${d.digits('substr(s, 12, 2)', 2)}
      AND substr(s, 14, 1) = ':' AND ${d.digits('substr(s, 15, 2)', 2)})`;
  const midOk = `(n - 16 - tz = 0 OR (n - 16 - tz = 3 AND substr(${mid}, 1, 1) = ':' AND ${d.digits(`substr(${mid}, 2, 2)`, 2)})
      OR (n - 16 - tz > 4 AND substr(${mid}, 1, 1) = ':' AND ${d.digits(`substr(${mid}, 2, 2)`, 2)} AND substr(${mid}, 4, 1) = '.'
          AND ${d.ascii(`substr(${mid}, 5)`)} AND ${d.name === 'postgres' ? `(substr(${mid}, 5) ~ '^[0-9]+$')` : `(substr(${mid}, 5) NOT GLOB '*[^0-9]*')`}))`;
  const shaped = `
    SELECT g.*,
      (CASE WHEN s IS NOT NULL AND n >= 20 AND tz > 0 AND n - 16 - tz >= 0 THEN (CASE WHEN ${
        d.regex ? d.regex('s', '^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})$') : `${head} AND ${midOk}`
      } THEN 1 ELSE 0 END) ELSE 0 END) AS shape
    FROM (${shapes}) g
    ${d.fence}`;
  const parts = `
    SELECT h.*,
      (CASE WHEN shape = 1 THEN ${int('s', 1, 4)} END) AS y,
      (CASE WHEN shape = 1 THEN ${int('s', 6, 2)} END) AS mo,
      (CASE WHEN shape = 1 THEN ${int('s', 9, 2)} END) AS dd,
      (CASE WHEN shape = 1 THEN ${int('s', 12, 2)} END) AS hh,
      (CASE WHEN shape = 1 THEN ${int('s', 15, 2)} END) AS mi,
      (CASE WHEN shape = 1 AND tz = 6 THEN (CASE WHEN substr(s, n - 5, 1) = '+' THEN 1 ELSE -1 END) * (${int('s', 'n - 4', 2)} * 60 + ${int('s', 'n - 1', 2)})
            WHEN shape = 1 THEN 0 END) AS off
    FROM (${shaped}) h
    ${d.fence}`;
  // Level 4: the month (-1: no valid time) and whether SQL decides the record (`fast`).
  const minutes = `((dd - 1) * 1440 + hh * 60 + mi + (480 - off))`;
  const month = `(CASE WHEN s IS NULL THEN -1
      WHEN shape = 0 THEN NULL
      WHEN mo < 1 OR mo > 12 THEN -1
      WHEN off = 480 THEN y * 12 + mo - 1
      WHEN NOT (dd >= 1 AND dd <= 31 AND hh >= 0 AND hh <= 24 AND mi >= 0 AND mi <= 59) THEN NULL
      WHEN ${minutes} < 0 THEN y * 12 + mo - 2
      WHEN ${minutes} >= ${daysIn('y', 'mo')} * 1440 THEN y * 12 + mo
      ELSE y * 12 + mo - 1 END)`;
  // Reply on time: the same length (≥ 20), the same offset, ASCII → a string comparison.
  const sameShape = `(length(reply_at) = length(deadline) AND length(deadline) >= 20
      AND substr(reply_at, length(reply_at) - 5, 6) = substr(deadline, length(deadline) - 5, 6)
      AND ${d.ascii('reply_at')} AND ${d.ascii('deadline')})`;
  // The deadline as epoch ms, for `asOf`: the ECMAScript date-time format with plain ranges only.
  const dl = 'deadline';
  const dn = `length(${dl})`;
  const dlShape = d.regex
    ? d.regex(dl, '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?(Z|[+-][0-9]{2}:[0-9]{2})$')
    : `(${dn} IN (20, 24, 25, 29) AND ${d.digits(`substr(${dl}, 1, 4)`, 4)} AND substr(${dl}, 5, 1) = '-' AND ${d.digits(`substr(${dl}, 6, 2)`, 2)}
      AND substr(${dl}, 8, 1) = '-' AND ${d.digits(`substr(${dl}, 9, 2)`, 2)} AND substr(${dl}, 11, 1) = 'T' AND ${d.digits(`substr(${dl}, 12, 2)`, 2)}
      AND substr(${dl}, 14, 1) = ':' AND ${d.digits(`substr(${dl}, 15, 2)`, 2)} AND substr(${dl}, 17, 1) = ':' AND ${d.digits(`substr(${dl}, 18, 2)`, 2)}
      AND (CASE WHEN ${dn} IN (24, 29) THEN substr(${dl}, 20, 1) = '.' AND ${d.digits(`substr(${dl}, 21, 3)`, 3)} ELSE TRUE END)
      AND (CASE WHEN ${dn} IN (20, 24) THEN substr(${dl}, ${dn}, 1) = 'Z'
                ELSE substr(${dl}, ${dn} - 5, 1) IN ('+', '-') AND ${d.digits(`substr(${dl}, ${dn} - 4, 2)`, 2)} AND substr(${dl}, ${dn} - 2, 1) = ':' AND ${d.digits(`substr(${dl}, ${dn} - 1, 2)`, 2)} END))`;
  // Numbers are read only once the shape is known (CASE fixes the order; AND does not in PostgreSQL).
  const dlRanges = `(${int(dl, 1, 4)} >= 1000 AND ${int(dl, 6, 2)} BETWEEN 1 AND 12 AND ${int(dl, 9, 2)} >= 1
      AND ${int(dl, 9, 2)} <= ${daysIn(int(dl, 1, 4), int(dl, 6, 2))} AND ${int(dl, 12, 2)} <= 23 AND ${int(dl, 15, 2)} <= 59 AND ${int(dl, 18, 2)} <= 59
      AND (CASE WHEN ${dn} IN (25, 29) THEN ${int(dl, `${dn} - 4`, 2)} <= 23 AND ${int(dl, `${dn} - 1`, 2)} <= 59 ELSE TRUE END))`;
  const dlStrict = `(CASE WHEN ${dlShape} THEN ${dlRanges} ELSE FALSE END)`;
  // days_from_civil (H. Hinnant), years ≥ 1000 so every division is of non-negative numbers.
  const yy = `(${int(dl, 1, 4)} - (CASE WHEN ${int(dl, 6, 2)} <= 2 THEN 1 ELSE 0 END))`;
  const mm = int(dl, 6, 2);
  const doy = `((153 * (${mm} + (CASE WHEN ${mm} > 2 THEN -3 ELSE 9 END)) + 2) / 5 + ${int(dl, 9, 2)} - 1)`;
  const yoe = `(${yy} - (${yy} / 400) * 400)`;
  const days = `((${yy} / 400) * 146097 + ${yoe} * 365 + ${yoe} / 4 - ${yoe} / 100 + ${doy} - 719468)`;
  const offMin = `(CASE WHEN ${dn} IN (20, 24) THEN 0 ELSE (CASE WHEN substr(${dl}, ${dn} - 5, 1) = '+' THEN 1 ELSE -1 END) * (${int(dl, `${dn} - 4`, 2)} * 60 + ${int(dl, `${dn} - 1`, 2)}) END)`;
  const epochMs = `(CAST(${days} AS BIGINT) * 86400000 + ${int(dl, 12, 2)} * 3600000 + ${int(dl, 15, 2)} * 60000 + ${int(dl, 18, 2)} * 1000
      + (CASE WHEN ${dn} IN (24, 29) THEN ${int(dl, 21, 3)} ELSE 0 END) - ${offMin} * 60000)`;
  const asOfParam = hasAsOf ? `CAST(${d.param(asOfMs)} AS DOUBLE PRECISION)` : 'NULL';
  const decided = `
    SELECT k.*, ${month} AS month,
      (CASE WHEN deadline IS NOT NULL AND replied = 1 THEN 1
            WHEN deadline IS NOT NULL AND replied = 0 AND ${hasAsOf ? `(CASE WHEN ${dlStrict} THEN ${epochMs} < ${asOfParam} ELSE FALSE END)` : 'FALSE'} THEN 1 ELSE 0 END) AS due,
      (CASE WHEN deadline IS NOT NULL AND replied = 1 AND reply_at IS NOT NULL AND ${sameShape} AND ${d.notAfter('reply_at', 'deadline')} THEN 1 ELSE 0 END) AS on_time,
      (CASE WHEN deadline IS NOT NULL AND replied = 1 AND reply_at IS NOT NULL AND NOT ${sameShape} THEN 0
            WHEN deadline IS NOT NULL AND replied = 0 AND ${hasAsOf ? `NOT ${dlStrict}` : 'FALSE'} THEN 0
            ELSE 1 END) AS due_ok
    FROM (${parts}) k
    ${d.fence}`;
  const fast = `(obj = 1 AND office IS NOT NULL AND month IS NOT NULL AND due_ok = 1)`;
  return `
    SELECT (CASE WHEN ${fast} THEN 1 ELSE 0 END) AS fast,
      (CASE WHEN ${fast} THEN office END) AS office,
      (CASE WHEN ${fast} THEN month END) AS month,
      (CASE WHEN ${fast} THEN category END) AS category,
      (CASE WHEN ${fast} THEN NULL ELSE pos END) AS rest_pos,
      count(*) AS records,
      sum(judged) AS judged, sum(valid) AS valid, sum(due) AS due, sum(on_time) AS on_time,
      sum(CASE WHEN visited = 1 OR replied = 1 THEN 1 ELSE 0 END) AS handled,
      sum(visited) AS visited, sum(CASE WHEN visited = 1 THEN satisfied ELSE 0 END) AS satisfied,
      min(pos) AS first
    FROM (${decided}) z
    WHERE passes = 1 OR NOT ${fast}
    GROUP BY 1, 2, 3, 4, 5`;
}

const n = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

/**
 * The statistics table of the complaint instances in a PostgreSQL (`{ postgres: PostgresStore |
 * pool | client }`) or SQLite (`{ sqlite: SqliteStore | better-sqlite3 db, layout? }`) store,
 * counted in SQL. Takes the options
 * of `aggregateComplaints` and returns exactly what it returns for the instances' data in the
 * order the store received them.
 */
export async function complaintStatsSql(source: StatsSqlSource, options: StatsSqlOptions = {}): Promise<StatsTable> {
  // Wrong options fail before any query, with aggregateComplaints' own messages.
  aggregateCells({ cells: [], recordCount: 0 }, options);
  const params: unknown[] = [];
  if ('postgres' in source) {
    const target = source.postgres;
    const q: PgQueryable = 'query' in target ? target : await target.pool();
    const sql = buildQuery(postgresDialect(params), options);
    const [grouped, total] = await Promise.all([
      q.query(sql, params),
      q.query('SELECT count(*) AS n FROM wy_instances WHERE definition_id = $1', [options.definitionId ?? 'complaint']),
    ]);
    const { cells, restPositions } = readGroups(grouped.rows);
    let records: unknown[] = [];
    if (restPositions.length) {
      const rows = (await q.query(`SELECT seq AS pos, snapshot -> 'data' AS data FROM wy_instances WHERE seq = ANY($1::bigint[]) ORDER BY seq`, [restPositions])).rows;
      records = rows.map((r) => r['data']);
    }
    return aggregateCells({ cells, records, positions: restPositions, recordCount: n(total.rows[0]?.['n']) }, options);
  }
  const layout = source.layout ?? {};
  const db: StatsSqliteDatabase = 'database' in source.sqlite ? source.sqlite.database : source.sqlite;
  const sql = buildQuery(sqliteDialect(params, layout), options);
  const grouped = db.prepare(sql).all(Object.fromEntries(params.map((v, i) => [`p${i + 1}`, v]))) as Record<string, unknown>[];
  const table = ident(layout.table ?? 'wy_instances');
  const defCol = ident(layout.definition ?? 'definition_id');
  const total = db.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${defCol} = ?`).all(options.definitionId ?? 'complaint') as Record<string, unknown>[];
  const { cells, restPositions } = readGroups(grouped);
  let records: unknown[] = [];
  if (restPositions.length) {
    const order = ident(layout.order ?? 'rowid');
    const snap = ident(layout.snapshot ?? 'snapshot');
    const stmt = db.prepare(`SELECT json_extract(${snap}, '$.data') AS data, json_type(${snap}, '$.data') AS t FROM ${table} WHERE ${order} = ?`);
    records = restPositions.map((pos) => {
      const row = stmt.all(pos)[0] as { data: unknown; t: string | null } | undefined;
      // json_extract gives objects and arrays as JSON text, strings as text, numbers as numbers.
      if (!row || row.t === null) return undefined;
      return row.t === 'object' || row.t === 'array' ? JSON.parse(String(row.data)) : row.t === 'true' ? true : row.t === 'false' ? false : row.t === 'null' ? null : row.data;
    });
  }
  return aggregateCells({ cells, records, positions: restPositions, recordCount: n(total[0]?.['n']) }, options);
}

function readGroups(rows: readonly Record<string, unknown>[]): { cells: StatsCell[]; restPositions: number[] } {
  const cells: StatsCell[] = [];
  const restPositions: number[] = [];
  for (const r of rows) {
    if (n(r['fast']) !== 1) {
      restPositions.push(n(r['rest_pos']));
      continue;
    }
    cells.push({
      officeId: String(r['office']),
      month: n(r['month']),
      category: r['category'] ?? undefined,
      records: n(r['records']),
      judged: n(r['judged']),
      valid: n(r['valid']),
      replyDue: n(r['due']),
      repliedOnTime: n(r['on_time']),
      handled: n(r['handled']),
      visited: n(r['visited']),
      satisfied: n(r['satisfied']),
      first: n(r['first']),
    });
  }
  restPositions.sort((a, b) => a - b);
  return { cells, restPositions };
}
