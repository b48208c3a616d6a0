// One HTTP server process of the scale-out test (test/node/postgres-scale.test.ts): the command
// API (createWorkflowHandler + toNodeListener from wuye-kit/server) over PostgresStore on the
// shared database, on its own loopback port, ticking due timers every 50 ms as a server with a
// ticker does. It tells the parent its port over IPC and runs until killed.
import { createServer } from 'node:http';
import { createWorkflowHandler, toNodeListener, PostgresStore } from '../../src/server/index.js';
import { ConflictError, type WorkflowDefinition } from '../../src/workflow/index.js';
import { SCALE_DEFINITION } from './pg-scale-definition.js';

const [url, leaseMs = '2000'] = process.argv.slice(2);
const store = new PostgresStore({ connectionString: url!, timerLeaseMs: Number(leaseMs), poolSize: 8 });
const handler = createWorkflowHandler({
  definitions: [SCALE_DEFINITION as unknown as WorkflowDefinition],
  store,
  // The test's clients are agents; a bearer token names which one (a real host verifies its session).
  authenticate: (request) => {
    const m = /^Bearer (agent-\d+)$/.exec(request.headers.get('authorization') ?? '');
    return m ? { id: m[1]!, name: '值班客服', roles: ['agent'] } : null;
  },
  // A tick that lost a race on one instance leaves the timer pending for the next tick: not an error worth a line.
  onError: (error) => {
    if (!(error instanceof ConflictError)) process.stderr.write(`worker ${process.pid}: ${String(error)}\n`);
  },
});
handler.startTicker({ intervalMs: 50 });
const server = createServer(toNodeListener(handler));
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.send!({ ready: true, port: (server.address() as { port: number }).port });
});
