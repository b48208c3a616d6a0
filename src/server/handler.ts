// The command API (issue 17): the workflow engine on the server behind a Fetch-API handler. The
// browser sends commands (event, fields, command id, expected version); the server takes the actor
// from the host's session (`authenticate`), runs the very same definitions with its own clock and
// commits. Nothing a client sends can set state, first receiver, audit entries, timers or time.
// Routes and answers: schemas/workflow-api.openapi.json (checked against this file by a test).
import type { BusinessCalendar } from '../core/calendar/calendar.js';
import type { Locale } from '../core/i18n/locale.js';
import type { AvailableAction } from '../workflow/actions.js';
import { readClocks, type ClockReadout } from '../workflow/clocks.js';
import { fallbackCalendar } from '../workflow/transition.js';
import { createEngine, UnknownDefinitionError, UnknownInstanceError, type Engine, type TickResult } from '../workflow/engine.js';
import { ConflictError, type WorkflowStore } from '../workflow/store.js';
import type { Actor, Person, Refusal, Snapshot, WorkflowDefinition } from '../workflow/types.js';
import { getAt } from '../workflow/pointer.js';

export type AuthorizeAction = 'start' | 'read' | 'send' | 'list' | 'history';

export interface WorkflowHandlerLimits {
  /** Largest request body in bytes; default 256 KiB. Bigger bodies get 413. */
  readonly maxBodyBytes?: number;
  /** Largest event payload / start data in UTF-8 bytes of JSON; default 64 KiB (the engine's bound). */
  readonly maxPayloadBytes?: number;
  /** How many instances one list request may scan to fill a filtered page; default 2000. */
  readonly maxScan?: number;
}

export interface WorkflowHandlerOptions {
  /** The definitions the server runs (the latest version of each id wins). */
  readonly definitions: readonly WorkflowDefinition[];
  /** A store with the change feed and list capabilities (SqliteStore, PostgresStore, MemoryStore). */
  readonly store: WorkflowStore;
  /**
   * REQUIRED. The actor of a request from the host's session (cookie, token): `{ id, name, roles }`,
   * or null when nobody is signed in (401). Never read the actor from the request body.
   */
  readonly authenticate: (request: Request) => Actor | null | Promise<Actor | null>;
  /**
   * Optional scoping: may this actor do `action` on this instance (null for start and list)?
   * False answers 403 (and leaves the instance out of lists and the feed).
   */
  readonly authorize?: (actor: Actor, instance: Snapshot | null, action: AuthorizeAction) => boolean | Promise<boolean>;
  readonly calendar?: BusinessCalendar;
  /** Server time in epoch ms; default Date.now. The only clock the server uses. */
  readonly clock?: () => number;
  /** Path prefix of the API; default `/api/workflow`. */
  readonly basePath?: string;
  /** Origins (scheme://host:port) allowed besides the request's own; other Origin headers get 403. */
  readonly allowedOrigins?: readonly string[];
  readonly limits?: WorkflowHandlerLimits;
  /** Language of field error messages; default zh-CN. */
  readonly locale?: Locale;
  /** Change feed: how often to look for changes written by other processes (default 1000 ms) and send a heartbeat (default 15000 ms). */
  readonly feed?: { readonly pollMs?: number; readonly heartbeatMs?: number };
  /** Unexpected errors (answered 500 with no detail), and instances tick() could not handle. */
  readonly onError?: (error: unknown, context: { readonly request?: Request; readonly instanceId?: string }) => void;
}

export interface WorkflowHandler {
  (request: Request): Promise<Response>;
  /** Fires due timers at server time (or `now`): call it on an interval you own, or use startTicker. */
  tick(now?: number): Promise<TickResult>;
  /** Ticks every `intervalMs` (default 10 s; never two at once); returns the stop function. */
  startTicker(options?: { readonly intervalMs?: number }): () => void;
  /** Stops tickers and ends open feeds. The store stays open (the host owns it). */
  close(): Promise<void>;
  /** The engine the handler runs (same definitions, store and clock). */
  readonly engine: Engine;
}

export interface InstanceView {
  readonly snapshot: Snapshot;
  readonly actions: readonly AvailableAction[];
  readonly clocks: readonly ClockReadout[];
}

export interface InstanceSummary {
  readonly id: string;
  readonly definitionId: string;
  readonly version: number;
  readonly state: string;
  readonly office?: string;
  readonly assignee?: Person;
  readonly updatedAt: number;
  readonly overdue: boolean;
}

interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** An answer decided early (refusals of every kind); turned into a JSON Response. */
class Answer extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_ID = 200;
const ROUTE_IDS = /^[^\u0000-\u001f]{1,200}$/;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', ...headers } });
}

const errorBody = (code: string, message: string, extra: Record<string, unknown> = {}) => ({ error: { code, message, ...extra } });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkActor(a: unknown): Actor {
  if (!isObject(a) || typeof a['id'] !== 'string' || a['id'] === '' || typeof a['name'] !== 'string' || !Array.isArray(a['roles']) || !a['roles'].every((r) => typeof r === 'string')) {
    throw new TypeError('authenticate() must return { id: string, name: string, roles: string[] } or null');
  }
  return { id: a['id'], name: a['name'], roles: [...(a['roles'] as string[])] };
}

/** Reads a JSON body: 415 for other content types, 413 over the limit, 400 when malformed. */
async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new Answer(415, 'unsupported-media-type', 'Request bodies must be application/json');
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new Answer(413, 'too-large', `The body is larger than ${maxBytes} bytes`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new Answer(413, 'too-large', `The body is larger than ${maxBytes} bytes`);
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Answer(400, 'malformed', 'The body is not valid UTF-8');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Answer(400, 'malformed', 'The body is not valid JSON');
  }
}

/** Refuses unknown keys and checks each known one; 422 with every problem found. */
function checkBody(body: unknown, fields: Record<string, (v: unknown) => string | undefined>, required: readonly string[]): Record<string, unknown> {
  if (!isObject(body)) throw new Answer(422, 'invalid', 'The body must be a JSON object', { fields: [{ path: '', message: 'must be an object' }] });
  const problems: FieldError[] = [];
  for (const key of Object.keys(body)) {
    if (!Object.hasOwn(fields, key)) problems.push({ path: `/${key}`, message: 'is not accepted from a client' });
  }
  for (const key of required) if (body[key] === undefined) problems.push({ path: `/${key}`, message: 'is required' });
  for (const [key, check] of Object.entries(fields)) {
    if (body[key] === undefined) continue;
    const m = check(body[key]);
    if (m) problems.push({ path: `/${key}`, message: m });
  }
  if (problems.length) throw new Answer(422, 'invalid', 'The body has invalid fields', { fields: problems });
  return body;
}

const idString = (v: unknown) => (typeof v === 'string' && ROUTE_IDS.test(v) ? undefined : `must be a string of 1 to ${MAX_ID} characters`);
const anyJson = () => undefined;
const objectOnly = (v: unknown) => (isObject(v) ? undefined : 'must be an object');
const version = (v: unknown) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? undefined : 'must be an integer of at least 1');

/** The status and body of an engine refusal. */
function refusalAnswer(r: Refusal): Answer {
  const fields = (r.errors ?? []).map((e) => ({ path: e.path, message: e.message }));
  if (r.code === 'invalid-fields' || r.code === 'missing-fields' || r.code === 'invalid-effect') {
    return new Answer(422, 'invalid', r.message, { refusal: r.code, fields });
  }
  if (r.code === 'payload-too-large') return new Answer(413, 'too-large', r.message, { refusal: r.code });
  return new Answer(403, r.code, r.message, fields.length ? { reasons: fields } : {});
}

interface Cursor {
  readonly u: number;
  readonly i: string;
}

function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c), 'utf8').toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (isObject(c) && typeof c['u'] === 'number' && Number.isFinite(c['u']) && typeof c['i'] === 'string') return { u: c['u'], i: c['i'] };
  } catch {
    /* answered below */
  }
  throw new Answer(422, 'invalid', 'The cursor is not one this server made', { fields: [{ path: 'cursor', message: 'is not a valid cursor' }] });
}

/** Creates the command API handler. Throws a TypeError when a required option is missing. */
export function createWorkflowHandler(options: WorkflowHandlerOptions): WorkflowHandler {
  if (!options || typeof options.authenticate !== 'function') throw new TypeError('createWorkflowHandler needs an authenticate(request) function: the actor comes only from the host session');
  if (!Array.isArray(options.definitions)) throw new TypeError('createWorkflowHandler needs definitions (an array of workflow definitions)');
  const { store } = options;
  if (!store || typeof store.commit !== 'function') throw new TypeError('createWorkflowHandler needs a store');
  if (typeof store.changes !== 'function' || typeof store.lastCursor !== 'function' || typeof store.list !== 'function') {
    throw new TypeError('createWorkflowHandler needs a store with the change feed and list capabilities (changes, lastCursor, list): SqliteStore, PostgresStore or MemoryStore');
  }
  const clock = options.clock ?? (() => Date.now());
  const calendar = options.calendar ?? fallbackCalendar();
  const base = (options.basePath ?? '/api/workflow').replace(/\/+$/, '');
  const allowed = new Set(options.allowedOrigins ?? []);
  const maxBody = options.limits?.maxBodyBytes ?? 256 * 1024;
  const maxScan = options.limits?.maxScan ?? 2000;
  const pollMs = options.feed?.pollMs ?? 1000;
  const heartbeatMs = options.feed?.heartbeatMs ?? 15_000;
  const report = (error: unknown, context: { request?: Request; instanceId?: string }) => {
    try {
      options.onError?.(error, context);
    } catch {
      /* a failing reporter changes no answer */
    }
  };
  const engine = createEngine({
    definitions: options.definitions,
    store,
    clock,
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.limits?.maxPayloadBytes !== undefined ? { maxPayloadBytes: options.limits.maxPayloadBytes } : {}),
    onError: (error, c) => report(error, { instanceId: c.instanceId }),
  });
  const definitions = new Map<string, WorkflowDefinition>();
  for (const d of options.definitions) {
    const prev = definitions.get(d.id);
    if (!prev || prev.version < d.version) definitions.set(d.id, d);
  }

  // Open feeds wait on this; a commit in this process wakes them at once, other processes' commits
  // are found by polling.
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  const unsubscribe = engine.subscribe(wake);
  const closers = new Set<() => void>();
  let closed = false;

  const may = async (actor: Actor, instance: Snapshot | null, action: AuthorizeAction) => (options.authorize ? (await options.authorize(actor, instance, action)) === true : true);

  async function loadFor(actor: Actor, id: string, action: AuthorizeAction): Promise<Snapshot> {
    let s: Snapshot | undefined;
    try {
      s = await engine.get(id);
    } catch (err) {
      if (err instanceof UnknownDefinitionError) {
        report(err, { instanceId: id });
        throw new Answer(500, 'instance-unavailable', 'This instance cannot be loaded by this server');
      }
      throw err;
    }
    if (!s) throw new Answer(404, 'not-found', 'No such instance');
    if (!(await may(actor, s, action))) throw new Answer(403, 'forbidden', 'You may not access this instance');
    return s;
  }

  async function view(s: Snapshot, actor: Actor): Promise<InstanceView> {
    return { snapshot: s, actions: await engine.availableActions(s, actor), clocks: await engine.clocks(s) };
  }

  const viewHeaders = (s: Snapshot) => ({ etag: `"${s.version}"` });

  function summary(s: Snapshot, now: number): InstanceSummary {
    const def = definitions.get(s.definitionId);
    let overdue = false;
    if (def && s.definitionVersion === def.version) {
      try {
        overdue = readClocks(def, s, now, calendar).some((c) => c.level === 'overdue');
      } catch {
        overdue = false;
      }
    }
    const office = isObject(s.data) ? s.data['officeId'] : undefined;
    return {
      id: s.id,
      definitionId: s.definitionId,
      version: s.version,
      state: s.state,
      ...(typeof office === 'string' ? { office } : {}),
      ...(s.handler ? { assignee: { id: s.handler.id, name: s.handler.name } } : {}),
      updatedAt: s.updatedAt,
      overdue,
    };
  }

  async function list(request: Request, actor: Actor): Promise<Response> {
    if (!(await may(actor, null, 'list'))) throw new Answer(403, 'forbidden', 'You may not list instances');
    const q = new URL(request.url).searchParams;
    const known = new Set(['definition', 'state', 'office', 'assigned', 'overdue', 'updatedSince', 'limit', 'cursor']);
    const problems: FieldError[] = [];
    for (const k of q.keys()) if (!known.has(k)) problems.push({ path: k, message: 'is not a known query parameter' });
    const int = (name: string, min: number, max: number): number | undefined => {
      const v = q.get(name);
      if (v === null) return undefined;
      const n = Number(v);
      if (!/^\d+$/.test(v) || !Number.isSafeInteger(n) || n < min || n > max) {
        problems.push({ path: name, message: `must be an integer from ${min} to ${max}` });
        return undefined;
      }
      return n;
    };
    const limit = int('limit', 1, 200) ?? 50;
    const updatedSince = int('updatedSince', 0, Number.MAX_SAFE_INTEGER);
    const assigned = q.get('assigned');
    if (assigned !== null && assigned !== 'me') problems.push({ path: 'assigned', message: 'must be "me"' });
    const overdue = q.get('overdue');
    if (overdue !== null && overdue !== 'true' && overdue !== 'false') problems.push({ path: 'overdue', message: 'must be true or false' });
    for (const k of ['definition', 'state', 'office']) {
      const v = q.get(k);
      if (v !== null && idString(v)) problems.push({ path: k, message: idString(v)! });
    }
    if (problems.length) throw new Answer(422, 'invalid', 'The query has invalid parameters', { fields: problems });
    const cursorText = q.get('cursor');
    let after: Cursor | undefined = cursorText ? decodeCursor(cursorText) : undefined;
    const office = q.get('office');
    const now = clock();
    const items: InstanceSummary[] = [];
    let scanned = 0;
    let more = false;
    while (items.length < limit && scanned < maxScan) {
      const batch = Math.min(200, maxScan - scanned);
      const page = await store.list!({
        ...(q.get('definition') !== null ? { definitionId: q.get('definition')! } : {}),
        ...(q.get('state') !== null ? { state: q.get('state')! } : {}),
        ...(updatedSince !== undefined ? { updatedSince } : {}),
        ...(after ? { after: { updatedAt: after.u, id: after.i } } : {}),
        limit: batch,
      });
      more = page.length === batch;
      for (const s of page) {
        scanned++;
        after = { u: s.updatedAt, i: s.id };
        const sum = summary(s, now);
        if (office !== null && sum.office !== office) continue;
        if (assigned === 'me' && s.handler?.id !== actor.id) continue;
        if (overdue !== null && sum.overdue !== (overdue === 'true')) continue;
        if (!(await may(actor, s, 'read'))) continue;
        items.push(sum);
        if (items.length === limit) {
          more = more || page.indexOf(s) < page.length - 1;
          break;
        }
      }
      if (!more) break;
    }
    return json(200, { items, nextCursor: more && after ? encodeCursor(after) : null });
  }

  function feed(request: Request, actor: Actor, lastEventId: string | null): Response {
    let from: number | undefined;
    if (lastEventId !== null && lastEventId !== '') {
      if (!/^\d{1,15}$/.test(lastEventId)) throw new Answer(422, 'invalid', 'Last-Event-ID must be a cursor this server sent', { fields: [{ path: 'Last-Event-ID', message: 'must be a non-negative integer' }] });
      from = Number(lastEventId);
    }
    const encoder = new TextEncoder();
    let stop: (() => void) | undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let done = false;
        let wakeUp: (() => void) | undefined;
        const finish = () => {
          if (done) return;
          done = true;
          wakeUp?.();
          closers.delete(finish);
          try {
            controller.close();
          } catch {
            /* already closed */
          }
        };
        stop = finish;
        closers.add(finish);
        request.signal?.addEventListener('abort', finish);
        const send = (text: string) => {
          if (!done) controller.enqueue(encoder.encode(text));
        };
        void (async () => {
          try {
            let cursor = from ?? (await store.lastCursor!());
            send(`retry: 2000\n: connected at ${cursor}\n\n`);
            let lastBeat = Date.now();
            while (!done) {
              const changes = await store.changes!(cursor, 100);
              for (const c of changes) {
                cursor = c.cursor;
                if (options.authorize) {
                  const s = await store.load(c.instanceId).catch(() => undefined);
                  if (!s || !(await may(actor, s, 'read'))) continue;
                }
                const data = { instanceId: c.instanceId, definitionId: c.definitionId, version: c.version, state: c.state, type: c.type };
                send(`id: ${c.cursor}\nevent: change\ndata: ${JSON.stringify(data)}\n\n`);
              }
              if (changes.length === 100) continue;
              if (Date.now() - lastBeat >= heartbeatMs) {
                send(': heartbeat\n\n');
                lastBeat = Date.now();
              }
              await new Promise<void>((resolve) => {
                const timer = setTimeout(done2, Math.min(pollMs, heartbeatMs));
                function done2() {
                  clearTimeout(timer);
                  waiters.delete(done2);
                  wakeUp = undefined;
                  resolve();
                }
                wakeUp = done2;
                waiters.add(done2);
              });
            }
          } catch (err) {
            report(err, { request });
            finish();
          }
        })();
      },
      cancel() {
        stop?.();
      },
    });
    return new Response(stream, {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' },
    });
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    // Origin: a browser sends it on cross-origin requests (and on same-origin POSTs); anything
    // not the request's own origin or on the allow-list is refused before anything else.
    const origin = request.headers.get('origin');
    const cors: Record<string, string> = {};
    if (origin !== null) {
      if (origin !== url.origin && !allowed.has(origin)) throw new Answer(403, 'origin', 'This origin may not call the workflow API');
      if (origin !== url.origin) Object.assign(cors, { 'access-control-allow-origin': origin, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'etag', vary: 'origin' });
    }
    if (url.pathname !== base && !url.pathname.startsWith(`${base}/`)) throw new Answer(404, 'not-found', 'No such route');
    let parts: string[];
    try {
      parts = url.pathname.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent);
    } catch {
      throw new Answer(400, 'malformed', 'Bad percent-encoding in the path');
    }
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS' && Object.keys(cors).length) {
      return new Response(null, {
        status: 204,
        headers: { ...cors, 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type, if-match, if-none-match, last-event-id', 'access-control-max-age': '600' },
      });
    }
    const match = matchRoute(parts);
    if (!match) throw new Answer(404, 'not-found', 'No such route');
    if (!match.methods.includes(method)) throw new Answer(405, 'method-not-allowed', `Use ${match.methods.join(' or ')}`, {}, { allow: match.methods.join(', ') });
    for (const p of Object.values(match.params)) if (!ROUTE_IDS.test(p)) throw new Answer(404, 'not-found', 'No such instance');

    const actor0 = await options.authenticate(request);
    if (actor0 === null || actor0 === undefined) throw new Answer(401, 'unauthenticated', 'Sign in first');
    const actor = checkActor(actor0);
    const withCors = (r: Response) => {
      for (const [k, v] of Object.entries(cors)) r.headers.set(k, v);
      return r;
    };
    return withCors(await dispatch(match.name, match.params, method, request, actor));
  }

  async function dispatch(name: RouteName, params: Record<string, string>, method: string, request: Request, actor: Actor): Promise<Response> {
    switch (name) {
      case 'definitions':
        return json(200, { items: [...definitions.values()] });
      case 'instances': {
        if (method === 'GET') return list(request, actor);
        const body = checkBody(await readJson(request, maxBody), { definitionId: idString, data: objectOnly, commandId: idString }, ['definitionId']);
        const def = definitions.get(body['definitionId'] as string);
        if (!def) throw new Answer(404, 'unknown-definition', 'No such workflow definition');
        const data = (body['data'] ?? {}) as Record<string, unknown>;
        // The first receiver (首问责任人) and the handler are the server's to set, never the client's.
        const locked = [def.firstReceiver, def.handler].filter((p): p is string => typeof p === 'string' && p !== '');
        const forged = locked.filter((p) => getAt(data, p) !== undefined);
        if (forged.length) throw new Answer(422, 'invalid', 'The body sets fields only the server sets', { fields: forged.map((p) => ({ path: `/data${p}`, message: 'is set by the server from the signed-in person' })) });
        if (!(await may(actor, null, 'start'))) throw new Answer(403, 'forbidden', 'You may not start instances');
        const r = await engine.start(def.id, { data, ...(body['commandId'] !== undefined ? { commandId: body['commandId'] as string } : {}) }, actor);
        if (!r.ok) throw refusalAnswer(r);
        if (r.duplicate && !(await may(actor, r.snapshot, 'read'))) throw new Answer(403, 'forbidden', 'You may not access this instance');
        return json(r.duplicate ? 200 : 201, { ...(await view(r.snapshot, actor)), duplicate: r.duplicate }, viewHeaders(r.snapshot));
      }
      case 'instance': {
        const s = await loadFor(actor, params['id']!, 'read');
        const tag = `"${s.version}"`;
        const inm = request.headers.get('if-none-match');
        if (inm !== null && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === tag || t.trim() === '*')) {
          return new Response(null, { status: 304, headers: { etag: tag, 'cache-control': 'no-store' } });
        }
        return json(200, await view(s, actor), viewHeaders(s));
      }
      case 'events': {
        const body = checkBody(await readJson(request, maxBody), { type: idString, payload: anyJson, commandId: idString, expectedVersion: version }, ['type']);
        let expected = body['expectedVersion'] as number | undefined;
        const ifMatch = request.headers.get('if-match');
        if (ifMatch !== null) {
          const m = /^"(\d{1,15})"$/.exec(ifMatch.trim());
          if (!m) throw new Answer(422, 'invalid', 'If-Match must be "<version>"', { fields: [{ path: 'If-Match', message: 'must be a quoted integer version' }] });
          const v = Number(m[1]);
          if (expected !== undefined && expected !== v) throw new Answer(422, 'invalid', 'If-Match and expectedVersion differ', { fields: [{ path: '/expectedVersion', message: 'differs from If-Match' }] });
          expected = v;
        }
        const id = params['id']!;
        const s = await loadFor(actor, id, 'send');
        try {
          const r = await engine.send(
            id,
            {
              type: body['type'] as string,
              ...(body['payload'] !== undefined ? { payload: body['payload'] } : {}),
              ...(body['commandId'] !== undefined ? { commandId: body['commandId'] as string } : {}),
              ...(expected !== undefined ? { expectedVersion: expected } : {}),
            },
            actor,
          );
          if (!r.ok) throw refusalAnswer(r);
          return json(200, { ...(await view(r.snapshot, actor)), duplicate: r.duplicate }, viewHeaders(r.snapshot));
        } catch (err) {
          if (err instanceof ConflictError) throw new Answer(409, 'conflict', 'The instance has changed since you read it', { currentVersion: err.actualVersion ?? s.version });
          if (err instanceof UnknownInstanceError) throw new Answer(404, 'not-found', 'No such instance');
          throw err;
        }
      }
      case 'history': {
        await loadFor(actor, params['id']!, 'history');
        return json(200, { items: await engine.history(params['id']!) });
      }
      case 'feed': {
        if (!(await may(actor, null, 'list'))) throw new Answer(403, 'forbidden', 'You may not follow changes');
        const q = new URL(request.url).searchParams;
        return feed(request, actor, request.headers.get('last-event-id') ?? q.get('lastEventId'));
      }
    }
  }

  const handler = (async (request: Request): Promise<Response> => {
    try {
      if (closed) throw new Answer(503, 'closed', 'The workflow API is shutting down');
      return await route(request);
    } catch (err) {
      if (err instanceof Answer) return json(err.status, errorBody(err.code, err.message, err.extra), err.headers);
      report(err, { request });
      return json(500, errorBody('internal', 'The server could not handle this request'));
    }
  }) as WorkflowHandler;

  const tickers = new Set<() => void>();
  Object.defineProperty(handler, 'engine', { value: engine, enumerable: true });
  handler.tick = (now?: number) => engine.tick(now ?? clock());
  handler.startTicker = ({ intervalMs = 10_000 } = {}) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      handler
        .tick()
        .catch((err: unknown) => report(err, {}))
        .finally(() => {
          running = false;
        });
    }, Math.max(10, intervalMs));
    (timer as { unref?: () => void }).unref?.();
    const stop = () => {
      clearInterval(timer);
      tickers.delete(stop);
    };
    tickers.add(stop);
    return stop;
  };
  handler.close = async () => {
    closed = true;
    for (const stop of [...tickers]) stop();
    for (const finish of [...closers]) finish();
    wake();
    unsubscribe();
  };
  return handler;
}

type RouteName = 'definitions' | 'instances' | 'instance' | 'events' | 'history' | 'feed';

/** Every route: path template (relative to basePath) and methods. The OpenAPI file documents the same. */
export const WORKFLOW_ROUTES: readonly { readonly name: RouteName; readonly path: string; readonly methods: readonly string[] }[] = [
  { name: 'definitions', path: '/definitions', methods: ['GET'] },
  { name: 'instances', path: '/instances', methods: ['GET', 'POST'] },
  { name: 'instance', path: '/instances/{id}', methods: ['GET'] },
  { name: 'events', path: '/instances/{id}/events', methods: ['POST'] },
  { name: 'history', path: '/instances/{id}/history', methods: ['GET'] },
  { name: 'feed', path: '/feed', methods: ['GET'] },
];

function matchRoute(parts: readonly string[]): { name: RouteName; methods: readonly string[]; params: Record<string, string> } | undefined {
  for (const r of WORKFLOW_ROUTES) {
    const segs = r.path.split('/').filter(Boolean);
    if (segs.length !== parts.length) continue;
    const params: Record<string, string> = {};
    if (segs.every((s, i) => (s.startsWith('{') ? ((params[s.slice(1, -1)] = parts[i]!), true) : s === parts[i]))) return { name: r.name, methods: r.methods, params };
  }
  return undefined;
}
