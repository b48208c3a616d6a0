// `wuye-kit serve --config wuye.config.json`: the command API as a service beside a non-Node
// backend that signs JWTs for its users. Tokens are signed here with throwaway keys: a good one
// works (its claims are the actor), an expired, unsigned (alg none) or foreign-key one gets 401.
// The built CLI is started as a host would start it; config mistakes are reported by field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT, exportJWK, generateKeyPair } from 'jose';
import { readServeConfig, startService, ServeConfigError, type RunningService } from '../../src/cli/serve.js';

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
const dir = mkdtempSync(join(tmpdir(), 'wy-serve-'));
let host: Keys;
let foreign: Keys;
let jwks: Server;
let jwksUrl = '';
let service: RunningService;

const complaint = {
  recordNo: 'SZ-HY-202611-0901', kind: 'complaint', receivedAt: '2026-11-27T09:00:00+08:00', channel: 'phone', officeId: 'SZ-HY', project: '华苑花园',
  building: '1栋', unit: '1单元', room: '101', complainant: { type: 'owner', name: '李先生', phone: '13900000000', anonymous: false }, concern: 'service',
  category: 'management', severity: 'minor', emergency: false, repeat: false, subject: '楼道灯不亮', description: '12 楼楼道灯不亮一周。',
  meta: { idempotencyKey: 'serve-test-1', createdAt: '2026-11-27T09:00:00+08:00' },
};

const token = (key: Keys['privateKey'], claims: Record<string, unknown> = {}, exp: string | number = '10m', kid = 'k1') =>
  new SignJWT({ name: '周敏', groups: ['CS_FRONTDESK'], office: 'SZ-HY', ...claims })
    .setProtectedHeader({ alg: 'ES256', kid })
    .setSubject('E1001')
    .setIssuer('https://erp.example')
    .setAudience('wuye-kit')
    .setExpirationTime(exp)
    .sign(key);

before(async () => {
  host = await generateKeyPair('ES256');
  foreign = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(host.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  jwks = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`;
  writeFileSync(
    join(dir, 'wuye.config.json'),
    JSON.stringify({
      listen: { host: '127.0.0.1', port: 0 },
      definitions: ['builtin:complaint'],
      calendar: ['builtin:cn-2026'],
      database: 'data/workflow.sqlite',
      allowedOrigins: ['https://portal.example'],
      auth: { jwt: { jwksUrl, issuer: 'https://erp.example', audience: 'wuye-kit', claims: { roles: 'groups' }, roleMap: { CS_FRONTDESK: ['receptionist', 'staff'] } } },
    }),
  );
  const { config, dir: base } = readServeConfig(join(dir, 'wuye.config.json'));
  // The database folder is made by the host; the service creates the file.
  const { mkdirSync } = await import('node:fs');
  mkdirSync(join(dir, 'data'), { recursive: true });
  service = await startService(config, base);
});
after(async () => {
  await service?.close();
  await new Promise<void>((r) => jwks.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const call = (path: string, bearer?: string, init: RequestInit = {}) =>
  fetch(`${service.apiUrl}${path}`, { ...init, headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(init.headers as Record<string, string>) } });

test('a good token works: its claims are the actor (roles mapped), definitions and calendar come from the config', async () => {
  const good = await token(host.privateKey);
  const defs = await call('/definitions', good);
  assert.equal(defs.status, 200);
  assert.deepEqual(((await defs.json()) as { items: { id: string }[] }).items.map((d) => d.id), ['complaint']);
  const started = await call('/instances', good, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ definitionId: 'complaint', data: complaint, commandId: 'c-1' }) });
  assert.equal(started.status, 201, await started.clone().text());
  const view = (await started.json()) as { snapshot: { firstReceiver: { id: string; name: string } } };
  assert.deepEqual(view.snapshot.firstReceiver, { id: 'E1001', name: '周敏' });
  assert.ok(existsSync(join(dir, 'data', 'workflow.sqlite')), 'the database is where the config says, relative to the config file');
});

test('expired, unsigned (alg none), foreign-key and missing tokens get 401; nothing is stored', async () => {
  const expired = await token(host.privateKey, {}, Math.floor(Date.now() / 1000) - 600);
  const none = new UnsecuredJWT({ sub: 'E1001', groups: ['CS_FRONTDESK'] }).setIssuer('https://erp.example').setAudience('wuye-kit').setExpirationTime('10m').encode();
  const foreignKey = await token(foreign.privateKey);
  const foreignKid = await token(foreign.privateKey, {}, '10m', 'other');
  for (const [name, t] of Object.entries({ expired, none, foreignKey, foreignKid, missing: undefined })) {
    const r = await call('/instances', t, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ definitionId: 'complaint', data: { ...complaint, recordNo: 'SZ-HY-202611-0902' }, commandId: `c-${name}` }) });
    assert.equal(r.status, 401, name);
    assert.equal((await call('/instances', t)).status, 401, name);
  }
  const list = (await (await call('/instances?definition=complaint', await token(host.privateKey))).json()) as { items: unknown[] };
  assert.equal(list.items.length, 1, 'only the good token\'s instance');
});

test('allowed origins: a page on another origin is refused; an allowed one gets CORS headers and its preflight', async () => {
  const good = await token(host.privateKey);
  const fine = await call('/definitions', good, { headers: { origin: 'https://portal.example' } });
  assert.equal(fine.status, 200);
  assert.equal(fine.headers.get('access-control-allow-origin'), 'https://portal.example');
  const evil = await call('/definitions', good, { headers: { origin: 'https://evil.example' } });
  assert.equal(evil.status, 403);
  assert.equal(evil.headers.get('access-control-allow-origin'), null);
  const preflight = (origin: string) => call('/instances', undefined, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' } });
  const p1 = await preflight('https://portal.example');
  assert.equal(p1.status, 204);
  assert.match(p1.headers.get('access-control-allow-headers') ?? '', /authorization/);
  assert.equal((await preflight('https://evil.example')).status, 403);
});

test('config mistakes are reported by field, before anything starts', () => {
  const bad = (name: string, config: unknown, pattern: RegExp) => {
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(config));
    assert.throws(() => readServeConfig(f), (err: unknown) => err instanceof ServeConfigError && pattern.test(err.message), name);
  };
  const auth = { jwt: { secretEnv: 'WY_SECRET' } };
  bad('no-db.json', { auth }, /"database"/);
  bad('no-auth.json', { database: 'x.sqlite' }, /"auth\.jwt" is required/);
  bad('two-keys.json', { database: 'x.sqlite', auth: { jwt: { secretEnv: 'A', jwksUrl: 'https://x/jwks' } } }, /exactly one/);
  bad('typo.json', { database: 'x.sqlite', auth, alowedOrigins: [] }, /"alowedOrigins" is not a setting/);
  bad('origin.json', { database: 'x.sqlite', auth, allowedOrigins: ['https://portal.example/app'] }, /not an origin/);
  bad('claims.json', { database: 'x.sqlite', auth: { jwt: { secretEnv: 'A', claims: { role: 'groups' } } } }, /auth\.jwt\.claims\.role/);
  assert.throws(() => readServeConfig(join(dir, 'missing.json')), /ENOENT/);
});

test('the built CLI: `wuye-kit serve --config` starts, answers, refuses a missing secret, stops on SIGTERM', { skip: !existsSync('dist/cli/wuye-kit.js') && 'needs npm run build' }, async () => {
  const secret = 'a-shared-secret-of-at-least-32-bytes-long!';
  writeFileSync(join(dir, 'hs.config.json'), JSON.stringify({ listen: { port: 0 }, database: ':memory:', calendar: 'builtin:cn-2026', auth: { jwt: { secretEnv: 'WY_TEST_SECRET' } } }));
  const run = (env: Record<string, string>) => spawn(process.execPath, ['dist/cli/wuye-kit.js', 'serve', '--config', join(dir, 'hs.config.json'), '--locale', 'en'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  // Without the secret in the environment: a clear error, exit 2.
  const missing = run({});
  let err = '';
  missing.stderr.on('data', (d) => (err += d));
  const code = await new Promise<number | null>((r) => missing.on('exit', r));
  assert.equal(code, 2);
  assert.match(err, /WY_TEST_SECRET is not set/);

  const child = run({ WY_TEST_SECRET: secret });
  let out = '';
  child.stderr.on('data', (d) => (out += d));
  const api = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line: ${out}`)), 20_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = /API\s+(http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  try {
    const good = await new SignJWT({ roles: ['receptionist'] }).setProtectedHeader({ alg: 'HS256' }).setSubject('E1001').setExpirationTime('5m').sign(new TextEncoder().encode(secret));
    assert.equal((await fetch(`${api}/definitions`, { headers: { authorization: `Bearer ${good}` } })).status, 200);
    assert.equal((await fetch(`${api}/definitions`)).status, 401);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await new Promise<number | null>((r) => child.on('exit', r)), 0);
});
