// A server process for test/bench/postgres.bench.mjs: node:http + createWorkflowHandler over
// PostgresStore (`postgres://…`) or SqliteStore (a file path), on a free loopback port, which it
// sends to its parent over IPC. Benchmark sign-in: the `x-bench-user` header names the actor.
import { createServer } from 'node:http';
import { builtinDefinitions } from '../../../src/workflow/index.js';
import { createWorkflowHandler, PostgresStore, SqliteStore, toNodeListener } from '../../../src/server/index.js';

const target = process.argv[2]!;
const store = /^postgres(ql)?:\/\//.test(target) ? new PostgresStore({ connectionString: target, poolSize: 8 }) : new SqliteStore({ file: target });
await store.migrate();
const people: Record<string, { id: string; name: string; roles: string[] }> = {
  r: { id: 'E1', name: '周敏', roles: ['receptionist'] },
  s: { id: 'E2', name: '李娜', roles: ['specialist', 'centre-head'] },
};
const handler = createWorkflowHandler({ definitions: [builtinDefinitions.complaint!], store, authenticate: (req) => people[req.headers.get('x-bench-user') ?? ''] ?? null });
const server = createServer(toNodeListener(handler));
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as { port: number }).port }));
process.on('disconnect', () => process.exit(0));
