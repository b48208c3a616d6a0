// The reference REST backend for HttpStore (the contract is in src/workflow/stores/http-store.ts,
// documented as OpenAPI 3.1 in schemas/http-store.openapi.json): node:http on 127.0.0.1 and a
// real database (better-sqlite3), each commit one SQL transaction. `npm run serve`
// (.scripts/serve.mjs) runs it on a SQLite file, optionally serving a static folder beside the API.
// Also a misbehaving proxy that fails (500/503/429), hangs (timeouts), forwards a request twice,
// or commits and then fails the answer — for the "nothing lost, nothing duplicated" tests.
import { createServer, request as httpRequest } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join as joinPath, resolve as resolvePath, sep as pathSep } from 'node:path';
import Database from 'better-sqlite3';
import { TYPES } from './static-server.mjs';

const MAX_BODY = 1_000_000;

function send(res, status, body, headers = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(text);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks = [];
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) {
        // Keep reading (and dropping) the rest, so the client gets the 413 rather than a reset.
        if (chunks.length) chunks.length = 0;
        reject(Object.assign(new Error('body too large'), { status: 413 }));
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const listen = (server, host = '127.0.0.1', port = 0) =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(`http://${host.includes(':') ? `[${host}]` : host}:${server.address().port}`);
    });
  });

const closeServer = (server) =>
  new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

/**
 * Starts the reference server.
 *   file     SQLite file (default: an in-memory database)
 *   base     path prefix of the API (default: none, the API at the root), e.g. '/api/workflow'
 *   static   a folder served as static files outside the API (GET/HEAD only)
 *   host, port   default 127.0.0.1 and a free port
 *   cors     an origin allowed to call the API from another origin (default: same origin only)
 */
export async function startReferenceServer({ file = ':memory:', base: prefix = '', static: staticDir, host = '127.0.0.1', port = 0, cors } = {}) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS instances (id TEXT PRIMARY KEY, version INTEGER NOT NULL, last_seq INTEGER NOT NULL, snapshot TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS audit (instance_id TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (instance_id, seq));
    -- Timer ids and idempotency keys are unique per instance (issue 17).
    CREATE TABLE IF NOT EXISTS instance_timers (instance_id TEXT NOT NULL, id TEXT NOT NULL, due_at INTEGER NOT NULL, timer TEXT NOT NULL, PRIMARY KEY (instance_id, id));
    CREATE INDEX IF NOT EXISTS instance_timers_due ON instance_timers (due_at, instance_id, id);
    CREATE TABLE IF NOT EXISTS instance_commands (instance_id TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, nonce TEXT, PRIMARY KEY (instance_id, key));
  `);
  const q = {
    instance: db.prepare('SELECT version, last_seq, snapshot FROM instances WHERE id = ?'),
    upsert: db.prepare('INSERT INTO instances (id, version, last_seq, snapshot) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version, last_seq = excluded.last_seq, snapshot = excluded.snapshot'),
    audit: db.prepare('INSERT INTO audit (instance_id, seq, entry) VALUES (?, ?, ?)'),
    history: db.prepare('SELECT entry FROM audit WHERE instance_id = ? ORDER BY seq'),
    clearTimers: db.prepare('DELETE FROM instance_timers WHERE instance_id = ?'),
    timer: db.prepare('INSERT INTO instance_timers (id, instance_id, due_at, timer) VALUES (?, ?, ?, ?)'),
    timersOf: db.prepare('SELECT timer FROM instance_timers WHERE instance_id = ? ORDER BY due_at, id'),
    due: db.prepare('SELECT timer FROM instance_timers WHERE due_at <= ? ORDER BY due_at, instance_id, id LIMIT ?'),
    dueAfter: db.prepare('SELECT timer FROM instance_timers WHERE due_at <= ? AND (due_at, instance_id, id) > (?, ?, ?) ORDER BY due_at, instance_id, id LIMIT ?'),
    command: db.prepare('SELECT instance_id, version, nonce FROM instance_commands WHERE instance_id = ? AND key = ?'),
    addCommand: db.prepare('INSERT INTO instance_commands (key, instance_id, version, nonce) VALUES (?, ?, ?, ?)'),
  };

  class HttpError extends Error {
    constructor(status, body) {
      super(body?.error ?? String(status));
      this.status = status;
      this.body = body;
    }
  }

  // One SQLite transaction: check the key, the version and the audit order, then write everything.
  const commit = db.transaction((id, c, key, ifMatch, ifNoneMatch) => {
    if (key) {
      const done = q.command.get(id, key);
      if (done) return { status: 'duplicate', version: done.version, instanceId: done.instance_id, ...(done.nonce ? { nonce: done.nonce } : {}) };
    }
    const row = q.instance.get(id);
    const current = row?.version ?? 0;
    if (ifNoneMatch === '*' && row) throw new HttpError(412, { error: 'exists', actualVersion: current });
    if (ifMatch !== undefined && ifMatch !== `"v${current}"`) throw new HttpError(412, { error: 'version', actualVersion: current });
    if (current !== c.expectedVersion) throw new HttpError(409, { error: 'version', actualVersion: current });
    if (c.snapshot?.id !== id || !(c.snapshot.version > c.expectedVersion)) throw new HttpError(422, { error: 'snapshot does not fit the commit' });
    let seq = row?.last_seq ?? 0;
    for (const a of c.audit ?? []) {
      if (a.instanceId !== id || a.seq !== seq + 1) throw new HttpError(422, { error: `audit out of order: ${a.seq} after ${seq}` });
      seq = a.seq;
      q.audit.run(id, a.seq, JSON.stringify(a));
    }
    q.upsert.run(id, c.snapshot.version, seq, JSON.stringify(c.snapshot));
    q.clearTimers.run(id);
    for (const t of c.timers ?? []) {
      if (t.instanceId !== id) throw new HttpError(422, { error: 'timer of another instance' });
      q.timer.run(t.id, id, t.dueAt, JSON.stringify(t));
    }
    if (key) q.addCommand.run(key, id, c.snapshot.version, typeof c.nonce === 'string' ? c.nonce : null);
    return { status: 'committed', version: c.snapshot.version };
  });

  const stats = { requests: 0, commits: 0 };

  // The HttpStore protocol, one row per operation; schemas/http-store.openapi.json documents the
  // same table (a test checks that they agree).
  const api = {
    health: () => ({ status: 200, body: { ok: true } }),
    load: ({ id }) => {
      const row = q.instance.get(id);
      return row ? { status: 200, body: { snapshot: JSON.parse(row.snapshot) }, headers: { etag: `"v${row.version}"` } } : { status: 404, body: { error: 'not found' } };
    },
    history: ({ id }) => ({ status: 200, body: q.history.all(id).map((r) => JSON.parse(r.entry)) }),
    timers: ({ id }) => ({ status: 200, body: q.timersOf.all(id).map((r) => JSON.parse(r.timer)) }),
    due: (_p, url) => {
      const now = Number(url.searchParams.get('now'));
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      if (url.searchParams.get('now') === null || !Number.isFinite(now)) return { status: 400, body: { error: 'now must be a number (milliseconds since the epoch)' } };
      if (!Number.isInteger(limit) || limit < 1) return { status: 400, body: { error: 'limit must be a positive integer' } };
      const afterDue = url.searchParams.get('afterDue');
      if (afterDue !== null) {
        const due = Number(afterDue);
        if (!Number.isFinite(due)) return { status: 400, body: { error: 'afterDue must be a number' } };
        const rows = q.dueAfter.all(now, due, url.searchParams.get('afterInstance') ?? '', url.searchParams.get('afterTimer') ?? '', Math.min(10_000, limit));
        return { status: 200, body: rows.map((r) => JSON.parse(r.timer)) };
      }
      return { status: 200, body: q.due.all(now, Math.min(10_000, limit)).map((r) => JSON.parse(r.timer)) };
    },
    command: ({ id, key }) => {
      const row = q.command.get(id, key);
      return row ? { status: 200, body: { instanceId: row.instance_id, version: row.version } } : { status: 404, body: { error: 'not found' } };
    },
    commit: async ({ id }, _url, req) => {
      let body;
      try {
        body = JSON.parse(await readBody(req));
      } catch (err) {
        return { status: err.status ?? 400, body: { error: err.status === 413 ? 'body too large' : 'body is not JSON' } };
      }
      if (!body || typeof body !== 'object' || Array.isArray(body)) return { status: 400, body: { error: 'body must be a commit object' } };
      const key = req.headers['idempotency-key'] || body.idempotencyKey;
      stats.commits++;
      return { status: 200, body: commit(id, body, key, req.headers['if-match'], req.headers['if-none-match']) };
    },
  };
  const routes = ROUTES.map((r) => ({ ...r, segments: r.path.split('/').filter(Boolean), handler: api[r.operation] }));

  const base = prefix.replace(/\/+$/, '');
  const server = createServer(async (req, res) => {
    stats.requests++;
    try {
      if (cors) {
        res.setHeader('access-control-allow-origin', cors);
        res.setHeader('access-control-expose-headers', 'etag');
        if (req.method === 'OPTIONS') {
          res.writeHead(204, {
            'access-control-allow-methods': 'GET, POST, OPTIONS',
            'access-control-allow-headers': 'content-type, idempotency-key, if-match, if-none-match, authorization, accept',
            'access-control-max-age': '600',
          });
          return res.end();
        }
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const inApi = base === '' || url.pathname === base || url.pathname.startsWith(`${base}/`);
      if (!inApi) return staticDir ? serveStatic(staticDir, url.pathname, req, res) : send(res, 404, { error: 'no such route' });
      let parts;
      try {
        parts = url.pathname.slice(base.length).split('/').filter(Boolean).map(decodeURIComponent);
      } catch {
        return send(res, 400, { error: 'bad percent-encoding in the path' });
      }
      const matching = routes.filter((r) => r.segments.length === parts.length && r.segments.every((s, i) => s.startsWith('{') || s === parts[i]));
      if (matching.length === 0) return staticDir && base !== '' ? serveStatic(staticDir, url.pathname, req, res) : send(res, 404, { error: 'no such route' });
      const route = matching.find((r) => r.method === req.method);
      if (!route) return send(res, 405, { error: `method ${req.method} not allowed` }, { allow: [...new Set(matching.map((r) => r.method))].join(', ') });
      const params = {};
      route.segments.forEach((s, i) => {
        if (s.startsWith('{')) params[s.slice(1, -1)] = parts[i];
      });
      const out = await route.handler(params, url, req);
      return send(res, out.status, out.body, out.headers);
    } catch (err) {
      if (err instanceof HttpError) return send(res, err.status, err.body);
      return send(res, 500, { error: String(err?.message ?? err) });
    }
  });
  const url = await listen(server, host, port);
  return {
    url,
    apiUrl: `${url}${base}`,
    db,
    stats,
    async close() {
      await closeServer(server);
      db.close();
    },
  };
}

/** Every operation of the HttpStore protocol: method, path (relative to the API base), name. */
export const ROUTES = [
  { method: 'GET', path: '/health', operation: 'health' },
  { method: 'GET', path: '/instances/{id}', operation: 'load' },
  { method: 'POST', path: '/instances/{id}/commits', operation: 'commit' },
  { method: 'GET', path: '/instances/{id}/audit', operation: 'history' },
  { method: 'GET', path: '/instances/{id}/timers', operation: 'timers' },
  { method: 'GET', path: '/timers/due', operation: 'due' },
  { method: 'GET', path: '/instances/{id}/commands/{key}', operation: 'command' },
];


/** GET/HEAD of a file under `root` (index.html for a folder); nothing outside `root` is served. */
async function serveStatic(root, pathname, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: `method ${req.method} not allowed` }, { allow: 'GET, HEAD' });
  let rel;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, { error: 'bad percent-encoding in the path' });
  }
  if (rel.includes('\0')) return send(res, 400, { error: 'bad path' });
  const rootAbs = resolvePath(root);
  let file = resolvePath(rootAbs, `.${rel}`);
  if (file !== rootAbs && !file.startsWith(rootAbs + pathSep)) return send(res, 403, { error: 'outside the static folder' });
  try {
    let st = await stat(file);
    if (st.isDirectory()) {
      file = joinPath(file, 'index.html');
      st = await stat(file);
    }
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    return res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    return send(res, 404, { error: 'not found' });
  }
}

/**
 * A proxy in front of `target` that misbehaves on purpose. `plan(req, n)` (n counts requests from
 * 0) returns what to do with one request:
 *   'pass'                forward it
 *   { status, headers }   answer that status without forwarding (500, 503, 429 + Retry-After …)
 *   'hang'                never answer (the client must time out)
 *   'twice'               forward it twice, answer with the first answer
 *   'commit-then-fail'    forward it, then answer 503 anyway (the write happened, the answer is lost)
 *   'commit-then-hang'    forward it, then never answer
 */
export async function startFaultyProxy(target, plan) {
  let n = 0;
  const log = [];
  const hanging = new Set();
  const forward = (req, body) =>
    new Promise((resolve, reject) => {
      const u = new URL(req.url, target);
      const headers = { ...req.headers, host: u.host };
      const r = httpRequest(u, { method: req.method, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      r.on('error', reject);
      r.end(body);
    });
  const server = createServer(async (req, res) => {
    const i = n++;
    const action = plan(req, i);
    log.push({ n: i, method: req.method, url: req.url, action: typeof action === 'string' ? action : `status ${action.status}` });
    const body = await readBody(req);
    try {
      if (action === 'hang' || action === 'commit-then-hang') {
        if (action === 'commit-then-hang') await forward(req, body);
        hanging.add(res);
        return;
      }
      if (typeof action === 'object') {
        res.writeHead(action.status, { 'content-type': 'application/json', ...(action.headers ?? {}) });
        return res.end(JSON.stringify({ error: 'injected' }));
      }
      const first = await forward(req, body);
      if (action === 'twice') await forward(req, body);
      if (action === 'commit-then-fail') {
        res.writeHead(503, { 'content-type': 'application/json' });
        return res.end('{"error":"injected after commit"}');
      }
      const { 'content-length': _len, 'transfer-encoding': _te, connection: _c, ...headers } = first.headers;
      res.writeHead(first.status, headers);
      res.end(first.body);
    } catch (err) {
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(err) }));
    }
  });
  const url = await listen(server);
  return {
    url,
    log,
    async close() {
      for (const res of hanging) res.destroy();
      await closeServer(server);
    },
  };
}
