import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { readStatsTable, statsRequestQuery, type StatsRequest } from '../../../core/stats/request.js';
import type { StatsTable } from '../../../core/stats/table.js';
import { loadFailed } from './model.js';
import type { Locale } from '../../../core/i18n/locale.js';

/**
 * The table counted on a server (`src`, a `createStatsHandler` endpoint): GETs
 * `src?<statsRequestQuery(request)>` with same-origin cookies whenever the request changes; a
 * newer request aborts an older one, and so does leaving the page (coming back asks again).
 */
export class StatsSource implements ReactiveController {
  /** The table the server sent. */
  table: StatsTable | undefined;
  /** Why there is no table (in the language of the moment it failed). */
  error: string | undefined;
  /** A request is under way. */
  loading = false;
  private fetching: AbortController | undefined;
  private requested: string | undefined;
  private left = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly locale: () => Locale,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Moved in the page while a fetch was under way: ask again.
    if (this.left && this.requested === undefined) this.host.requestUpdate();
    this.left = false;
  }

  hostDisconnected(): void {
    this.left = true;
    if (this.fetching) {
      this.fetching.abort();
      this.fetching = undefined;
      this.requested = undefined;
      this.loading = false;
    }
  }

  /** Asks `src` for the table of `request` unless that is what was asked last. */
  sync(src: string, request: StatsRequest): void {
    const base = new URL(src, document.baseURI);
    const query = statsRequestQuery(request);
    const url = `${base.href}${query ? (base.search ? '&' : '?') + query : ''}`;
    if (url === this.requested) return;
    this.requested = url;
    void this.load(url);
  }

  private async load(url: string): Promise<void> {
    this.fetching?.abort();
    const abort = new AbortController();
    this.fetching = abort;
    this.loading = true;
    try {
      const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: abort.signal });
      const body: unknown = await response.json().catch(() => undefined);
      if (abort.signal.aborted) return;
      if (!response.ok) {
        const message = (body as { error?: { message?: unknown } } | undefined)?.error?.message;
        throw new Error(typeof message === 'string' ? message : `HTTP ${response.status}`);
      }
      this.table = readStatsTable(body);
      this.error = undefined;
    } catch (e) {
      if (abort.signal.aborted) return;
      this.table = undefined;
      this.error = loadFailed(this.locale(), e instanceof Error ? e.message : String(e));
    } finally {
      if (this.fetching === abort) {
        this.fetching = undefined;
        this.loading = false;
      }
      this.host.requestUpdate();
    }
  }
}
