// A real wuye-kit/server for tests: node:http on 127.0.0.1, SqliteStore on a temp file, demo
// people signed in by an opaque session cookie (the test's stand-in for a host session), and
// office scoping through authorize.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkflowHandler, SqliteStore, toNodeListener, type WorkflowHandler, type WorkflowHandlerOptions } from '../../src/server/index.js';
import { builtinDefinitions, type Actor } from '../../src/workflow/index.js';

export interface Person extends Actor {
  readonly office: string;
}

export const PEOPLE: Record<string, Person> = {
  reception: { id: 'E1001', name: '周敏', roles: ['receptionist'], office: 'SZ-HY' },
  specialist: { id: 'E2001', name: '李娜', roles: ['specialist'], office: 'SZ-HY' },
  handler: { id: 'E3001', name: '王强', roles: ['specialist'], office: 'SZ-HY' },
  foreign: { id: 'E7001', name: '赵磊', roles: ['specialist', 'centre-head'], office: 'BJ-CY' },
};

export const complaintRecord = (n = 1, over: Record<string, unknown> = {}) => ({
  recordNo: `SZ-HY-202610-${String(n).padStart(4, '0')}`, kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY',
  complainant: { type: 'owner', name: '王女士', phone: '13812345678' }, category: 'efficiency', severity: 'serious', subject: '报修三次未上门', description: '厨房下水道堵塞，已报修三次。',
  ...over,
});

export interface TestServer {
  readonly url: string;
  readonly api: string;
  readonly store: SqliteStore;
  readonly handler: WorkflowHandler;
  now: number;
  /** fetch with the person's session cookie (none for `null`). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read field by field and asserted
  call(who: keyof typeof PEOPLE | 'boom' | null, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; json: any; text: string; headers: Headers }>;
  close(): Promise<void>;
}

export async function startTestServer(extra: Partial<WorkflowHandlerOptions> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'wy-api-'));
  const store = new SqliteStore({ file: join(dir, 'workflow.sqlite') });
  await store.migrate();
  const sessions = new Map(Object.entries(PEOPLE).map(([k, p]) => [`s-${k}`, p]));
  const state = { now: Date.parse('2026-10-16T09:30:00+08:00') };
  const handler = createWorkflowHandler({
    definitions: Object.values(builtinDefinitions),
    store,
    clock: () => state.now,
    feed: { pollMs: 50, heartbeatMs: 1000 },
    authenticate: (request) => {
      const m = /(?:^|;\s*)session=([^;]+)/.exec(request.headers.get('cookie') ?? '');
      // A host whose session lookup fails: the answer is a 500 without this text.
      if (m?.[1] === 's-boom') throw new Error('SQLITE_BUSY: database is locked at /srv/session.db');
      const p = m ? sessions.get(m[1]!) : undefined;
      return p ? { id: p.id, name: p.name, roles: p.roles } : null;
    },
    authorize: (actor, instance) => {
      if (!instance) return true;
      const person = Object.values(PEOPLE).find((p) => p.id === actor.id);
      return person !== undefined && (instance.data as { officeId?: string }).officeId === person.office;
    },
    ...extra,
  });
  const server: Server = createServer(toNodeListener(handler));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const api = `${url}/api/workflow`;
  const t: TestServer = {
    url,
    api,
    store,
    handler,
    get now() {
      return state.now;
    },
    set now(v: number) {
      state.now = v;
    },
    async call(who, method, path, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (who) h['cookie'] = `session=s-${who}`;
      if (body !== undefined && !Object.keys(h).some((k) => k.toLowerCase() === 'content-type')) h['content-type'] = 'application/json';
      const res = await fetch(`${api}${path}`, { method, headers: h, ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}) });
      const text = await res.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: res.status, json, text, headers: res.headers };
    },
    async close() {
      await handler.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return t;
}
