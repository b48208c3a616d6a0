// The reference REST server (test/support/reference-server.mjs, `npm run serve`) against its
// documentation (schemas/http-store.openapi.json): the same paths and methods both ways, and every
// answer of a real workflow journey through HttpStore valid against the documented response
// schema for its path, method and status. Then the static folder and the launcher.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { builtinDefinitions, createEngine, HttpStore, ConflictError, type Actor, type FetchLike } from '../../src/workflow/index.js';
// @ts-expect-error: a plain .mjs helper without types
import { startReferenceServer, ROUTES } from '../support/reference-server.mjs';

interface Server {
  url: string;
  apiUrl: string;
  close(): Promise<void>;
}
interface Route {
  method: string;
  path: string;
  operation: string;
}
type Json = Record<string, unknown>;

const doc = JSON.parse(readFileSync('schemas/http-store.openapi.json', 'utf8')) as {
  openapi: string;
  paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: { 'application/json': { schema: Json } } }> }>>;
  components: { schemas: Record<string, Json> };
};
const routes = ROUTES as Route[];
const tmp = mkdtempSync(join(tmpdir(), 'wy-server-'));
const servers: Server[] = [];
after(async () => {
  for (const s of servers) await s.close();
});
const start = async (options: Json = {}): Promise<Server> => {
  const s = (await startReferenceServer(options)) as Server;
  servers.push(s);
  return s;
};

// Response schemas, with the document's component refs pointing into one added schema.
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema({ $id: 'https://wuye-kit.dev/openapi/components', $defs: doc.components.schemas } as never);
const rewrite = (schema: Json): Json => JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', 'https://wuye-kit.dev/openapi/components#/$defs/'));
for (const [name, s] of Object.entries(doc.components.schemas)) doc.components.schemas[name] = rewrite(s);
ajv.removeSchema('https://wuye-kit.dev/openapi/components');
ajv.addSchema({ $id: 'https://wuye-kit.dev/openapi/components', $defs: doc.components.schemas } as never);

/** The documented path template a concrete path matches, with its operation. */
function documented(method: string, path: string) {
  const parts = path.split('/').filter(Boolean);
  for (const [template, ops] of Object.entries(doc.paths)) {
    const segs = template.split('/').filter(Boolean);
    if (segs.length === parts.length && segs.every((s, i) => s.startsWith('{') || s === decodeURIComponent(parts[i]!))) {
      const op = ops[method.toLowerCase()];
      if (op) return { template, op };
    }
  }
  return undefined;
}

function checkAnswer(method: string, path: string, status: number, body: string): string | undefined {
  const d = documented(method, path);
  if (!d) return `${method} ${path} is not documented`;
  const r = d.op.responses[String(status)];
  if (!r) return `${method} ${d.template} answered ${status}, which is not documented (documented: ${Object.keys(d.op.responses).join(', ')})`;
  const schema = r.content?.['application/json'].schema;
  if (!schema) return undefined;
  const validateBody = ajv.compile(rewrite(schema));
  return validateBody(JSON.parse(body)) ? undefined : `${method} ${d.template} ${status}: ${ajv.errorsText(validateBody.errors)} in ${body.slice(0, 300)}`;
}

test('the OpenAPI file documents exactly the routes the server serves', () => {
  assert.equal(doc.openapi, '3.1.0');
  const fromDoc = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p} ${ops[m]!.operationId}`)).sort();
  const fromServer = routes.map((r) => `${r.method} ${r.path} ${r.operation === 'due' ? 'dueTimers' : r.operation === 'command' ? 'findCommand' : r.operation}`).sort();
  assert.deepEqual(fromServer, fromDoc);
  // And the server answers every documented route (not with "no such route").
  assert.ok(routes.length >= 7);
});

test('a complaint journey through HttpStore: every answer matches the documented schema for its status', async () => {
  const s = await start();
  const problems: string[] = [];
  const seen = new Set<string>();
  const recording: FetchLike = async (url, init) => {
    const res = await fetch(url, init as RequestInit);
    const text = await res.text();
    const path = new URL(url).pathname;
    const d = documented(init.method, path);
    seen.add(`${init.method} ${d?.template ?? path} ${res.status}`);
    const problem = checkAnswer(init.method, path, res.status, text);
    if (problem) problems.push(problem);
    return { status: res.status, headers: res.headers, text: async () => text };
  };
  const store = new HttpStore({ baseUrl: s.url, fetch: recording, sleep: async () => {} });
  let now = Date.parse('2026-10-16T09:30:00+08:00');
  const engine = createEngine({ definitions: Object.values(builtinDefinitions), store, clock: () => now });
  const receptionist: Actor = { id: 'E1001', name: '周敏', roles: ['receptionist'] };
  const specialist: Actor = { id: 'E2001', name: '李娜', roles: ['specialist'] };
  const data = {
    recordNo: 'SZ-HY-202610-0001', kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'phone', officeId: 'SZ-HY',
    complainant: { type: 'owner', name: '王女士', phone: '13812345678' }, category: 'efficiency', severity: 'serious',
    subject: '报修三次未上门 <script>alert(1)</script>', description: '厨房下水道堵塞，已报修三次。',
  };
  assert.ok((await engine.start('complaint', { id: 'C/1 ?#', data, commandId: 'cmd-start' }, receptionist)).ok);
  const r = await engine.send('C/1 ?#', { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: 'cmd-register' }, receptionist);
  assert.ok(r.ok, JSON.stringify(r));
  const again = await engine.send('C/1 ?#', { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: 'cmd-register' }, receptionist);
  assert.ok(again.ok && again.duplicate, 'the same command twice is a duplicate');
  assert.ok((await engine.send('C/1 ?#', { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } } }, specialist)).ok);
  assert.equal((await store.load('C/1 ?#'))?.data['subject'], data.subject, 'hostile text is stored as text');
  assert.ok((await store.history('C/1 ?#')).length >= 3);
  await store.timers('C/1 ?#');
  now += 400 * 86_400_000;
  await engine.tick(now);
  assert.equal(await store.load('missing'), undefined);
  assert.equal(await store.findCommand('C/1 ?#', 'never'), undefined);
  assert.ok(await store.findCommand('C/1 ?#', 'cmd-start'));
  assert.equal(await store.findCommand('another', 'cmd-start'), undefined, 'keys are per instance');
  // A stale write: 409/412 with the actual version, documented too.
  const snap = (await store.load('C/1 ?#'))!;
  await assert.rejects(store.commit({ instanceId: 'C/1 ?#', expectedVersion: snap.version - 1, snapshot: { ...snap, version: snap.version }, audit: [], timers: [] }), ConflictError);
  assert.deepEqual(problems, []);
  for (const want of ['GET /instances/{id} 200', 'GET /instances/{id} 404', 'POST /instances/{id}/commits 200', 'GET /instances/{id}/audit 200', 'GET /instances/{id}/timers 200', 'GET /timers/due 200', 'GET /instances/{id}/commands/{key} 200', 'GET /instances/{id}/commands/{key} 404']) {
    assert.ok(seen.has(want), `the journey exercised ${want}; saw ${[...seen].join(', ')}`);
  }
  assert.ok([...seen].some((x) => /^POST \/instances\/\{id\}\/commits 41[2]|^POST \/instances\/\{id\}\/commits 409/.test(x)), 'a conflict was answered');
});

test('bad requests get documented error answers, and nothing is written', async () => {
  const s = await start();
  const call = async (method: string, path: string, body?: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${s.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, ...(body === undefined ? {} : { body }) });
    return { status: res.status, text: await res.text(), headers: res.headers };
  };
  for (const [method, path, body, status] of [
    ['GET', '/timers/due', undefined, 400],
    ['GET', '/timers/due?now=abc', undefined, 400],
    ['GET', '/timers/due?now=1&limit=0', undefined, 400],
    ['POST', '/instances/X/commits', '{not json', 400],
    ['POST', '/instances/X/commits', '[1,2]', 400],
    ['POST', '/instances/X/commits', JSON.stringify({ instanceId: 'X', expectedVersion: 0, snapshot: { id: 'Y', version: 1 }, audit: [], timers: [] }), 422],
  ] as const) {
    const r = await call(method, path, body, { 'idempotency-key': 'k1' });
    assert.equal(r.status, status, `${method} ${path} ${body ?? ''}`);
    assert.equal(checkAnswer(method, path.split('?')[0]!, r.status, r.text), undefined);
  }
  assert.equal((await call('GET', '/instances/X')).status, 404, 'the refused commits wrote nothing');
  assert.equal((await call('GET', '/instances/X/commands/k1')).status, 404, 'and stored no idempotency key');
  const wrong = await call('DELETE', '/instances/X');
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'GET');
  assert.equal((await call('GET', '/nope')).status, 404);
  const big = await call('POST', '/instances/X/commits', `{"pad":"${'x'.repeat(1_100_000)}"}`);
  assert.equal(big.status, 413);
});

/** A raw request, so `..` reaches the server as written (fetch would normalise it). */
const raw = (base: string, path: string, method = 'GET') =>
  new Promise<{ status: number; body: string; type: string | undefined }>((resolve, reject) => {
    const u = new URL(base);
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });

test('--static serves a folder beside the API, and nothing outside it', async () => {
  const dir = join(tmp, 'site');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>portal</title>');
  writeFileSync(join(dir, 'sub', 'app.js'), 'export const x = 1;');
  writeFileSync(join(tmp, 'secret.txt'), 'secret');
  const s = await start({ base: '/api/workflow', static: dir });
  assert.equal(s.apiUrl, `${s.url}/api/workflow`);
  const home = await raw(s.url, '/');
  assert.equal(home.status, 200);
  assert.match(home.type ?? '', /^text\/html/);
  assert.match(home.body, /portal/);
  const js = await raw(s.url, '/sub/app.js');
  assert.match(js.type ?? '', /^text\/javascript/);
  for (const path of ['/../secret.txt', '/sub/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/sub/%2e%2e%2f%2e%2e%2fsecret.txt']) {
    const r = await raw(s.url, path);
    assert.ok(r.status === 403 || r.status === 404, `${path} answered ${r.status}`);
    assert.doesNotMatch(r.body, /secret/);
  }
  assert.equal((await raw(s.url, '/sub/app.js', 'POST')).status, 405);
  assert.equal((await raw(s.url, '/api/workflow/health')).status, 200);
  assert.equal((await raw(s.url, '/api/workflow/instances/nope')).status, 404);
  // The API under its base still passes the store contract's basics.
  const store = new HttpStore({ baseUrl: s.apiUrl, sleep: async () => {} });
  assert.equal(await store.load('nope'), undefined);
});

test('npm run serve (.scripts/serve.mjs) keeps instances in its SQLite file across restarts', async () => {
  const db = join(tmp, 'data', 'workflow.sqlite');
  const launch = () =>
    new Promise<{ url: string; stop: () => Promise<number | null> }>((resolve, reject) => {
      const child = spawn(process.execPath, ['.scripts/serve.mjs', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /API\s+(http:\/\/127\.0\.0\.1:\d+\/api\/workflow)/.exec(out);
        if (m) resolve({ url: m[1]!, stop: () => new Promise((done) => (child.once('exit', (code) => done(code)), child.kill('SIGTERM'))) });
      });
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
    });
  const first = await launch();
  const engine = createEngine({ definitions: Object.values(builtinDefinitions), store: new HttpStore({ baseUrl: first.url, sleep: async () => {} }) });
  const data = {
    recordNo: 'SZ-HY-202610-0002', kind: 'complaint', receivedAt: '2026-10-16T09:30:00+08:00', channel: 'visit', officeId: 'SZ-HY',
    complainant: { type: 'owner', name: '李先生', phone: '13812345678' }, category: 'efficiency', severity: 'serious', subject: '电梯异响', description: '3 栋电梯运行有异响。',
  };
  const started = await engine.start('complaint', { id: 'C2', data }, { id: 'E1001', name: '周敏', roles: ['receptionist'] });
  assert.ok(started.ok, JSON.stringify(started));
  assert.equal(await first.stop(), 0, 'SIGTERM stops it cleanly');
  const second = await launch();
  try {
    const again = new HttpStore({ baseUrl: second.url, sleep: async () => {} });
    assert.equal((await again.load('C2'))?.data['subject'], '电梯异响');
    assert.equal((await again.history('C2')).length, 1);
  } finally {
    await second.stop();
  }
});

test('serve refuses bad arguments with a usage line', async () => {
  for (const args of [['--port', 'abc'], ['--static', join(tmp, 'missing')], ['--base', 'no-slash'], ['--bogus']]) {
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ['.scripts/serve.mjs', ...args], { stdio: 'ignore' });
      child.once('exit', resolve);
    });
    assert.equal(code, 2, args.join(' '));
  }
});
