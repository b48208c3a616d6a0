// The reference REST backend for HttpStore (the contract is in src/workflow/stores/http-store.ts):
// node:http on 127.0.0.1 and a real database (better-sqlite3), each commit one SQL transaction.
// Also a misbehaving proxy that fails (500/503/429), hangs (timeouts), forwards a request twice,
// or commits and then fails the answer — for the "nothing lost, nothing duplicated" tests.
import { createServer, request as httpRequest } from 'node:http';
import Database from 'better-sqlite3';

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
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const listen = (server) =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));

const closeServer = (server) =>
  new Promise((resolve) => {
    server.closeAllConnections?.();
    server.close(() => resolve());
  });

/** Starts the reference server. `file` defaults to an in-memory database. */
export async function startReferenceServer({ file = ':memory:' } = {}) {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS instances (id TEXT PRIMARY KEY, version INTEGER NOT NULL, last_seq INTEGER NOT NULL, snapshot TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS audit (instance_id TEXT NOT NULL, seq INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (instance_id, seq));
    CREATE TABLE IF NOT EXISTS timers (id TEXT PRIMARY KEY, instance_id TEXT NOT NULL, due_at INTEGER NOT NULL, timer TEXT NOT NULL);
    CREATE INDEX IF NOT EXISTS timers_due ON timers (due_at, id);
    CREATE INDEX IF NOT EXISTS timers_instance ON timers (instance_id);
    CREATE TABLE IF NOT EXISTS commands (key TEXT PRIMARY KEY, instance_id TEXT NOT NULL, version INTEGER NOT NULL, nonce TEXT);
  `);
  const q = {
    instance: db.prepare('SELECT version, last_seq, snapshot FROM instances WHERE id = ?'),
    upsert: db.prepare('INSERT INTO instances (id, version, last_seq, snapshot) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET version = excluded.version, last_seq = excluded.last_seq, snapshot = excluded.snapshot'),
    audit: db.prepare('INSERT INTO audit (instance_id, seq, entry) VALUES (?, ?, ?)'),
    history: db.prepare('SELECT entry FROM audit WHERE instance_id = ? ORDER BY seq'),
    clearTimers: db.prepare('DELETE FROM timers WHERE instance_id = ?'),
    timer: db.prepare('INSERT INTO timers (id, instance_id, due_at, timer) VALUES (?, ?, ?, ?)'),
    timersOf: db.prepare('SELECT timer FROM timers WHERE instance_id = ? ORDER BY due_at, id'),
    due: db.prepare('SELECT timer FROM timers WHERE due_at <= ? ORDER BY due_at, id LIMIT ?'),
    command: db.prepare('SELECT instance_id, version, nonce FROM commands WHERE key = ?'),
    addCommand: db.prepare('INSERT INTO commands (key, instance_id, version, nonce) VALUES (?, ?, ?, ?)'),
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
      const done = q.command.get(key);
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

  const server = createServer(async (req, res) => {
    stats.requests++;
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      if (req.method === 'GET' && parts[0] === 'instances' && parts.length === 2) {
        const row = q.instance.get(parts[1]);
        return row ? send(res, 200, { snapshot: JSON.parse(row.snapshot) }, { etag: `"v${row.version}"` }) : send(res, 404, { error: 'not found' });
      }
      if (req.method === 'GET' && parts[0] === 'instances' && parts[2] === 'audit') {
        return send(res, 200, q.history.all(parts[1]).map((r) => JSON.parse(r.entry)));
      }
      if (req.method === 'GET' && parts[0] === 'instances' && parts[2] === 'timers') {
        return send(res, 200, q.timersOf.all(parts[1]).map((r) => JSON.parse(r.timer)));
      }
      if (req.method === 'GET' && parts[0] === 'timers' && parts[1] === 'due') {
        const now = Number(url.searchParams.get('now'));
        const limit = Math.min(10_000, Math.max(1, Number(url.searchParams.get('limit') ?? 1000)));
        if (!Number.isFinite(now)) return send(res, 400, { error: 'now must be a number' });
        return send(res, 200, q.due.all(now, limit).map((r) => JSON.parse(r.timer)));
      }
      if (req.method === 'GET' && parts[0] === 'commands' && parts.length === 2) {
        const row = q.command.get(parts[1]);
        return row ? send(res, 200, { instanceId: row.instance_id, version: row.version }) : send(res, 404, { error: 'not found' });
      }
      if (req.method === 'POST' && parts[0] === 'instances' && parts[2] === 'commits') {
        let body;
        try {
          body = JSON.parse(await readBody(req));
        } catch (err) {
          return send(res, err.status ?? 400, { error: 'body is not JSON' });
        }
        const key = req.headers['idempotency-key'] || body.idempotencyKey;
        stats.commits++;
        const result = commit(parts[1], body, key, req.headers['if-match'], req.headers['if-none-match']);
        return send(res, 200, result);
      }
      return send(res, 404, { error: 'no such route' });
    } catch (err) {
      if (err instanceof HttpError) return send(res, err.status, err.body);
      return send(res, 500, { error: String(err?.message ?? err) });
    }
  });
  const url = await listen(server);
  return {
    url,
    db,
    stats,
    async close() {
      await closeServer(server);
      db.close();
    },
  };
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
