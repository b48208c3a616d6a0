// RemoteEngine: the `Engine` interface over the command API of `wuye-kit/server` (api.md,
// README "The server decides"). The browser sends commands; the server authenticates the actor
// from the host's session, runs the engine with its own clock and commits. Nothing here decides:
// answers are the server's.
//
// - Retries with exponential backoff and full jitter on network errors, timeouts, 502, 503, 504
//   and 429 (honouring Retry-After). Every command carries a command id (made here when the
//   caller gave none), so a retried start or send never applies twice.
// - GET /instances/{id} with If-None-Match: the last view of an instance is kept with its ETag;
//   304 answers from it. availableActions() and clocks() reuse that view (the actions are the
//   SESSION's actor's, decided by the server; the `actor` argument is not sent).
// - expectedVersion → 409 → ConflictError; 403 with an engine refusal code and 422 field errors
//   → a Refusal; other 401/403 → RemoteEngineError.
// - subscribe() opens one change feed (Server-Sent Events read from a fetch stream, so it works in
//   Node and browsers and carries headers and cookies alike), reconnects with backoff and resumes
//   with Last-Event-ID; each change is delivered with the instance's current snapshot.
// - definition(id) is synchronous: the definitions are loaded from GET /definitions by `ready()`,
//   which every other method awaits first. Call `await engine.ready()` before handing the engine
//   to elements that read definitions synchronously (the workflow panel reads them after its first
//   get(), so it works either way).
// DOM-free: fetch, AbortController and TextDecoder are reached through globalThis.
import type { BusinessCalendar } from '../core/calendar/calendar.js';
import type { AvailableAction } from './actions.js';
import { readClocks, type ClockReadout } from './clocks.js';
import { UnknownDefinitionError, UnknownInstanceError, type Engine, type EngineChange, type SendResult, type StartInput, type TickResult } from './engine.js';
import { getAt, setAt } from './pointer.js';
import { ConflictError } from './store.js';
import type { Actor, AuditEntry, Refusal, RefusalCode, Snapshot, WorkflowDefinition, WorkflowEvent } from './types.js';

/** The part of a fetch Response RemoteEngine reads. */
export interface RemoteResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
  /** A web ReadableStream of bytes (the change feed). */
  readonly body?: unknown;
}

/** The part of `fetch` RemoteEngine uses. */
export type RemoteFetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: unknown; credentials?: string; cache?: string },
) => Promise<RemoteResponse>;

export interface RemoteEngineOptions {
  /** The API's base URL: `/api/workflow` on the same origin, or `https://svc.example/api/workflow`. No trailing slash needed. */
  readonly baseUrl: string;
  /** Default: the global fetch. */
  readonly fetch?: RemoteFetch;
  /** Extra headers on every request (e.g. `Authorization: Bearer …` for a host's JWT). A function is called per request. */
  readonly headers?: Readonly<Record<string, string>> | (() => Readonly<Record<string, string>>);
  /** fetch's credentials mode; default `same-origin` (cookies to the page's own origin). Use `include` for a service on another origin. */
  readonly credentials?: 'same-origin' | 'include' | 'omit';
  /** Retries after the first attempt; default 4. */
  readonly retries?: number;
  /** First backoff; doubles per retry with full jitter; default 200 ms. */
  readonly backoffMs?: number;
  /** Cap of one backoff (and of Retry-After); default 5 s. */
  readonly maxBackoffMs?: number;
  /** Per attempt; default 15 s. */
  readonly timeoutMs?: number;
  /** Business calendar: with it, clocks(instance, now) for a given `now` is computed here from the snapshot; without it, read-outs are the server's (at server time). */
  readonly calendar?: BusinessCalendar;
  /** A cached view younger than this serves clocks() without asking again; default 5 s. */
  readonly clockMaxAgeMs?: number;
  /** Makes command ids; default crypto.randomUUID. */
  readonly newCommandId?: () => string;
  /** Random number in [0, 1) for jitter; default Math.random. */
  readonly random?: () => number;
  /** Waits `ms`; default setTimeout. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Current time for cache ages; default Date.now. Never sent to the server. */
  readonly now?: () => number;
  /** Called when the feed drops or a listener throws (for logging); the feed reconnects by itself. */
  readonly onError?: (error: unknown) => void;
}

/** What GET /instances/{id} and command answers carry. */
export interface InstanceView {
  readonly snapshot: Snapshot;
  readonly actions: readonly AvailableAction[];
  readonly clocks: readonly ClockReadout[];
  readonly duplicate?: boolean;
}

/** One row of GET /instances. */
export interface InstanceSummary {
  readonly id: string;
  readonly definitionId: string;
  readonly version: number;
  readonly state: string;
  readonly office?: string;
  readonly assignee?: string;
  readonly updatedAt: number;
  readonly overdue: boolean;
}

export interface RemoteInstanceQuery {
  readonly definition?: string;
  readonly state?: string;
  readonly office?: string;
  readonly assigned?: 'me';
  readonly overdue?: boolean;
  readonly updatedSince?: number;
  /** 1..200; default 50 (the server's). */
  readonly limit?: number;
  readonly cursor?: string;
}

/** A change on the feed, as the server sends it. */
export interface FeedChange {
  readonly instanceId: string;
  readonly definitionId: string;
  readonly version: number;
  readonly state: string;
  readonly type: string;
}

/** An answer that is neither a result nor a refusal of the engine (401, 403 by the host, 404 route, 413, 415, 5xx, network). */
export class RemoteEngineError extends Error {
  override readonly name = 'RemoteEngineError';
  constructor(
    message: string,
    /** HTTP status, or 0 for a network error or timeout. */
    readonly status: number,
    /** The server's error code (`unauthenticated`, `forbidden`, `origin`, …), when it sent one. */
    readonly code: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

// Every refusal code of the engine (a Record, so a code added to RefusalCode is a compile error here until listed).
const REFUSAL_CODES: Readonly<Record<RefusalCode, true>> = {
  'unknown-event': true,
  'not-allowed-in-state': true,
  'role-not-allowed': true,
  'guard-failed': true,
  'missing-fields': true,
  'invalid-fields': true,
  'immutable-field': true,
  'final-state': true,
  'definition-mismatch': true,
  'invalid-effect': true,
  'payload-too-large': true,
  'logic-budget': true,
};
const isRefusalCode = (c: unknown): c is RefusalCode => typeof c === 'string' && Object.prototype.hasOwnProperty.call(REFUSAL_CODES, c);
const CHANGE_TYPES: readonly EngineChange['type'][] = ['started', 'transition', 'timer', 'migrated'];

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

interface Answer {
  readonly status: number;
  readonly text: string;
  readonly headers: RemoteResponse['headers'];
  readonly attempts: number;
}

class Retryable extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

type AbortControllerLike = { readonly signal: unknown; abort(): void };
type TextDecoderLike = { decode(input?: unknown, options?: { stream?: boolean }): string };
type ReaderLike = { read(): Promise<{ done: boolean; value?: unknown }>; cancel(): Promise<void> };

const g = globalThis as unknown as {
  fetch?: RemoteFetch;
  AbortController?: new () => AbortControllerLike;
  TextDecoder?: new (label?: string) => TextDecoderLike;
  crypto?: { randomUUID?: () => string };
};

function randomCommandId(): string {
  if (g.crypto?.randomUUID) return g.crypto.randomUUID();
  return `cmd-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

interface Cached {
  readonly view: InstanceView;
  readonly etag: string | null;
  readonly at: number;
}

interface Listener {
  readonly fn: (change: EngineChange) => void;
  readonly instanceId?: string;
}

/**
 * The workflow engine of a `wuye-kit/server`, over HTTP. Implements `Engine`, so
 * `<wy-workflow-panel>`, `<wy-complaint-form>` adapters and pages written for `createEngine()`
 * run unchanged. The actor arguments are not sent: the server takes the actor from the session
 * (cookie or `headers`), never from the browser.
 */
export class RemoteEngine implements Engine {
  readonly #base: string;
  readonly #fetch: RemoteFetch;
  readonly #headers: () => Readonly<Record<string, string>>;
  readonly #credentials: string;
  readonly #retries: number;
  readonly #backoff: number;
  readonly #maxBackoff: number;
  readonly #timeout: number;
  readonly #calendar: BusinessCalendar | undefined;
  readonly #clockMaxAge: number;
  readonly #newCommandId: () => string;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #now: () => number;
  readonly #onError: (error: unknown) => void;

  readonly #definitions = new Map<string, WorkflowDefinition>();
  #ready: Promise<this> | undefined;
  readonly #views = new Map<string, Cached>();
  readonly #listeners = new Set<Listener>();
  #feed: { stop(): void } | undefined;
  #lastEventId: string | undefined;

  constructor(options: RemoteEngineOptions) {
    if (typeof options?.baseUrl !== 'string' || options.baseUrl === '') throw new TypeError('RemoteEngine needs options.baseUrl (e.g. "/api/workflow")');
    this.#base = options.baseUrl.replace(/\/+$/, '');
    const f = options.fetch ?? (g.fetch ? (g.fetch.bind(globalThis) as RemoteFetch) : undefined);
    if (!f) throw new TypeError('RemoteEngine needs fetch: pass options.fetch on a platform without a global fetch');
    this.#fetch = f;
    const h = options.headers;
    this.#headers = typeof h === 'function' ? h : () => h ?? {};
    this.#credentials = options.credentials ?? 'same-origin';
    this.#retries = options.retries ?? 4;
    this.#backoff = options.backoffMs ?? 200;
    this.#maxBackoff = options.maxBackoffMs ?? 5_000;
    this.#timeout = options.timeoutMs ?? 15_000;
    this.#calendar = options.calendar;
    this.#clockMaxAge = options.clockMaxAgeMs ?? 5_000;
    this.#newCommandId = options.newCommandId ?? randomCommandId;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    this.#now = options.now ?? Date.now;
    this.#onError = options.onError ?? (() => undefined);
  }

  // ── transport ─────────────────────────────────────────────────────────────────────────────

  async #attempt(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Omit<Answer, 'attempts'>> {
    const controller = g.AbortController ? new g.AbortController() : undefined;
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller?.abort();
        reject(new Retryable(`${method} ${path} timed out after ${this.#timeout} ms`, 0));
      }, this.#timeout);
    });
    try {
      const init = {
        method,
        headers: { accept: 'application/json', ...this.#headers(), ...headers },
        credentials: this.#credentials,
        cache: 'no-store',
        ...(body === undefined ? {} : { body }),
        ...(controller ? { signal: controller.signal } : {}),
      };
      const res = await Promise.race([this.#fetch(`${this.#base}${path}`, init), timeout]);
      const text = await Promise.race([res.text(), timeout]);
      if (RETRY_STATUSES.has(res.status)) {
        const ra = res.headers.get('retry-after');
        const ms = ra !== null && /^\d+(\.\d+)?$/.test(ra.trim()) ? Number(ra) * 1000 : undefined;
        throw new Retryable(`${method} ${path} answered ${res.status}`, res.status, ms);
      }
      return { status: res.status, text, headers: res.headers };
    } catch (err) {
      if (err instanceof Retryable) throw err;
      throw new Retryable(`${method} ${path} failed: ${err instanceof Error ? err.message : String(err)}`, 0);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Attempts until an answer that is not retryable, or the retries run out. */
  async #request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
    let last: Retryable | undefined;
    for (let attempt = 0; attempt <= this.#retries; attempt++) {
      if (attempt > 0) {
        const exp = Math.min(this.#maxBackoff, this.#backoff * 2 ** (attempt - 1));
        await this.#sleep(last?.retryAfterMs !== undefined ? Math.min(this.#maxBackoff, last.retryAfterMs) : Math.floor(this.#random() * exp));
      }
      try {
        return { ...(await this.#attempt(method, path, headers, body)), attempts: attempt + 1 };
      } catch (err) {
        last = err as Retryable;
      }
    }
    const n = this.#retries + 1;
    throw new RemoteEngineError(`${last?.message ?? `${method} ${path} failed`} (after ${n} attempts)`, last?.status ?? 0, last?.status ? 'unavailable' : 'network', n);
  }

  #json<T>(a: Answer, what: string): T {
    try {
      return JSON.parse(a.text) as T;
    } catch {
      throw new RemoteEngineError(`${what}: the server answered ${a.status} with a body that is not JSON`, a.status, 'bad-answer', a.attempts);
    }
  }

  /** The `{ error: { code, message, … } }` of an error answer (or a stand-in when there is none). */
  #error(a: Answer): { code: string; message: string; [k: string]: unknown } {
    try {
      const e = (JSON.parse(a.text) as { error?: { code?: unknown; message?: unknown } }).error;
      if (e && typeof e.code === 'string') return { ...e, code: e.code, message: typeof e.message === 'string' ? e.message : e.code };
    } catch {
      /* not JSON */
    }
    return { code: `http-${a.status}`, message: `HTTP ${a.status}` };
  }

  #fail(a: Answer, what: string): never {
    const e = this.#error(a);
    throw new RemoteEngineError(`${what}: ${e.message} (${a.status} ${e.code})`, a.status, e.code, a.attempts);
  }

  // ── definitions ──────────────────────────────────────────────────────────────────────────

  /**
   * Loads the definitions the server runs (GET /definitions), once; every other method awaits it.
   * A failure is not kept: the next call tries again.
   */
  ready(): Promise<this> {
    this.#ready ??= (async () => {
      const a = await this.#request('GET', '/definitions');
      if (a.status !== 200) this.#fail(a, 'GET /definitions');
      const { items } = this.#json<{ items: WorkflowDefinition[] }>(a, 'GET /definitions');
      if (!Array.isArray(items)) throw new RemoteEngineError('GET /definitions: no items in the answer', a.status, 'bad-answer', a.attempts);
      for (const d of items) this.#definitions.set(d.id, d);
      return this;
    })().catch((err: unknown) => {
      this.#ready = undefined;
      throw err;
    });
    return this.#ready;
  }

  /** The server's definition (synchronous: undefined until `ready()` has resolved). */
  definition(id: string): WorkflowDefinition | undefined {
    return this.#definitions.get(id);
  }

  /** Every definition the server runs (after `ready()`). */
  definitions(): WorkflowDefinition[] {
    return [...this.#definitions.values()];
  }

  // ── commands ─────────────────────────────────────────────────────────────────────────────

  /** Maps a 403 / 413 / 422 answer carrying an engine refusal to the engine's Refusal, or throws for what is not one. */
  #refusalOrThrow(a: Answer, event: string, state: string, what: string): Refusal {
    const e = this.#error(a);
    const list = (x: unknown) =>
      Array.isArray(x) ? (x as { path?: unknown; message?: unknown; keyword?: unknown }[]).map((f) => ({ path: String(f.path ?? ''), keyword: typeof f.keyword === 'string' ? f.keyword : 'invalid', message: String(f.message ?? '') })) : [];
    const refusal = isRefusalCode(e['refusal']) ? e['refusal'] : isRefusalCode(e.code) ? e.code : undefined;
    let code: RefusalCode | undefined;
    let errors: Refusal['errors'] = [];
    if (a.status === 422) {
      code = refusal ?? 'invalid-fields';
      errors = list(e['fields']);
    } else if (a.status === 403 && refusal) {
      code = refusal;
      errors = list(e['reasons'] ?? e['errors']);
    } else if (a.status === 413 && refusal) code = refusal;
    if (!code) this.#fail(a, what);
    return { ok: false, code, message: e.message, event, state: typeof e['state'] === 'string' ? e['state'] : state, ...(errors.length ? { errors } : {}) };
  }

  /**
   * Starts an instance (POST /instances). The server chooses the instance id (`input.id` is not
   * sent: read `result.snapshot.id`) and sets what only it may set: the paths the definition names
   * as first receiver (首问责任人) and handler are taken out of `data` before sending, and the server
   * fills them from the signed-in person. A command id is made when none is given, so a retry
   * never starts a second instance.
   */
  async start(definitionId: string, input: StartInput, _actor?: Actor): Promise<SendResult> {
    await this.ready();
    const def = this.#definitions.get(definitionId);
    if (!def) throw new UnknownDefinitionError(definitionId);
    const ownKey = input.commandId === undefined;
    const commandId = input.commandId ?? this.#newCommandId();
    let data = input.data;
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
      for (const path of [def.firstReceiver, def.handler]) if (path && getAt(data, path) !== undefined) data = setAt(data, path, undefined);
    }
    const body = JSON.stringify({ definitionId, ...(data !== undefined ? { data } : {}), commandId });
    const a = await this.#request('POST', '/instances', { 'content-type': 'application/json' }, body);
    if (a.status === 200 || a.status === 201) {
      const view = this.#json<InstanceView>(a, 'start');
      this.#remember(view, a.headers.get('etag'));
      // A duplicate answer to a retry with a key made here is the lost answer of our own first attempt.
      const duplicate = view.duplicate === true && !(ownKey && a.attempts > 1);
      return { ok: true, snapshot: view.snapshot, effects: [], audit: [], duplicate };
    }
    if (a.status === 404) throw new UnknownDefinitionError(definitionId);
    return this.#refusalOrThrow(a, 'start', def.initial, `start ${definitionId}`);
  }

  /** Sends an event (POST /instances/{id}/events); `expectedVersion` makes a stale command a ConflictError. */
  async send(instanceId: string, event: WorkflowEvent & { readonly expectedVersion?: number }, _actor?: Actor): Promise<SendResult> {
    await this.ready();
    const ownKey = event.commandId === undefined;
    const commandId = event.commandId ?? this.#newCommandId();
    const body = JSON.stringify({
      type: event.type,
      ...(event.payload !== undefined ? { payload: event.payload } : {}),
      commandId,
      ...(event.expectedVersion !== undefined ? { expectedVersion: event.expectedVersion } : {}),
    });
    const a = await this.#request('POST', `/instances/${encodeURIComponent(instanceId)}/events`, { 'content-type': 'application/json' }, body);
    if (a.status === 200) {
      const view = this.#json<InstanceView>(a, 'send');
      this.#remember(view, a.headers.get('etag'));
      const duplicate = view.duplicate === true && !(ownKey && a.attempts > 1);
      return { ok: true, snapshot: view.snapshot, effects: [], audit: [], duplicate };
    }
    if (a.status === 409) {
      const e = this.#error(a);
      const current = typeof e['currentVersion'] === 'number' ? e['currentVersion'] : undefined;
      this.#views.delete(instanceId);
      throw new ConflictError(instanceId, event.expectedVersion ?? -1, current);
    }
    if (a.status === 404) throw new UnknownInstanceError(instanceId);
    return this.#refusalOrThrow(a, event.type, this.#views.get(instanceId)?.view.snapshot.state ?? '', `send ${event.type} to ${instanceId}`);
  }

  // ── reads ────────────────────────────────────────────────────────────────────────────────

  #remember(view: InstanceView, etag: string | null): void {
    if (!view || typeof view !== 'object' || !view.snapshot || typeof view.snapshot.id !== 'string') {
      throw new RemoteEngineError('the server answered without an instance view', 200, 'bad-answer', 1);
    }
    const prev = this.#views.get(view.snapshot.id);
    // An older view (a slow answer overtaken by a newer one) does not replace a newer one.
    if (prev && prev.view.snapshot.version > view.snapshot.version) return;
    this.#views.set(view.snapshot.id, { view, etag: etag ?? `"${view.snapshot.version}"`, at: this.#now() });
  }

  /**
   * The instance as THIS session's actor sees it: snapshot, the actions it may take and clock
   * read-outs (GET /instances/{id}, conditional when a view is cached). Undefined when unknown.
   */
  async view(instanceId: string, options: { readonly fresh?: boolean } = {}): Promise<InstanceView | undefined> {
    await this.ready();
    const cached = this.#views.get(instanceId);
    const headers: Record<string, string> = cached?.etag && !options.fresh ? { 'if-none-match': cached.etag } : {};
    const a = await this.#request('GET', `/instances/${encodeURIComponent(instanceId)}`, headers);
    if (a.status === 304 && cached) {
      this.#views.set(instanceId, { ...cached, at: this.#now() });
      return cached.view;
    }
    if (a.status === 404) {
      this.#views.delete(instanceId);
      return undefined;
    }
    if (a.status !== 200) this.#fail(a, `GET instance ${instanceId}`);
    const view = this.#json<InstanceView>(a, `GET instance ${instanceId}`);
    this.#remember(view, a.headers.get('etag'));
    return this.#views.get(instanceId)?.view ?? view;
  }

  async get(instanceId: string): Promise<Snapshot | undefined> {
    return (await this.view(instanceId))?.snapshot;
  }

  /** The cached view of `instance` at its version, else a fresh one. */
  async #viewOf(instance: Snapshot | string): Promise<InstanceView> {
    const id = typeof instance === 'string' ? instance : instance.id;
    const cached = this.#views.get(id);
    if (cached && (typeof instance === 'string' || cached.view.snapshot.version === instance.version)) return cached.view;
    const view = await this.view(id);
    if (!view) throw new UnknownInstanceError(id);
    return view;
  }

  /** The actions of the SESSION's actor, as the server computed them (the `actor` argument is not sent). */
  async availableActions(instance: Snapshot | string, _actor?: Actor): Promise<AvailableAction[]> {
    await this.ready();
    return [...(await this.#viewOf(instance)).actions];
  }

  /**
   * Clock read-outs. Without `now`: the server's, at server time (a cached view younger than
   * `clockMaxAgeMs` is reused, an older one asked again). With `now` and a `calendar` option:
   * computed here from the snapshot (a preview; the server's timers decide). With `now` and no
   * calendar: the server's, at server time.
   */
  async clocks(instance: Snapshot | string, now?: number): Promise<ClockReadout[]> {
    await this.ready();
    if (now !== undefined && this.#calendar) {
      const snapshot = typeof instance === 'string' ? (await this.#viewOf(instance)).snapshot : instance;
      const def = this.#definitions.get(snapshot.definitionId);
      if (!def) throw new UnknownDefinitionError(snapshot.definitionId);
      return readClocks(def, snapshot, now, this.#calendar);
    }
    const id = typeof instance === 'string' ? instance : instance.id;
    const cached = this.#views.get(id);
    if (cached && this.#now() - cached.at < this.#clockMaxAge && (typeof instance === 'string' || cached.view.snapshot.version === instance.version)) {
      return [...cached.view.clocks];
    }
    const view = await this.view(id, { fresh: true });
    if (!view) throw new UnknownInstanceError(id);
    return [...view.clocks];
  }

  /** The audit trail (GET /instances/{id}/history). */
  async history(instanceId: string): Promise<AuditEntry[]> {
    await this.ready();
    const a = await this.#request('GET', `/instances/${encodeURIComponent(instanceId)}/history`);
    if (a.status === 404) throw new UnknownInstanceError(instanceId);
    if (a.status !== 200) this.#fail(a, `history of ${instanceId}`);
    return this.#json<{ items: AuditEntry[] }>(a, 'history').items;
  }

  /** One page of instances this actor may see (GET /instances), for inboxes and lists. */
  async list(query: RemoteInstanceQuery = {}): Promise<{ items: InstanceSummary[]; nextCursor: string | null }> {
    await this.ready();
    const params: string[] = [];
    for (const [k, v] of Object.entries(query)) {
      if (v === undefined) continue;
      params.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
    }
    const path = `/instances${params.length ? `?${params.join('&')}` : ''}`;
    const a = await this.#request('GET', path);
    if (a.status !== 200) this.#fail(a, 'list');
    return this.#json<{ items: InstanceSummary[]; nextCursor: string | null }>(a, 'list');
  }

  /**
   * Timers fire only on the server (its ticker): a browser never fires them. Resolves at once with
   * nothing fired, so pages written for the embedded engine may keep calling it.
   */
  async tick(_now?: number): Promise<TickResult> {
    return { fired: 0, skipped: 0, failed: 0, problems: [], effects: [] };
  }

  // ── the change feed ──────────────────────────────────────────────────────────────────────

  /**
   * Listens to committed changes (all instances this actor may see, or one) through the server's
   * feed. The feed opens with the first listener and closes with the last; it reconnects with
   * backoff and resumes after the last event seen (Last-Event-ID). Each change is delivered with
   * the instance's current snapshot (`audit` and `effects` are empty: read history() for them).
   */
  subscribe(listener: (change: EngineChange) => void, options: { readonly instanceId?: string } = {}): () => void {
    const entry: Listener = options.instanceId === undefined ? { fn: listener } : { fn: listener, instanceId: options.instanceId };
    this.#listeners.add(entry);
    if (!this.#feed) this.#feed = this.#openFeed();
    return () => {
      this.#listeners.delete(entry);
      if (this.#listeners.size === 0) {
        this.#feed?.stop();
        this.#feed = undefined;
      }
    };
  }

  /** Stops the feed and forgets listeners and cached views. */
  close(): void {
    this.#listeners.clear();
    this.#feed?.stop();
    this.#feed = undefined;
    this.#views.clear();
  }

  async #deliver(change: FeedChange): Promise<void> {
    const wanted = [...this.#listeners].filter((l) => l.instanceId === undefined || l.instanceId === change.instanceId);
    if (wanted.length === 0) return;
    const cached = this.#views.get(change.instanceId);
    if (cached && cached.view.snapshot.version >= change.version) return; // already seen (our own command)
    let view: InstanceView | undefined;
    try {
      view = await this.view(change.instanceId);
    } catch (err) {
      this.#onError(err); // not readable by this actor, or the server is away: nothing to deliver
      return;
    }
    if (!view) return;
    const type = (CHANGE_TYPES as readonly string[]).includes(change.type) ? (change.type as EngineChange['type']) : 'transition';
    const out: EngineChange = { type, instanceId: change.instanceId, snapshot: view.snapshot, audit: [], effects: [] };
    for (const l of wanted) {
      if (!this.#listeners.has(l)) continue;
      try {
        l.fn(out);
      } catch (err) {
        this.#onError(err);
      }
    }
  }

  #openFeed(): { stop(): void } {
    let stopped = false;
    let controller: AbortControllerLike | undefined;
    let reader: ReaderLike | undefined;
    let retryMs = this.#backoff;
    const run = async () => {
      let failures = 0;
      while (!stopped) {
        try {
          controller = g.AbortController ? new g.AbortController() : undefined;
          const headers: Record<string, string> = { accept: 'text/event-stream', ...this.#headers() };
          if (this.#lastEventId !== undefined) headers['last-event-id'] = this.#lastEventId;
          const res = await this.#fetch(`${this.#base}/feed`, {
            method: 'GET',
            headers,
            credentials: this.#credentials,
            cache: 'no-store',
            ...(controller ? { signal: controller.signal } : {}),
          });
          if (res.status !== 200) {
            const text = await res.text().catch(() => '');
            throw new RemoteEngineError(`feed answered ${res.status}${text ? `: ${text.slice(0, 200)}` : ''}`, res.status, 'feed', 1);
          }
          const body = res.body as { getReader?: () => ReaderLike } | undefined;
          if (!body?.getReader || !g.TextDecoder) throw new RemoteEngineError('feed: this platform gives no response stream', 0, 'feed', 1);
          reader = body.getReader();
          failures = 0;
          await this.#readEvents(reader, new g.TextDecoder('utf-8'), (ms) => (retryMs = ms), () => stopped);
        } catch (err) {
          if (stopped) return;
          this.#onError(err);
          failures++;
        }
        if (stopped) return;
        // Ended or failed: wait (backoff with jitter, at least the server's `retry:`) and resume.
        const exp = Math.min(this.#maxBackoff, retryMs * 2 ** Math.min(failures, 10));
        await this.#sleep(failures === 0 ? retryMs : Math.max(retryMs, Math.floor(this.#random() * exp)));
      }
    };
    void run();
    return {
      stop: () => {
        stopped = true;
        controller?.abort();
        reader?.cancel().catch(() => undefined);
      },
    };
  }

  /** Reads one SSE stream to its end (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation). */
  async #readEvents(reader: ReaderLike, decoder: TextDecoderLike, setRetry: (ms: number) => void, stopped: () => boolean): Promise<void> {
    let buffer = '';
    let data: string[] = [];
    let eventType = '';
    let id: string | undefined;
    const dispatch = () => {
      if (id !== undefined) this.#lastEventId = id;
      if (data.length > 0 && (eventType === '' || eventType === 'change')) {
        let change: FeedChange | undefined;
        try {
          change = JSON.parse(data.join('\n')) as FeedChange;
        } catch (err) {
          this.#onError(err);
        }
        if (change && typeof change.instanceId === 'string') void this.#deliver(change);
      }
      data = [];
      eventType = '';
      id = undefined;
    };
    for (;;) {
      const { done, value } = await reader.read();
      if (stopped()) return;
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.search(/\r\n|\r|\n/)) >= 0) {
        if (nl === buffer.length - 1 && buffer.endsWith('\r')) break; // maybe the first half of \r\n
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + (buffer.startsWith('\r\n', nl) ? 2 : 1));
        if (line === '') {
          dispatch();
          continue;
        }
        if (line.startsWith(':')) continue; // a comment: heartbeat
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        if (field === 'data') data.push(value);
        else if (field === 'event') eventType = value;
        else if (field === 'id' && !value.includes('\0')) id = value;
        else if (field === 'retry' && /^\d+$/.test(value)) setRetry(Number(value));
      }
    }
  }
}
