// `wuye-kit demo` (npm run serve): the demo portal against `wuye-kit/server` on SQLite, or on
// PostgreSQL with `--db postgres://…`.
// - A demo sign-in instead of a role switcher: POST /demo/session { person } issues a signed
//   (HMAC-SHA256), HttpOnly, SameSite=Strict session cookie for one of the demo people
//   (schemas/examples/people.json); `authenticate` derives the actor from that cookie only.
//   Anyone may sign in as any demo person: that is the demo. A real host derives the actor from
//   its own session (README "Deploying beside a Java/.NET/PHP backend").
// - Static files from an allow-list only: the portal page (stories/portal/), the built package
//   (dist/) and the reference data the page reads. Real paths are checked: no symlink leads out
//   of those folders, no dot-file or dot-folder is served (/.git/config, /.data/…).
// - The database lives outside every served folder (default: the OS temp dir), and is seeded once
//   with the 36 example complaints, moved through the workflow at their own dates.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { createCalendar, type CalendarData } from '../core/calendar/calendar.js';
import { builtinDefinitions } from '../workflow/builtin.js';
import { createEngine } from '../workflow/engine.js';
import type { Actor, Person, WorkflowDefinition } from '../workflow/types.js';
import { createWorkflowHandler, createStatsHandler, toNodeListener, SqliteStore, PostgresStore } from '../server/index.js';
import type { WorkflowStore } from '../workflow/store.js';
import type { StatsOffice } from '../core/stats/table.js';

export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly title: { readonly 'zh-CN': string; readonly en: string };
  readonly roles: readonly string[];
  readonly office?: string;
}

export interface DemoOptions {
  /** The package (or repository) root holding stories/portal/, dist/ and schemas/. */
  readonly root: string;
  /**
   * No server: serve the page for the embedded default (the engine in the browser, IndexedDB),
   * as `npm start` does. Adds the example complaints and calendars the page then reads.
   */
  readonly embedded?: boolean;
  /**
   * SQLite file (default <OS temp>/wuye-kit-demo/workflow.sqlite; must not be inside a served
   * folder), or a `postgres://` URL (the database must exist; its tables are made on first start).
   */
  readonly db?: string;
  readonly host?: string;
  /** Default 8787; 0 for any free port. */
  readonly port?: number;
  /** HMAC key of the session cookie; default random per start (a restart signs everyone out). */
  readonly secret?: Uint8Array;
  /** Seed the example complaints when the database is new; default true. */
  readonly seed?: boolean;
  /** How often due SLA timers fire; default 30 s. */
  readonly tickIntervalMs?: number;
}

export interface RunningDemo {
  readonly url: string;
  /** The SQLite file, or the PostgreSQL URL with its password masked. */
  readonly db: string;
  close(): Promise<void>;
}

export const SESSION_COOKIE = 'wy_demo_session';
const SESSION_TTL_S = 8 * 3600;
const BASE = '/api/workflow';
const STATS = '/api/stats';
const isPostgresUrl = (db: string | undefined): db is string => db !== undefined && /^postgres(ql)?:\/\//.test(db);

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const b64 = (b: Buffer | string) => Buffer.from(b).toString('base64url');

/** Signs and checks the session cookie's value: `<person id, base64url>.<expiry s>.<HMAC>`. */
export function sessionCodec(secret: Uint8Array) {
  const mac = (body: string) => createHmac('sha256', secret).update(body).digest();
  return {
    sign(personId: string, now = Date.now()): string {
      const body = `${b64(personId)}.${Math.floor(now / 1000) + SESSION_TTL_S}`;
      return `${body}.${b64(mac(body))}`;
    },
    /** The person id, or undefined for a forged, altered or expired value. */
    verify(value: string, now = Date.now()): string | undefined {
      const m = /^([\w-]+)\.(\d{1,12})\.([\w-]{43})$/.exec(value);
      if (!m) return undefined;
      const given = Buffer.from(m[3]!, 'base64url');
      const expected = mac(`${m[1]}.${m[2]}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      if (Number(m[2]) * 1000 < now) return undefined;
      return Buffer.from(m[1]!, 'base64url').toString('utf8');
    },
  };
}

function cookieValue(req: { headers: { cookie?: string | null } } | Request, name: string): string | undefined {
  const header = req instanceof Request ? req.headers.get('cookie') : req.headers.cookie;
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The folders and single files the demo serves, by URL prefix. Nothing else is reachable. */
function staticMap(root: string, embedded: boolean) {
  const files: [string, string][] = ['offices', 'contractors', 'people'].map((n) => [`/schemas/examples/${n}.json`, join(root, 'schemas', 'examples', `${n}.json`)]);
  // The embedded page seeds its browser store from the examples and runs clocks on a calendar.
  if (embedded) files.push(['/schemas/examples/complaint.valid.json', join(root, 'schemas', 'examples', 'complaint.valid.json')], ['/schemas/calendars/cn-2026.json', join(root, 'schemas', 'calendars', 'cn-2026.json')]);
  return {
    dirs: [
      { prefix: '/stories/portal/', dir: join(root, 'stories', 'portal') },
      { prefix: '/dist/', dir: join(root, 'dist') },
    ],
    files: new Map<string, string>(files),
  };
}

/** Resolves a URL path to a file inside one of the served folders, following no link out of it. */
async function resolveStatic(map: ReturnType<typeof staticMap>, pathname: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  // No dot-segments and no dot-files anywhere (/.git/config, /.data/…, /dist/../x).
  if (decoded.split('/').some((seg) => seg.startsWith('.'))) return undefined;
  const single = map.files.get(decoded);
  let file: string | undefined;
  let base: string | undefined;
  if (single) {
    file = single;
    base = dirname(single);
  } else {
    for (const { prefix, dir } of map.dirs) {
      if (decoded.startsWith(prefix) || decoded === prefix.slice(0, -1)) {
        base = dir;
        file = join(dir, decoded.slice(prefix.length));
        break;
      }
    }
  }
  if (!file || !base) return undefined;
  try {
    const realBase = await realpath(base);
    let real = await realpath(file);
    if ((await stat(real)).isDirectory()) real = await realpath(join(real, 'index.html'));
    if (real !== realBase && !real.startsWith(realBase + sep)) return undefined; // a link out of the folder
    return real;
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit = 4096): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The parts of an example complaint (schemas/examples/complaint.valid.json) seeding reads. */
interface ExampleComplaint {
  readonly recordNo: string;
  readonly receivedAt: string;
  readonly firstReceiver: Person;
  readonly category?: string;
  readonly severity?: string;
  readonly emergency?: boolean;
  readonly repeat?: boolean;
  readonly handler?: Person;
  readonly deadline?: string;
  readonly reply?: { readonly at: string; readonly by: Person };
  readonly returnVisit?: { readonly at: string; readonly by: Person; readonly satisfaction: string };
  readonly validity?: string;
  readonly closedAt?: string;
}

/** Moves the example complaints through the workflow at their own dates; every command has a fixed key, so seeding twice changes nothing. */
async function seed(store: WorkflowStore, definitions: WorkflowDefinition[], calendarData: CalendarData[], examples: readonly ExampleComplaint[]): Promise<number> {
  let now = 0;
  const engine = createEngine({ definitions, store, calendar: createCalendar(calendarData), clock: () => now });
  const at = (iso: string, plusMinutes = 0) => Date.parse(iso) + plusMinutes * 60_000;
  const specialist: Actor = { id: 'E2001', name: '林涛', roles: ['specialist'] };
  let started = 0;
  for (const r of examples) {
    const id = r.recordNo;
    const { handler, deadline, reply, returnVisit, validity, closedAt: _closed, ...intake } = r;
    const receiver: Actor = { id: r.firstReceiver.id, name: r.firstReceiver.name, roles: ['receptionist'] };
    const step = async (type: string, payload: unknown, actor: Actor, time: number) => {
      now = time;
      const res = await engine.send(id, { type, ...(payload === undefined ? {} : { payload }), commandId: `seed-${type}-${id}` }, actor);
      if (!res.ok) throw new Error(`seeding ${id} ${type}: ${res.code}`);
    };
    now = at(r.receivedAt);
    const s = await engine.start('complaint', { id, data: intake, commandId: `seed-start-${id}` }, receiver);
    if (!s.ok) throw new Error(`seeding ${id}: ${s.code}`);
    if (s.duplicate) continue;
    started++;
    await step('register', { category: r.category, severity: r.severity, emergency: r.emergency, repeat: r.repeat }, receiver, at(r.receivedAt, 10));
    if (!handler) continue;
    await step('dispatch', { handler, ...(deadline ? { deadline } : {}) }, specialist, at(r.receivedAt, 60));
    const handlerActor: Actor = { ...handler, roles: ['specialist'] };
    await step('accept', undefined, handlerActor, at(r.receivedAt, 90));
    if (!reply) continue;
    await step('reply', reply, handlerActor, at(reply.at));
    if (!returnVisit) continue;
    await step('visit', returnVisit, { ...returnVisit.by, roles: ['specialist'] }, at(returnVisit.at));
    if (returnVisit.satisfaction === 'dissatisfied' || !validity) continue;
    await step('close', { validity }, specialist, at(returnVisit.at, 60));
  }
  // The portal's house inspection (华苑花园 3栋2单元1201).
  now = Date.parse('2026-11-02T09:00:00+08:00');
  await engine.start('internal-inspection', { id: 'INSP-HY-3-2-1201', data: { house: { project: '华苑花园', building: '3栋', unit: '2单元', floor: '12', room: '1201' } }, commandId: 'seed-start-INSP-HY-3-2-1201' }, { ...specialist, roles: ['specialist', 'inspector'] });
  return started;
}

/** Starts the demo: portal page + dist + the command API with demo sign-in, on one origin. */
export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const root = realpathSync(resolve(options.root));
  const map = staticMap(root, options.embedded === true);
  for (const { dir } of map.dirs) if (!existsSync(dir)) throw new Error(`${dir} is missing${dir.endsWith('dist') ? ' (run npm run build first)' : ''}`);
  const postgres = isPostgresUrl(options.db);
  const db = postgres ? options.db! : resolve(options.db ?? join(tmpdir(), 'wuye-kit-demo', 'workflow.sqlite'));
  if (!options.embedded && options.db !== ':memory:' && !postgres) {
    mkdirSync(dirname(db), { recursive: true });
    const realDir = realpathSync(dirname(db));
    for (const served of [...map.dirs.map((d) => d.dir), join(root, 'schemas')]) {
      const s = realpathSync(served);
      if (realDir === s || realDir.startsWith(s + sep)) throw new Error(`--db ${db} is inside a served folder (${s}): put the database elsewhere`);
    }
  }
  const file = options.db === ':memory:' ? ':memory:' : db;
  const shownDb = postgres ? db.replace(/(\/\/[^:@/]*:)[^@/]*@/, '$1***@') : file;
  const server = options.embedded ? undefined : await startApi(root, file, options);
  const http: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://demo.invalid');
      const path = url.pathname;
      if (server && (await server.route(req, res, path))) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: { code: 'method', message: 'GET only' } }, { allow: 'GET, HEAD' });
      if (path === '/') {
        res.writeHead(302, { location: '/stories/portal/' });
        return res.end();
      }
      const real = await resolveStatic(map, path);
      if (!real) return send(res, 404, { error: { code: 'not-found', message: 'Not found' } });
      const body = await readFile(real);
      res.writeHead(200, {
        'content-type': TYPES[extname(real)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'same-origin',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: { code: 'internal', message: 'Internal error' } });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((ok, fail) => {
    http.once('error', fail);
    http.listen(options.port ?? 8787, host, () => ok());
  });
  const { port } = http.address() as { port: number };
  return {
    url: `http://${host}:${port}`,
    db: server ? shownDb : '',
    async close() {
      http.closeAllConnections?.();
      await new Promise<void>((ok) => http.close(() => ok()));
      await server?.close();
    },
  };
}

/** The command API with demo sign-in: the store, seeding, the handler and /demo/session. */
async function startApi(root: string, file: string, options: DemoOptions) {
  const readJson = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8')) as unknown;
  const people = readJson('schemas/examples/people.json') as DemoPerson[];
  const calendarData = ['cn-2025', 'cn-2026'].map((y) => readJson(`schemas/calendars/${y}.json`) as CalendarData);
  const definitions = Object.values(builtinDefinitions);
  const store = isPostgresUrl(file) ? new PostgresStore({ connectionString: file }) : new SqliteStore({ file });
  await store.migrate();
  if (options.seed !== false) await seed(store, definitions, calendarData, readJson('schemas/examples/complaint.valid.json') as ExampleComplaint[]);

  const codec = sessionCodec(options.secret ?? randomBytes(32));
  const personOf = (value: string | undefined): DemoPerson | undefined => {
    const id = value === undefined ? undefined : codec.verify(value);
    return id === undefined ? undefined : people.find((p) => p.id === id);
  };
  const actorOf = (p: DemoPerson) => ({ id: p.id, name: p.name, roles: [...p.roles], ...(p.office ? { office: p.office } : {}) });
  const handler = createWorkflowHandler({
    definitions,
    store,
    calendar: createCalendar(calendarData),
    basePath: BASE,
    authenticate: (request: Request) => {
      const p = personOf(cookieValue(request, SESSION_COOKIE));
      return p ? actorOf(p) : null;
    },
  });
  const stopTicker = handler.startTicker({ intervalMs: options.tickIntervalMs ?? 30_000 });
  const api = toNodeListener(handler);
  // The statistics table counted in SQL for <wy-complaint-stats src="/api/stats">, for anyone signed in.
  const offices = readJson('schemas/examples/offices.json') as StatsOffice[];
  const stats = toNodeListener(
    createStatsHandler({
      source: store instanceof PostgresStore ? { postgres: store } : { sqlite: store },
      offices,
      authenticate: (request: Request) => {
        const p = personOf(cookieValue(request, SESSION_COOKIE));
        return p ? actorOf(p) : null;
      },
    }),
  );
  const publicPeople = people.map((p) => ({ id: p.id, name: p.name, nameEn: p.nameEn, title: p.title, roles: p.roles, ...(p.office ? { office: p.office } : {}) }));

  /** Answers API and session requests; false for anything else (the static side). */
  async function route(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (path === BASE || path.startsWith(`${BASE}/`)) {
      api(req, res);
      return true;
    }
    if (path === STATS) {
      stats(req, res);
      return true;
    }
    if (path !== '/demo/session') return false;
    // Sign-in changes who acts: only from this origin's own pages, only as JSON.
    const origin = req.headers.origin;
    if (req.method !== 'GET' && origin !== undefined && origin !== `http://${req.headers.host}`) {
      send(res, 403, { error: { code: 'origin', message: 'Cross-origin sign-in refused' } });
    } else if (req.method === 'GET') {
      const p = personOf(cookieValue(req, SESSION_COOKIE));
      send(res, 200, { person: p ? actorOf(p) : null, people: publicPeople });
    } else if (req.method === 'POST') {
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
        send(res, 415, { error: { code: 'unsupported-media-type', message: 'Send JSON' } });
        return true;
      }
      let id: unknown;
      try {
        id = (JSON.parse(await readBody(req)) as { person?: unknown }).person;
      } catch {
        send(res, 400, { error: { code: 'malformed', message: 'Malformed JSON' } });
        return true;
      }
      const p = people.find((x) => x.id === id);
      if (!p) send(res, 422, { error: { code: 'invalid', message: 'No such demo person', fields: [{ path: '/person', message: 'unknown person' }] } });
      else send(res, 200, { person: actorOf(p) }, { 'set-cookie': `${SESSION_COOKIE}=${codec.sign(p.id)}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${SESSION_TTL_S}` });
    } else if (req.method === 'DELETE') {
      send(res, 200, { person: null }, { 'set-cookie': `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0` });
    } else {
      send(res, 405, { error: { code: 'method', message: 'GET, POST or DELETE' } }, { allow: 'GET, POST, DELETE' });
    }
    return true;
  }

  return {
    route,
    async close() {
      stopTicker();
      await handler.close?.();
      await store.close?.();
    },
  };
}
