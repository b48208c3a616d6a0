// One "server process" of the scale-out test (test/node/postgres-scale.test.ts): the workflow
// engine over PostgresStore on the shared database, taking commands from the parent over IPC and
// ticking timers every 50 ms, as a server with a ticker does. Mode `claim` only claims the due
// timers (a lease) and reports it, to be killed holding them.
import { createEngine, ConflictError, type Actor, type WorkflowDefinition } from '../../src/workflow/index.js';
import { PostgresStore } from '../../src/server/postgres-store.js';
import { SCALE_DEFINITION } from './pg-scale-definition.js';

const [url, mode = 'serve', leaseMs = '2000'] = process.argv.slice(2);
const store = new PostgresStore({ connectionString: url!, timerLeaseMs: Number(leaseMs), poolSize: 6 });
const engine = createEngine({ definitions: [SCALE_DEFINITION as WorkflowDefinition], store });
const actor: Actor = { id: `agent-${process.pid}`, name: '值班客服', roles: ['agent'] };

interface Command {
  readonly req: number;
  readonly kind: 'start' | 'send';
  readonly instanceId: string;
  readonly commandId: string;
  readonly event?: string;
}

async function run(c: Command) {
  // Without an expected version a conflict only means another process moved the instance first:
  // decide again on the new version (the command's key keeps a retry from applying it twice).
  for (let attempt = 0; ; attempt++) {
    try {
      const r =
        c.kind === 'start'
          ? await engine.start(SCALE_DEFINITION.id, { id: c.instanceId, commandId: c.commandId, data: {} }, actor)
          : await engine.send(c.instanceId, { type: c.event!, commandId: c.commandId }, actor);
      return r.ok ? { ok: true, version: r.snapshot.version, duplicate: r.duplicate } : { ok: false, code: r.code };
    } catch (err) {
      if (err instanceof ConflictError && attempt < 50) continue;
      throw err;
    }
  }
}

if (mode === 'claim') {
  const claimed = await store.dueTimers(Date.now(), 10_000);
  process.send!({ claimed: claimed.length });
  setInterval(() => {}, 1 << 30); // hold on until killed
} else {
  process.on('message', (c: Command) => {
    run(c).then(
      (result) => process.send!({ req: c.req, result }),
      (err: unknown) => process.send!({ req: c.req, error: String(err) }),
    );
  });
  let ticking = false;
  setInterval(() => {
    if (ticking) return;
    ticking = true;
    engine
      .tick()
      .catch(() => {}) // a conflict storm on one instance: the timer stays pending, the next tick fires it
      .finally(() => (ticking = false));
  }, 50);
  process.send!({ ready: true });
}
