// wuye-kit/server's command API against its OpenAPI file (schemas/workflow-api.openapi.json):
// the same routes both ways, every documented status served and every answer valid against the
// documented schema; then the behaviours: ETag/304, If-Match, paginated and filtered lists, the
// change feed resumed with Last-Event-ID, timers fired only by the server's tick, non-Latin-1 ids,
// and an instance this server cannot load degrading on its own.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { createWorkflowHandler, WORKFLOW_ROUTES } from '../../src/server/index.js';
import { MemoryStore, builtinDefinitions, type WorkflowStore } from '../../src/workflow/index.js';
import { startTestServer, complaintRecord, type TestServer } from '../support/workflow-api.js';

type Json = Record<string, unknown>;
interface Operation {
  operationId: string;
  responses: Record<string, { content?: Record<string, { schema: Json }> }>;
}
const doc = JSON.parse(readFileSync('schemas/workflow-api.openapi.json', 'utf8')) as {
  openapi: string;
  security: unknown[];
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
};

const ajv = new Ajv2020({ strict: false, allErrors: true });
const rewrite = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('#/components/schemas/', 'https://wuye-kit.dev/workflow-api#/$defs/'));
ajv.addSchema({ $id: 'https://wuye-kit.dev/workflow-api', $defs: rewrite(doc.components.schemas) } as never);

/** The documented template a concrete path (relative to the base) matches. */
function template(path: string): string | undefined {
  const parts = path.split('?')[0]!.split('/').filter(Boolean);
  return Object.keys(doc.paths).find((t) => {
    const segs = t.split('/').filter(Boolean);
    return segs.length === parts.length && segs.every((s, i) => s.startsWith('{') || s === parts[i]);
  });
}

const seen = new Set<string>();
const problems: string[] = [];
let s: TestServer;

/** Calls the API, records (method template status) and checks the body against the document. */
async function call(...args: Parameters<TestServer['call']>) {
  const r = await s.call(...args);
  const [, method, path] = args;
  const t = template(path);
  const op = t ? doc.paths[t]![method.toLowerCase()] : undefined;
  const key = `${method} ${t ?? path} ${r.status}`;
  seen.add(key);
  if (r.status === 405) return r;
  const documented = op?.responses[String(r.status)];
  if (!documented) problems.push(`${key} is not documented`);
  else if (r.status !== 304 && !(t === '/feed' && r.status === 200)) {
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) problems.push(`${key}: no JSON schema documented`);
    else if (!ajv.validate(rewrite(schema), r.json)) problems.push(`${key}: ${ajv.errorsText(ajv.errors)} in ${r.text.slice(0, 200)}`);
    if (r.headers.get('content-type') !== 'application/json; charset=utf-8') problems.push(`${key}: content-type ${r.headers.get('content-type')}`);
    if (r.headers.get('cache-control') !== 'no-store') problems.push(`${key}: cache-control ${r.headers.get('cache-control')}`);
  }
  return r;
}

let id: string;
const enc = encodeURIComponent;
before(async () => {
  s = await startTestServer();
});
after(() => s.close());

test('the OpenAPI file is 3.1 with security schemes, and documents exactly the routes the handler serves', () => {
  assert.equal(doc.openapi, '3.1.0');
  assert.ok(doc.components.securitySchemes['sessionCookie'] && doc.components.securitySchemes['bearerToken']);
  assert.ok(doc.security.length >= 1);
  const fromDoc = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)).sort();
  const served = WORKFLOW_ROUTES.flatMap((r) => r.methods.map((m) => `${m} ${r.path}`)).sort();
  assert.deepEqual(served, fromDoc);
});

test('a complaint journey: start, read with ETag, act, history, duplicates and conflicts', async () => {
  const start = await call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(1), commandId: '开始-1' });
  assert.equal(start.status, 201, start.text);
  id = start.json.snapshot.id;
  assert.equal(start.json.duplicate, false);
  assert.deepEqual(start.json.snapshot.firstReceiver, { id: 'E1001', name: '周敏' });
  assert.ok(start.json.actions.some((a: { event: string }) => a.event === 'register'));
  const again = await call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(1), commandId: '开始-1' });
  assert.equal(again.status, 200);
  assert.equal(again.json.duplicate, true);
  assert.equal(again.json.snapshot.id, id);

  const got = await call('reception', 'GET', `/instances/${enc(id)}`);
  assert.equal(got.status, 200);
  assert.equal(got.headers.get('etag'), '"1"');
  assert.equal((await call('reception', 'GET', `/instances/${enc(id)}`, undefined, { 'if-none-match': '"1"' })).status, 304);

  const reg = await call('reception', 'POST', `/instances/${enc(id)}/events`, { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: '登记' }, { 'if-match': '"1"' });
  assert.equal(reg.status, 200, reg.text);
  assert.equal(reg.json.snapshot.state, 'registered');
  assert.equal(reg.headers.get('etag'), '"2"');
  assert.deepEqual(reg.json.clocks.map((c: { id: string; status: string }) => [c.id, c.status]), [['reply', 'running'], ['close', 'running']]);
  const dup = await call('reception', 'POST', `/instances/${enc(id)}/events`, { type: 'register', payload: { category: 'efficiency', severity: 'serious' }, commandId: '登记' });
  assert.equal(dup.json.duplicate, true);
  const stale = await call('specialist', 'POST', `/instances/${enc(id)}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } } }, { 'if-match': '"1"' });
  assert.equal(stale.status, 409);
  assert.equal(stale.json.error.currentVersion, 2);
  const dispatch = await call('specialist', 'POST', `/instances/${enc(id)}/events`, { type: 'dispatch', payload: { handler: { id: 'E3001', name: '王强' } }, expectedVersion: 2 });
  assert.equal(dispatch.status, 200);
  const bad = await call('specialist', 'POST', `/instances/${enc(id)}/events`, { type: 'transfer', payload: { handler: 'nobody' } });
  assert.equal(bad.status, 422);
  assert.ok(bad.json.error.fields.length > 0);
  const wrongRole = await call('reception', 'POST', '/instances', { definitionId: 'internal-inspection', data: {} });
  assert.equal(wrongRole.status, 403);
  assert.equal(wrongRole.json.error.code, 'role-not-allowed');

  const h = await call('handler', 'GET', `/instances/${enc(id)}/history`);
  assert.equal(h.status, 200);
  assert.deepEqual(h.json.items.map((a: { event: string }) => a.event), ['start', 'register', 'dispatch']);
  const defs = await call('handler', 'GET', '/definitions');
  assert.deepEqual(defs.json.items.map((d: { id: string }) => d.id).sort(), Object.keys(builtinDefinitions).sort());
});

test('lists: filters, assigned to me, overdue at server time, pages with a cursor', async () => {
  for (let n = 2; n <= 7; n++) {
    const r = await call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(n, n === 7 ? { officeId: 'BJ-CY' } : {}) });
    assert.equal(r.status, 201);
    s.now += 1000;
  }
  const all: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const q: string = `/instances?definition=complaint&limit=2${cursor ? `&cursor=${enc(cursor)}` : ''}`;
    const page = await call('specialist', 'GET', q);
    assert.equal(page.status, 200);
    assert.ok(page.json.items.length <= 2);
    all.push(...page.json.items.map((x: { id: string }) => x.id));
    cursor = page.json.nextCursor;
    pages++;
  } while (cursor && pages < 10);
  assert.equal(all.length, 6, 'six SZ-HY complaints; BJ-CY hidden by authorize');
  assert.equal(new Set(all).size, 6);
  const mine = await call('handler', 'GET', '/instances?assigned=me');
  assert.deepEqual(mine.json.items.map((x: { id: string }) => x.id), [id]);
  assert.deepEqual(mine.json.items[0].assignee, { id: 'E3001', name: '王强' });
  assert.equal(mine.json.items[0].office, 'SZ-HY');
  assert.equal((await call('specialist', 'GET', '/instances?state=dispatched')).json.items.length, 1);
  assert.equal((await call('specialist', 'GET', '/instances?office=BJ-CY')).json.items.length, 0);
  assert.equal((await call('foreign', 'GET', '/instances?office=BJ-CY')).json.items.length, 1);
  assert.equal((await call('specialist', 'GET', '/instances?overdue=true')).json.items.length, 0);
  assert.equal((await call('specialist', 'GET', `/instances?updatedSince=${s.now + 1}`)).json.items.length, 0);
  for (const q of ['limit=0', 'limit=201', 'limit=abc', 'overdue=yes', 'assigned=you', 'cursor=garbage', 'sort=id', 'updatedSince=-1']) {
    const r = await call('specialist', 'GET', `/instances?${q}`);
    assert.equal(r.status, 422, q);
  }
});

/** Reads SSE events from the feed until `count` change events arrived. */
async function readFeed(headers: Record<string, string>, count: number, query = '') {
  const ac = new AbortController();
  const res = await fetch(`${s.api}/feed${query}`, { headers: { cookie: 'session=s-specialist', ...headers }, signal: ac.signal });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/event-stream; charset=utf-8');
  seen.add('GET /feed 200');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const events: { id: string; data: Json }[] = [];
  const deadline = setTimeout(() => ac.abort(), 10_000);
  try {
    while (events.length < count) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      let i: number;
      while ((i = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, i);
        text = text.slice(i + 2);
        const lines = Object.fromEntries(block.split('\n').filter((l) => !l.startsWith(':') && l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1).trim()]));
        if (lines['event'] === 'change') events.push({ id: lines['id']!, data: JSON.parse(lines['data']!) as Json });
      }
    }
  } finally {
    clearTimeout(deadline);
    ac.abort();
  }
  return events;
}

test('the change feed: live changes, resumed after Last-Event-ID, timers fired by the server tick', async () => {
  const live = readFeed({}, 2);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal((await call('handler', 'POST', `/instances/${enc(id)}/events`, { type: 'accept' })).status, 200);
  const other = await call('reception', 'POST', '/instances', { definitionId: 'complaint', data: complaintRecord(8) });
  const events = await live;
  assert.deepEqual(events.map((e) => [e.data['instanceId'], e.data['type'], e.data['state']]), [[id, 'transition', 'handling'], [other.json.snapshot.id, 'started', 'received']]);
  assert.deepEqual(Object.keys(events[0]!.data).sort(), ['definitionId', 'instanceId', 'state', 'type', 'version']);
  // Resume after the first: only the second comes again, then a timer fired by the server.
  const resumed = readFeed({ 'last-event-id': events[0]!.id }, 2);
  s.now += 30 * 86_400_000;
  const tick = await s.handler.tick();
  assert.ok(tick.fired > 0);
  const again = await resumed;
  assert.equal(again[0]!.id, events[1]!.id);
  assert.equal(again[1]!.data['type'], 'timer');
  const byQuery = await readFeed({}, 1, `?lastEventId=${events[0]!.id}`);
  assert.equal(byQuery[0]!.id, events[1]!.id);
  const overdue = await call('specialist', 'GET', '/instances?overdue=true');
  assert.ok(overdue.json.items.length >= 1);
  const feedBad = await call('specialist', 'GET', '/feed', undefined, { 'last-event-id': 'abc' });
  assert.equal(feedBad.status, 422);
});

test('non-Latin-1 ids work; an instance this server cannot load fails alone', async () => {
  const r = await s.handler.engine.start('complaint', { id: '投诉/1 ?#', data: complaintRecord(9) }, { id: 'E1001', name: '周敏', roles: ['receptionist'] });
  assert.ok(r.ok);
  const got = await call('specialist', 'GET', `/instances/${enc('投诉/1 ?#')}`);
  assert.equal(got.status, 200);
  assert.equal(got.json.snapshot.id, '投诉/1 ?#');
  // An instance of a definition this server does not run (e.g. retired).
  const orphan = { ...got.json.snapshot, id: 'ORPHAN', definitionId: 'retired', version: 1, auditCount: 1 };
  await s.store.commit({ instanceId: 'ORPHAN', expectedVersion: 0, snapshot: orphan, audit: [{ instanceId: 'ORPHAN', seq: 1, at: 0, kind: 'start', event: 'start', from: null, to: 'received', actor: { id: 'x', name: 'x', roles: [] }, effects: [], definitionVersion: 1 }], timers: [] });
  const broken = await call('specialist', 'GET', '/instances/ORPHAN');
  assert.equal(broken.status, 500);
  assert.equal(broken.json.error.code, 'instance-unavailable');
  const list = await call('specialist', 'GET', '/instances?limit=200');
  assert.equal(list.status, 200);
  assert.ok(list.json.items.some((x: { id: string }) => x.id === 'ORPHAN'));
  assert.ok(list.json.items.some((x: { id: string }) => x.id === id));
});

test('every route answers 401 without a session, 403 for a foreign origin, 500 without internal text, 405 for another method', async () => {
  const concrete = (p: string) => p.replace('{id}', enc(id));
  for (const [p, ops] of Object.entries(doc.paths)) {
    for (const m of Object.keys(ops)) {
      const method = m.toUpperCase();
      const body = method === 'POST' ? {} : undefined;
      assert.equal((await call(null, method, concrete(p), body)).status, 401);
      assert.equal((await call('specialist', method, concrete(p), body, { origin: 'https://evil.example' })).status, 403);
      const boom = await call('boom', method, concrete(p), body);
      assert.equal(boom.status, 500);
      assert.doesNotMatch(boom.text, /SQLITE|session\.db/);
    }
  }
  const wrong = await call('specialist', 'DELETE', `/instances/${enc(id)}`);
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'GET');
  // Bodies: malformed, too large, not JSON, unknown definition, unknown instance.
  assert.equal((await call('specialist', 'POST', '/instances', '{oops')).status, 400);
  assert.equal((await call('specialist', 'POST', '/instances', JSON.stringify({ definitionId: 'complaint', data: { pad: 'x'.repeat(300_000) } }))).status, 413);
  assert.equal((await call('specialist', 'POST', '/instances', 'definitionId=complaint', { 'content-type': 'text/plain' })).status, 415);
  assert.equal((await call('specialist', 'POST', '/instances', { definitionId: 'nope' })).status, 404);
  assert.equal((await call('specialist', 'POST', '/instances/nope/events', { type: 'x' })).status, 404);
  assert.equal((await call('specialist', 'GET', '/instances/nope/history')).status, 404);
  assert.equal((await call('specialist', 'GET', '/instances/nope')).status, 404);
  const invalid = await call('reception', 'POST', '/instances', { definitionId: 'complaint', data: { ...complaintRecord(10), severity: 'apocalyptic' } });
  assert.equal(invalid.status, 422);
  assert.equal(invalid.json.error.refusal, 'invalid-fields');
  assert.ok(invalid.json.error.fields.some((f: { path: string }) => f.path.includes('severity')));
  assert.equal((await call('specialist', 'POST', `/instances/${enc(id)}/events`, '{oops')).status, 400);
  assert.equal((await call('specialist', 'POST', `/instances/${enc(id)}/events`, { type: 'x', payload: 'y'.repeat(300_000) })).status, 413);
  assert.equal((await call('specialist', 'POST', `/instances/${enc(id)}/events`, 'x', { 'content-type': 'text/plain' })).status, 415);
  assert.equal((await call('foreign', 'GET', `/instances/${enc(id)}/history`)).status, 403);
  assert.equal((await call('foreign', 'GET', `/instances/${enc(id)}`)).status, 403);
});

test('every documented status was served, and every answer matched its documented schema', () => {
  assert.deepEqual(problems, []);
  const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).flatMap(([m, op]) => Object.keys(op.responses).map((st) => `${m.toUpperCase()} ${p} ${st}`)));
  const missing = documented.filter((d) => !seen.has(d));
  assert.deepEqual(missing, [], 'documented but never served');
});

test('createWorkflowHandler refuses a missing authenticate and a store without feed or list', () => {
  const definitions = Object.values(builtinDefinitions);
  assert.throws(() => createWorkflowHandler({ definitions, store: new MemoryStore() } as never), /authenticate/);
  const bare: WorkflowStore = { load: async () => undefined, commit: async () => ({ status: 'committed', version: 1 }), history: async () => [], dueTimers: async () => [], timers: async () => [], findCommand: async () => undefined };
  assert.throws(() => createWorkflowHandler({ definitions, store: bare, authenticate: () => null }), /change feed and list/);
});
