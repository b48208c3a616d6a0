// The command API (createWorkflowHandler) on PostgresStore, two handlers on one database as two
// server processes would have: a command through one is read through the other, a stale version
// is a 409, and the other handler's change feed hears the commit at once through LISTEN/NOTIFY
// (its polling is set to a minute, so only the notification can deliver it in time).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorkflowHandler, PostgresStore, type WorkflowHandler } from '../../src/server/index.js';
import { builtinDefinitions } from '../../src/workflow/index.js';
import { complaintRecord, PEOPLE } from '../support/workflow-api.js';
// @ts-expect-error: a plain .mjs helper without types
import { freshDatabase } from '../support/postgres.mjs';

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of closers.reverse()) await c();
});

async function server(url: string): Promise<WorkflowHandler> {
  const store = new PostgresStore({ connectionString: url });
  await store.migrate();
  const handler = createWorkflowHandler({
    definitions: Object.values(builtinDefinitions),
    store,
    feed: { pollMs: 60_000, heartbeatMs: 60_000 },
    authenticate: () => PEOPLE['reception']!,
  });
  closers.push(async () => {
    await handler.close();
    await store.close();
  });
  return handler;
}

const json = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1/api/workflow${path}`, { method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });

test('two handlers on one PostgreSQL: commands, conflicts and a change feed woken by NOTIFY', { timeout: 60_000 }, async () => {
  const url = (await freshDatabase('handler')) as string;
  const [a, b] = [await server(url), await server(url)];

  // A feed opened on A before anything happens.
  const feed = await a(json('GET', '/feed'));
  assert.equal(feed.status, 200);
  const reader = feed.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const until = async (needle: string, ms: number) => {
    const deadline = Date.now() + ms;
    while (!text.includes(needle)) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (!chunk || chunk.done) return text.includes(needle);
      text += decoder.decode(chunk.value);
    }
    return true;
  };
  assert.ok(await until(': connected', 5000), 'the feed opened');

  const started = await b(json('POST', '/instances', { definitionId: 'complaint', data: complaintRecord(1), commandId: 'c-1' }));
  assert.equal(started.status, 201);
  const view = (await started.json()) as { snapshot: { id: string; version: number } };
  const id = view.snapshot.id;
  assert.ok(await until(`"instanceId":"${id}"`, 5000), 'A’s feed heard B’s commit without waiting for its poll');

  const read = await a(json('GET', `/instances/${encodeURIComponent(id)}`));
  assert.equal(read.status, 200);
  assert.equal(read.headers.get('etag'), `"${view.snapshot.version}"`);
  const again = await a(json('POST', '/instances', { definitionId: 'complaint', data: complaintRecord(1), commandId: 'c-1' }));
  assert.equal(again.status, 200, 'the same command through the other process is a duplicate');
  assert.equal(((await again.json()) as { snapshot: { id: string } }).snapshot.id, id);
  const stale = await a(json('POST', `/instances/${encodeURIComponent(id)}/events`, { type: 'register', payload: {}, expectedVersion: view.snapshot.version + 5 }));
  assert.equal(stale.status, 409);
  assert.equal(((await stale.json()) as { error: { code: string } }).error.code, 'conflict');
  await reader.cancel();
});
