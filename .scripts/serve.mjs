#!/usr/bin/env node
// npm run serve: the reference REST server for HttpStore (test/support/reference-server.mjs) on a
// SQLite file, so a page using `new HttpStore({ baseUrl: 'http://127.0.0.1:8787/api/workflow' })`
// keeps its workflow instances across restarts. The protocol: schemas/http-store.openapi.json.
//
//   node .scripts/serve.mjs [--port 8787] [--host 127.0.0.1] [--db .data/workflow.sqlite]
//                           [--base /api/workflow] [--static <dir>] [--cors <origin>]
//
// --static serves a folder (a demo page, the built dist/) at / beside the API; same origin, so
// the page needs no CORS. The database folder is created when missing (.data/ is not committed).
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startReferenceServer } from '../test/support/reference-server.mjs';

const usage = 'usage: npm run serve -- [--port 8787] [--host 127.0.0.1] [--db .data/workflow.sqlite] [--base /api/workflow] [--static <dir>] [--cors <origin>]';
let values;
try {
  ({ values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.PORT ?? '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      db: { type: 'string', default: '.data/workflow.sqlite' },
      base: { type: 'string', default: '/api/workflow' },
      static: { type: 'string' },
      cors: { type: 'string' },
      page: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (err) {
  console.error(`${err.message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, not "${values.port}"\n${usage}`);
  process.exit(2);
}
if (values.base !== '' && !/^\/[\w\-./]*[^/]$/.test(values.base)) {
  console.error(`--base must be a path such as /api/workflow, not "${values.base}"`);
  process.exit(2);
}
let staticDir;
if (values.static !== undefined) {
  staticDir = resolve(values.static);
  try {
    if (!statSync(staticDir).isDirectory()) throw new Error('not a folder');
  } catch (err) {
    console.error(`--static ${values.static}: ${err.code ?? err.message}`);
    process.exit(2);
  }
}
const file = values.db === ':memory:' ? ':memory:' : resolve(values.db);
if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });

let server;
try {
  server = await startReferenceServer({ file, base: values.base, static: staticDir, host: values.host, port, cors: values.cors });
} catch (err) {
  console.error(err.code === 'EADDRINUSE' ? `port ${port} on ${values.host} is in use: pass --port` : `cannot start: ${err.message}`);
  process.exit(1);
}
console.log(`wuye-kit reference server
  API       ${server.apiUrl}   (HttpStore baseUrl; protocol: schemas/http-store.openapi.json)
  database  ${file}${staticDir ? `\n  static    ${server.url}/   ← ${staticDir}` : ''}
Ctrl+C stops it.`);
if (values.page) console.log(`\n  Open ${server.url}${values.page}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    process.exit(0);
  });
}
