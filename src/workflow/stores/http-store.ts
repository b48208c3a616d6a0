// HttpStore: the workflow store over a REST backend. Timeouts, retries with exponential backoff
// and full jitter on network errors, timeouts, 5xx and 429 (honouring Retry-After); no retry on
// other 4xx; 409 and 412 surface as ConflictError. Every commit carries an Idempotency-Key
// header (one is made when the command has none), so a retried commit never applies twice, and
// If-Match with the expected version's ETag (If-None-Match: * to create).
//
// REST contract (test/support/reference-server.mjs implements it on SQLite):
//   GET  {base}/instances/{id}            200 { snapshot } + ETag "v<version>" | 404
//   POST {base}/instances/{id}/commits    body: Commit + nonce → 200 { status, version, instanceId?, nonce? } | 409 | 412
//        (a duplicate answer echoes the nonce stored with the key: the same nonce means the lost
//        answer of this very call's earlier attempt, so the store reports it as committed)
//   GET  {base}/instances/{id}/audit      200 AuditEntry[] in seq order
//   GET  {base}/instances/{id}/timers     200 Timer[] earliest first
//   GET  {base}/timers/due?now=&limit=[&afterDue=&afterInstance=&afterTimer=]
//                                         200 Timer[] in (dueAt, instanceId, id) order
//   GET  {base}/instances/{id}/commands/{key}  200 { instanceId, version } | 404 (keys are per instance)
//
// A server-to-server protocol: it uploads whole snapshots, so whoever can call it can write any
// state. Never expose it to browsers; a browser talks to wuye-kit/server's command API.
import { ConflictError, type Commit, type CommitResult, type CommandRecord, type TimerPosition, type WorkflowStore } from '../store.js';
import type { AuditEntry, Snapshot, Timer } from '../types.js';

/** The part of a fetch Response the store reads. */
export interface ResponseLike {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The part of `fetch` the store uses; pass the platform's fetch or a wrapper (auth, tracing). */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: unknown },
) => Promise<ResponseLike>;

export interface HttpStoreOptions {
  /** Base URL of the REST API, without a trailing slash (`https://portal.example/api/workflow`). */
  readonly baseUrl: string;
  /** Default: the global fetch. */
  readonly fetch?: FetchLike;
  /** Per attempt; default 10 s. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt; default 4. */
  readonly retries?: number;
  /** First backoff; doubles each retry, with full jitter; default 200 ms. */
  readonly backoffMs?: number;
  /** Cap of one backoff (and of a Retry-After); default 10 s. */
  readonly maxBackoffMs?: number;
  /** Extra headers per request (authorisation). */
  readonly headers?: () => Record<string, string>;
  /** Random number in [0, 1) for jitter; default Math.random. */
  readonly random?: () => number;
  /** Waits `ms`; default setTimeout. Tests pass a fake. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A request the backend refused (4xx other than 409/412) or that failed after every retry. */
export class HttpStoreError extends Error {
  override readonly name = 'HttpStoreError';
  constructor(
    message: string,
    /** HTTP status, or 0 for a network error or timeout. */
    readonly status: number,
    readonly attempts: number,
  ) {
    super(message);
  }
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

function globalFetch(): FetchLike {
  const f = (globalThis as { fetch?: FetchLike }).fetch;
  if (!f) throw new Error('HttpStore needs fetch: pass options.fetch on a platform without a global fetch');
  return f.bind(globalThis) as FetchLike;
}

const enc = encodeURIComponent;

export class HttpStore implements WorkflowStore {
  readonly #base: string;
  readonly #fetch: FetchLike;
  readonly #timeout: number;
  readonly #retries: number;
  readonly #backoff: number;
  readonly #maxBackoff: number;
  readonly #headers: () => Record<string, string>;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;
  #commits = 0;

  constructor(options: HttpStoreOptions) {
    this.#base = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch ?? globalFetch();
    this.#timeout = options.timeoutMs ?? 10_000;
    this.#retries = options.retries ?? 4;
    this.#backoff = options.backoffMs ?? 200;
    this.#maxBackoff = options.maxBackoffMs ?? 10_000;
    this.#headers = options.headers ?? (() => ({}));
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  }

  /** One attempt with a timeout. Resolves with the response, or throws Retryable. */
  async #attempt(method: string, path: string, headers: Record<string, string>, body?: string): Promise<{ status: number; text: string; headers: ResponseLike['headers'] }> {
    const AC = (globalThis as { AbortController?: new () => AbortControllerLike }).AbortController;
    const controller = AC ? new AC() : undefined;
    let timer: unknown;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller?.abort();
        reject(new Retryable(`${method} ${path} timed out after ${this.#timeout} ms`, 0));
      }, this.#timeout);
    });
    try {
      const init = { method, headers: { accept: 'application/json', ...this.#headers(), ...headers }, ...(body === undefined ? {} : { body }), ...(controller ? { signal: controller.signal } : {}) };
      const res = await Promise.race([this.#fetch(`${this.#base}${path}`, init), timeout]);
      const text = await Promise.race([res.text(), timeout]);
      if (res.status >= 500 || res.status === 429) {
        const ra = res.headers.get('retry-after');
        const seconds = ra !== null && /^\d+(\.\d+)?$/.test(ra.trim()) ? Number(ra) * 1000 : undefined;
        throw new Retryable(`${method} ${path} answered ${res.status}`, res.status, seconds);
      }
      return { status: res.status, text, headers: res.headers };
    } catch (err) {
      if (err instanceof Retryable) throw err;
      throw new Retryable(`${method} ${path} failed: ${err instanceof Error ? err.message : String(err)}`, 0);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs attempts until one answers (any status below 500 other than 429) or retries run out. */
  async #request(
    method: string,
    path: string,
    headers: Record<string, string> = {},
    body?: string,
  ): Promise<{ status: number; text: string; headers: ResponseLike['headers']; attempts: number }> {
    let last: Retryable | undefined;
    for (let attempt = 0; attempt <= this.#retries; attempt++) {
      if (attempt > 0) {
        const exp = Math.min(this.#maxBackoff, this.#backoff * 2 ** (attempt - 1));
        const wait = last?.retryAfterMs !== undefined ? Math.min(this.#maxBackoff, last.retryAfterMs) : Math.floor(this.#random() * exp);
        await this.#sleep(wait);
      }
      try {
        return { ...(await this.#attempt(method, path, headers, body)), attempts: attempt + 1 };
      } catch (err) {
        last = err as Retryable;
      }
    }
    throw new HttpStoreError(`${last?.message ?? `${method} ${path} failed`} (after ${this.#retries + 1} attempts)`, last?.status ?? 0, this.#retries + 1);
  }

  #parse<T>(r: { status: number; text: string }, what: string): T {
    try {
      return JSON.parse(r.text) as T;
    } catch {
      throw new HttpStoreError(`${what}: the backend answered ${r.status} with a body that is not JSON`, r.status, 1);
    }
  }

  #refuse(r: { status: number; text: string; attempts: number }, what: string): never {
    throw new HttpStoreError(`${what}: the backend answered ${r.status}: ${r.text.slice(0, 200)}`, r.status, r.attempts);
  }

  async load(instanceId: string): Promise<Snapshot | undefined> {
    const r = await this.#request('GET', `/instances/${enc(instanceId)}`);
    if (r.status === 404) return undefined;
    if (r.status !== 200) this.#refuse(r, `load ${instanceId}`);
    return this.#parse<{ snapshot: Snapshot }>(r, `load ${instanceId}`).snapshot;
  }

  async commit(c: Commit): Promise<CommitResult> {
    // A key the store made itself: a duplicate answer can only mean an earlier attempt of this call.
    const own = c.idempotencyKey === undefined;
    const key = c.idempotencyKey ?? `store:${c.instanceId}:${c.expectedVersion}:${Date.now().toString(36)}:${Math.floor(this.#random() * 2 ** 32).toString(36)}`;
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'idempotency-key': key,
      ...(c.expectedVersion === 0 ? { 'if-none-match': '*' } : { 'if-match': `"v${c.expectedVersion}"` }),
    };
    const nonce = `${Date.now().toString(36)}-${(this.#commits++).toString(36)}-${Math.floor(this.#random() * 2 ** 48).toString(36)}`;
    const body = JSON.stringify({ ...c, idempotencyKey: key, nonce });
    const r = await this.#request('POST', `/instances/${enc(c.instanceId)}/commits`, headers, body);
    if (r.status === 409 || r.status === 412) {
      const info = r.text ? this.#parse<{ actualVersion?: number }>(r, 'commit') : {};
      throw new ConflictError(c.instanceId, c.expectedVersion, info.actualVersion);
    }
    if (r.status !== 200 && r.status !== 201) this.#refuse(r, `commit ${c.instanceId}`);
    const res = this.#parse<{ status: string; version: number; instanceId?: string; nonce?: string }>(r, 'commit');
    if (res.status === 'duplicate') {
      // A retry after a lost answer finds its own first attempt committed.
      if (own || (r.attempts > 1 && res.nonce === nonce)) return { status: 'committed', version: res.version };
      return { status: 'duplicate', version: res.version, instanceId: res.instanceId ?? c.instanceId };
    }
    if (res.status !== 'committed') throw new HttpStoreError(`commit ${c.instanceId}: unexpected answer ${JSON.stringify(res).slice(0, 200)}`, r.status, r.attempts);
    return { status: 'committed', version: res.version };
  }

  async history(instanceId: string): Promise<AuditEntry[]> {
    const r = await this.#request('GET', `/instances/${enc(instanceId)}/audit`);
    if (r.status === 404) return [];
    if (r.status !== 200) this.#refuse(r, `history ${instanceId}`);
    return this.#parse<AuditEntry[]>(r, 'history');
  }

  async dueTimers(now: number, limit = 1000, after?: TimerPosition): Promise<Timer[]> {
    const page = after ? `&afterDue=${enc(String(after.dueAt))}&afterInstance=${enc(after.instanceId)}&afterTimer=${enc(after.id)}` : '';
    const r = await this.#request('GET', `/timers/due?now=${enc(String(now))}&limit=${enc(String(limit))}${page}`);
    if (r.status !== 200) this.#refuse(r, 'dueTimers');
    return this.#parse<Timer[]>(r, 'dueTimers');
  }

  async timers(instanceId: string): Promise<Timer[]> {
    const r = await this.#request('GET', `/instances/${enc(instanceId)}/timers`);
    if (r.status === 404) return [];
    if (r.status !== 200) this.#refuse(r, `timers ${instanceId}`);
    return this.#parse<Timer[]>(r, 'timers');
  }

  async findCommand(instanceId: string, key: string): Promise<CommandRecord | undefined> {
    const r = await this.#request('GET', `/instances/${enc(instanceId)}/commands/${enc(key)}`);
    if (r.status === 404) return undefined;
    if (r.status !== 200) this.#refuse(r, 'findCommand');
    return this.#parse<CommandRecord>(r, 'findCommand');
  }
}
