// wuye-kit/server as a host imports it: the package's own name through its exports map (the built
// dist/, never src/), types included, mounted on node:http with SqliteStore in a temp folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Server from '../../src/server/index.js';
import type * as Workflow from '../../src/workflow/index.js';

test('wuye-kit/server resolves to dist/server with types, and serves a start and a refusal over node:http', async () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, { types: string; default: string }> };
  assert.equal(pkg.exports['./server']?.types, './dist/server/index.d.ts');
  assert.ok(existsSync('dist/server/index.d.ts') && existsSync('dist/server/index.js'));
  const server = (await import('wuye-kit/server' as string)) as typeof Server;
  const workflow = (await import('wuye-kit/workflow' as string)) as typeof Workflow;
  const dir = mkdtempSync(join(tmpdir(), 'wy-dist-server-'));
  const store = new server.SqliteStore({ file: join(dir, 'w.sqlite') });
  await store.migrate();
  const handler = server.createWorkflowHandler({
    definitions: Object.values(workflow.builtinDefinitions),
    store,
    authenticate: (req) => (req.headers.get('authorization') === 'Bearer demo' ? { id: 'E1001', name: '周敏', roles: ['receptionist'] } : null),
  });
  const http = createServer(server.toNodeListener(handler));
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(http.address() as { port: number }).port}/api/workflow`;
  try {
    const anon = await fetch(`${base}/definitions`);
    assert.equal(anon.status, 401);
    const record = (JSON.parse(readFileSync('schemas/examples/complaint.valid.json', 'utf8')) as Record<string, unknown>[])[0]!;
    const { firstReceiver: _f, handler: _h, ...data } = record;
    const started = await fetch(`${base}/instances`, { method: 'POST', headers: { authorization: 'Bearer demo', 'content-type': 'application/json' }, body: JSON.stringify({ definitionId: 'complaint', data, commandId: 'c1' }) });
    assert.equal(started.status, 201, await started.clone().text());
    const view = (await started.json()) as { snapshot: { id: string; firstReceiver: unknown } };
    assert.deepEqual(view.snapshot.firstReceiver, { id: 'E1001', name: '周敏' });
    const registered = await fetch(`${base}/instances/${encodeURIComponent(view.snapshot.id)}/events`, { method: 'POST', headers: { authorization: 'Bearer demo', 'content-type': 'application/json' }, body: JSON.stringify({ type: 'register', payload: { category: 'efficiency', severity: 'serious' } }) });
    assert.equal(registered.status, 200, await registered.clone().text());
    const refused = await fetch(`${base}/instances/${encodeURIComponent(view.snapshot.id)}/events`, { method: 'POST', headers: { authorization: 'Bearer demo', 'content-type': 'application/json' }, body: JSON.stringify({ type: 'dispatch', payload: { handler: { id: 'E1001', name: '周敏' } } }) });
    assert.equal(refused.status, 403);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'role-not-allowed');
  } finally {
    await handler.close();
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
