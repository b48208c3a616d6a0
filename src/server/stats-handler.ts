// The statistics table over HTTP: `GET <path>?groupBy=…&granularity=…&preset=…&compare=…&from=…&to=…`
// answers the 顾客投诉分类统计表 counted in SQL (complaintStatsSql) as JSON, for
// `<wy-complaint-stats src="…">` (or any host that sets the element's `aggregated` property). The
// records never leave the database; the actor comes from the host's session, as for the command
// API, and the server's clock resolves a relative preset ("this month").
import { statsRequestOptions } from '../core/stats/request.js';
import type { StatsConfig } from '../core/stats/config.js';
import type { StatsOffice } from '../core/stats/table.js';
import type { Actor } from '../workflow/types.js';
import { complaintStatsSql, type StatsSqlSource } from './stats-sql.js';

export interface StatsHandlerOptions {
  /** Where the complaint instances are: `{ postgres: store | pool }` or `{ sqlite: store | db }`. */
  readonly source: StatsSqlSource;
  /** REQUIRED: the actor of a request from the host's session, or null (401). */
  readonly authenticate: (request: Request) => Actor | null | Promise<Actor | null>;
  /** May this actor read the statistics? Default: every signed-in actor. False answers 403. */
  readonly authorize?: (actor: Actor) => boolean | Promise<boolean>;
  /** Offices with regions, in display order (or a function giving them per request). */
  readonly offices?: readonly StatsOffice[] | ((actor: Actor) => readonly StatsOffice[] | Promise<readonly StatsOffice[]>);
  /** Measures and codes; default schemas/stats-config.schema.json. */
  readonly config?: StatsConfig;
  /** Which instances are complaints; default `complaint`. */
  readonly definitionId?: string;
  /** Server time in epoch ms (resolves presets); default Date.now. */
  readonly clock?: () => number;
  /** Unexpected errors (answered 500 with no detail). */
  readonly onError?: (error: unknown) => void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers } });

/** `(Request) => Promise<Response>` answering GET with the table (200), 400 for bad parameters, 401/403, 405. */
export function createStatsHandler(options: StatsHandlerOptions): (request: Request) => Promise<Response> {
  if (typeof options.authenticate !== 'function') throw new TypeError('createStatsHandler: authenticate is required');
  const clock = options.clock ?? Date.now;
  return async (request) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: { code: 'method', message: 'GET only' } }, { allow: 'GET, HEAD' });
      const actor = await options.authenticate(request);
      if (!actor) return json(401, { error: { code: 'unauthenticated', message: 'Sign in first' } });
      if (options.authorize && !(await options.authorize(actor))) return json(403, { error: { code: 'forbidden', message: 'Not allowed to read the statistics' } });
      let query;
      try {
        query = statsRequestOptions(new URL(request.url).searchParams, clock());
      } catch (err) {
        return json(400, { error: { code: 'invalid', message: err instanceof Error ? err.message : String(err) } });
      }
      const offices = typeof options.offices === 'function' ? await options.offices(actor) : options.offices;
      const sqlOptions = {
        ...query,
        ...(offices ? { offices } : {}),
        ...(options.config ? { config: options.config } : {}),
        ...(options.definitionId ? { definitionId: options.definitionId } : {}),
      };
      let table;
      try {
        table = await complaintStatsSql(options.source, sqlOptions);
      } catch (err) {
        // aggregateComplaints' own option checks (a month that is not one, an unknown groupBy).
        if (err instanceof RangeError || err instanceof TypeError) return json(400, { error: { code: 'invalid', message: err.message } });
        throw err;
      }
      return json(200, table);
    } catch (err) {
      options.onError?.(err);
      return json(500, { error: { code: 'internal', message: 'The server could not count the statistics' } });
    }
  };
}
