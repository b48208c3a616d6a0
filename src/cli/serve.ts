// `wuye-kit serve --config wuye.config.json`: the command API as a service beside a host whose
// backend is not Node (Java, .NET, PHP). The config names the workflow definitions, the business
// calendar, the database, the origins allowed to call, and how the host's session is trusted (its
// JWT, verified against its JWKS URL, a public key or a shared secret). Relative paths in the
// config are relative to the config file; secrets come from the environment, never the file.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createCalendar, type BusinessCalendar, type CalendarData } from '../core/calendar/calendar.js';
import { builtinDefinitions } from '../workflow/builtin.js';
import { checkDefinition } from '../workflow/definition.js';
import type { WorkflowStore } from '../workflow/store.js';
import type { WorkflowDefinition } from '../workflow/types.js';
import { createWorkflowHandler, toNodeListener, SqliteStore, PostgresStore } from '../server/index.js';
import { jwtAuthenticate, JwtConfigError, type JwtTrustOptions } from './jwt.js';
import { packageSchemasDir } from './shipped.js';

/** wuye.config.json (README "Deploying beside a Java/.NET/PHP backend"). */
export interface ServeConfig {
  readonly listen?: { readonly host?: string; readonly port?: number };
  /** Where the API is mounted; default /api/workflow. */
  readonly basePath?: string;
  /** `"builtin"` (every shipped workflow), `"builtin:<id>"`, or paths of definition files. Default: every built-in. */
  readonly definitions?: string | readonly string[];
  /** `"builtin:cn-2026"` (a shipped calendar) or paths of calendar files; several years may be listed. */
  readonly calendar?: string | readonly string[];
  /** A SQLite file path (`:memory:` for a throwaway one) or a `postgres://` URL. */
  readonly database: string;
  /** Origins whose pages may call the API (exact `https://host[:port]`). */
  readonly allowedOrigins?: readonly string[];
  readonly auth: {
    /** The JWT trust of `JwtTrustOptions`, with the secret and key named by where they live. */
    readonly jwt: Omit<JwtTrustOptions, 'secret' | 'publicKey' | 'onReject'> & {
      /** Name of the environment variable holding the shared secret (HS256). */
      readonly secretEnv?: string;
      /** Path of a PEM public key (SPKI). */
      readonly publicKeyFile?: string;
    };
  };
  /** How often due SLA timers fire; default 30 000 ms. */
  readonly tickIntervalMs?: number;
}

export class ServeConfigError extends Error {
  override readonly name = 'ServeConfigError';
}

const isObject = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);
const list = (x: string | readonly string[] | undefined): string[] => (x === undefined ? [] : typeof x === 'string' ? [x] : [...x]);

/** Reads and checks a config file; every problem is a ServeConfigError naming the field. */
export function readServeConfig(file: string): { config: ServeConfig; dir: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ServeConfigError(`${file}: ${(err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err))}`);
  }
  const bad = (field: string, what: string): never => {
    throw new ServeConfigError(`${file}: "${field}" ${what}`);
  };
  if (!isObject(raw)) bad('(top level)', 'must be an object');
  const c = raw as Record<string, unknown>;
  const known = ['$schema', 'listen', 'basePath', 'definitions', 'calendar', 'database', 'allowedOrigins', 'auth', 'tickIntervalMs'];
  for (const k of Object.keys(c)) if (!known.includes(k)) bad(k, `is not a setting (known: ${known.slice(1).join(', ')})`);
  if (typeof c['database'] !== 'string' || c['database'] === '') bad('database', 'must be a SQLite file path or a postgres:// URL');
  if (c['listen'] !== undefined) {
    if (!isObject(c['listen'])) bad('listen', 'must be { "host": …, "port": … }');
    const l = c['listen'] as Record<string, unknown>;
    if (l['port'] !== undefined && (!Number.isInteger(l['port']) || (l['port'] as number) < 0 || (l['port'] as number) > 65535)) bad('listen.port', 'must be a port number');
    if (l['host'] !== undefined && typeof l['host'] !== 'string') bad('listen.host', 'must be a string');
  }
  if (c['basePath'] !== undefined && (typeof c['basePath'] !== 'string' || !/^\/[\w\-./]*[^/]$/.test(c['basePath']))) bad('basePath', 'must be a path such as /api/workflow');
  for (const k of ['definitions', 'calendar', 'allowedOrigins']) {
    const v = c[k];
    if (v !== undefined && typeof v !== 'string' && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) bad(k, 'must be a string or a list of strings');
  }
  for (const o of list(c['allowedOrigins'] as string[] | undefined)) {
    let u: URL | undefined;
    try {
      u = new URL(o);
    } catch {
      /* reported below */
    }
    if (!u || u.origin !== o) bad('allowedOrigins', `holds "${o}", which is not an origin (scheme://host[:port], no path)`);
  }
  if (c['tickIntervalMs'] !== undefined && (!Number.isInteger(c['tickIntervalMs']) || (c['tickIntervalMs'] as number) < 1000)) bad('tickIntervalMs', 'must be an integer of at least 1000');
  if (!isObject(c['auth']) || !isObject((c['auth'] as Record<string, unknown>)['jwt'])) bad('auth.jwt', 'is required: how the host\'s session is trusted (jwksUrl, secretEnv or publicKeyFile)');
  const jwt = (c['auth'] as { jwt: Record<string, unknown> }).jwt;
  const jwtKnown = ['jwksUrl', 'secretEnv', 'publicKeyFile', 'algorithms', 'issuer', 'audience', 'clockToleranceSec', 'cookie', 'claims', 'roleMap'];
  for (const k of Object.keys(jwt)) if (!jwtKnown.includes(k)) bad(`auth.jwt.${k}`, `is not a setting (known: ${jwtKnown.join(', ')})`);
  if (['jwksUrl', 'secretEnv', 'publicKeyFile'].filter((k) => jwt[k] !== undefined).length !== 1) bad('auth.jwt', 'needs exactly one of jwksUrl, secretEnv, publicKeyFile');
  for (const k of ['jwksUrl', 'secretEnv', 'publicKeyFile', 'issuer', 'cookie']) if (jwt[k] !== undefined && typeof jwt[k] !== 'string') bad(`auth.jwt.${k}`, 'must be a string');
  if (jwt['claims'] !== undefined) {
    if (!isObject(jwt['claims'])) bad('auth.jwt.claims', 'must map id, name, roles, office to claim names');
    for (const [k, v] of Object.entries(jwt['claims'] as object)) {
      if (!['id', 'name', 'roles', 'office'].includes(k) || typeof v !== 'string') bad(`auth.jwt.claims.${k}`, 'must be one of id, name, roles, office, mapped to a claim name');
    }
  }
  return { config: c as unknown as ServeConfig, dir: dirname(resolve(file)) };
}

function readJson(path: string, what: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ServeConfigError(`${what} ${path}: ${(err as { code?: string }).code ?? (err instanceof Error ? err.message : String(err))}`);
  }
}

/** The definitions a config names. */
export function loadDefinitions(config: ServeConfig, dir: string): WorkflowDefinition[] {
  const names = config.definitions === undefined ? ['builtin'] : list(config.definitions);
  const out: WorkflowDefinition[] = [];
  for (const n of names) {
    if (n === 'builtin') out.push(...Object.values(builtinDefinitions));
    else if (n.startsWith('builtin:')) {
      const d = builtinDefinitions[n.slice('builtin:'.length)];
      if (!d) throw new ServeConfigError(`definitions: no built-in workflow "${n}" (known: ${Object.keys(builtinDefinitions).map((k) => `builtin:${k}`).join(', ')})`);
      out.push(d);
    } else {
      const d = readJson(isAbsolute(n) ? n : join(dir, n), 'definition') as WorkflowDefinition;
      const report = checkDefinition(d);
      if (!report.ok) throw new ServeConfigError(`definition ${n}: ${report.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; ')}`);
      out.push(d);
    }
  }
  return out;
}

/** The business calendar a config names (undefined: every moment counts). */
export function loadCalendar(config: ServeConfig, dir: string): BusinessCalendar | undefined {
  const names = list(config.calendar);
  if (names.length === 0) return undefined;
  const data = names.map((n) => {
    if (n.startsWith('builtin:')) {
      const id = n.slice('builtin:'.length);
      if (!/^[\w-]+$/.test(id)) throw new ServeConfigError(`calendar: "${n}" is not a built-in calendar name`);
      return readJson(join(packageSchemasDir(), 'calendars', `${id}.json`), 'calendar') as CalendarData;
    }
    return readJson(isAbsolute(n) ? n : join(dir, n), 'calendar') as CalendarData;
  });
  try {
    return createCalendar(data);
  } catch (err) {
    throw new ServeConfigError(`calendar: ${err instanceof Error ? err.message : String(err)}`);
  }
}

async function openStore(database: string, dir: string): Promise<WorkflowStore & { migrate(): Promise<unknown> }> {
  // PostgreSQL (several processes on one database) needs the `pg` package; SQLite `better-sqlite3`.
  if (/^postgres(ql)?:\/\//.test(database)) return new PostgresStore({ connectionString: database });
  const file = database === ':memory:' ? database : isAbsolute(database) ? database : join(dir, database);
  return new SqliteStore({ file });
}

/**
 * Preflights for pages on the allowed origins when the service runs on an origin of its own: the
 * handler adds CORS headers to its answers for allowed origins (and refuses other Origins with
 * 403); this answers the preflight so the page may also send `Authorization: Bearer` (the host's
 * JWT), which a cross-origin request must announce.
 */
export function withPreflight(handler: (request: Request) => Promise<Response>, allowed: readonly string[]): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'OPTIONS' || !request.headers.has('access-control-request-method')) return handler(request);
    const origin = request.headers.get('origin');
    if (origin === null || !allowed.includes(origin)) return new Response(null, { status: 403, headers: { vary: 'origin' } });
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': origin,
        'access-control-allow-credentials': 'true',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type, if-match, if-none-match, last-event-id',
        'access-control-max-age': '600',
        vary: 'origin',
      },
    });
  };
}

export interface RunningService {
  readonly url: string;
  readonly apiUrl: string;
  close(): Promise<void>;
}

/** Starts the service a config describes (env: where `secretEnv` is read). */
export async function startService(config: ServeConfig, dir: string, env: Readonly<Record<string, string | undefined>> = process.env, log: (line: string) => void = () => undefined): Promise<RunningService> {
  const j = config.auth.jwt;
  let secret: string | undefined;
  if (j.secretEnv !== undefined) {
    secret = env[j.secretEnv];
    if (!secret) throw new ServeConfigError(`auth.jwt.secretEnv: the environment variable ${j.secretEnv} is not set`);
  }
  const publicKey = j.publicKeyFile !== undefined ? readFileSync(isAbsolute(j.publicKeyFile) ? j.publicKeyFile : join(dir, j.publicKeyFile), 'utf8') : undefined;
  let authenticate;
  try {
    authenticate = jwtAuthenticate({
      ...(j.jwksUrl !== undefined ? { jwksUrl: j.jwksUrl } : {}),
      ...(secret !== undefined ? { secret } : {}),
      ...(publicKey !== undefined ? { publicKey } : {}),
      ...(j.algorithms ? { algorithms: j.algorithms } : {}),
      ...(j.issuer !== undefined ? { issuer: j.issuer } : {}),
      ...(j.audience !== undefined ? { audience: j.audience } : {}),
      ...(j.clockToleranceSec !== undefined ? { clockToleranceSec: j.clockToleranceSec } : {}),
      ...(j.cookie !== undefined ? { cookie: j.cookie } : {}),
      ...(j.claims ? { claims: j.claims } : {}),
      ...(j.roleMap ? { roleMap: j.roleMap } : {}),
      onReject: (reason) => log(`401: ${reason}`),
    });
  } catch (err) {
    if (err instanceof JwtConfigError) throw new ServeConfigError(`auth.jwt: ${err.message}`);
    throw err;
  }
  const definitions = loadDefinitions(config, dir);
  const calendar = loadCalendar(config, dir);
  const store = await openStore(config.database, dir);
  await store.migrate();
  const basePath = config.basePath ?? '/api/workflow';
  const handler = createWorkflowHandler({
    definitions,
    store,
    authenticate,
    basePath,
    ...(calendar ? { calendar } : {}),
    ...(config.allowedOrigins ? { allowedOrigins: config.allowedOrigins } : {}),
  });
  const stopTicker = handler.startTicker({ intervalMs: config.tickIntervalMs ?? 30_000 });
  const api = toNodeListener(withPreflight(handler, config.allowedOrigins ?? []));
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    if (path === basePath || path.startsWith(`${basePath}/`)) return api(req, res);
    if (path === '/healthz' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      return res.end('{"ok":true}');
    }
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
    res.end('{"error":{"code":"not-found","message":"Not found"}}');
  });
  const host = config.listen?.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(config.listen?.port ?? 8787, host, () => ok());
  });
  const { port } = server.address() as { port: number };
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    apiUrl: `${url}${basePath}`,
    async close() {
      stopTicker();
      server.closeAllConnections?.();
      await new Promise<void>((ok) => server.close(() => ok()));
      await handler.close?.();
      await store.close?.();
    },
  };
}
