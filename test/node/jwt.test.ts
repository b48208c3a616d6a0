// Trusting a host's JWT (`wuye-kit serve`, auth.jwt): tokens signed with throwaway keys. A good
// token maps its claims to the actor; an expired, unsigned (alg none), foreign-key, wrong-issuer
// or wrong-audience token, or none at all, gives no actor. The same through HTTP (401) is in
// serve.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { SignJWT, UnsecuredJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { jwtAuthenticate, JwtConfigError } from '../../src/cli/jwt.js';

type Keys = Awaited<ReturnType<typeof generateKeyPair>>;
let host: Keys;
let foreign: Keys;
let jwks: Server;
let jwksUrl = '';
let jwksHits = 0;

before(async () => {
  host = await generateKeyPair('RS256');
  foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(host.publicKey)), kid: 'host-1', alg: 'RS256', use: 'sig' };
  jwks = createServer((_req, res) => {
    jwksHits++;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((r) => jwks.listen(0, '127.0.0.1', () => r()));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as { port: number }).port}/.well-known/jwks.json`;
});
after(() => new Promise<void>((r) => jwks.close(() => r())));

const claims = { name: '周敏', roles: ['ROLE_FRONTDESK', 'ROLE_OTHER'], dept: { office: 'SZ-HY' } };
const sign = (key: Keys['privateKey'], opts: { kid?: string; exp?: string | number; iss?: string; aud?: string; sub?: string } = {}) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: opts.kid ?? 'host-1' })
    .setSubject(opts.sub ?? 'E1001')
    .setIssuer(opts.iss ?? 'https://portal.example')
    .setAudience(opts.aud ?? 'wuye-kit')
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? '10m')
    .sign(key);
const req = (token?: string, extra: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/api/workflow/instances', { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra } });

const trust = () =>
  jwtAuthenticate({
    jwksUrl,
    issuer: 'https://portal.example',
    audience: 'wuye-kit',
    claims: { office: 'dept.office' },
    roleMap: { ROLE_FRONTDESK: ['receptionist', 'staff'] },
  });

test('a good token signed by the host key (found in its JWKS) maps claims to the actor', async () => {
  const actor = await trust()(req(await sign(host.privateKey)));
  assert.deepEqual(actor, { id: 'E1001', name: '周敏', roles: ['receptionist', 'staff'], office: 'SZ-HY' });
  assert.ok(jwksHits >= 1, 'the keys came from the JWKS URL');
});

test('expired, unsigned (alg none), foreign-key, wrong issuer, wrong audience or missing tokens give no actor', async () => {
  const auth = trust();
  const reasons: string[] = [];
  const logged = jwtAuthenticate({ jwksUrl, issuer: 'https://portal.example', audience: 'wuye-kit', onReject: (r) => reasons.push(r) });
  const expired = await sign(host.privateKey, { exp: Math.floor(Date.now() / 1000) - 3600 });
  const none = new UnsecuredJWT({ ...claims, sub: 'E1001' }).setIssuer('https://portal.example').setAudience('wuye-kit').setExpirationTime('10m').encode();
  const foreignSameKid = await sign(foreign.privateKey);
  const foreignOtherKid = await sign(foreign.privateKey, { kid: 'attacker' });
  const wrongIss = await sign(host.privateKey, { iss: 'https://evil.example' });
  const wrongAud = await sign(host.privateKey, { aud: 'someone-else' });
  // A token whose payload was edited after signing (roles raised) no longer verifies.
  const good = await sign(host.privateKey);
  const [h, p, s] = good.split('.');
  const raised = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), roles: ['hq-manager'] })).toString('base64url');
  const tampered = `${h}.${raised}.${s}`;
  for (const [name, token] of Object.entries({ expired, none, foreignSameKid, foreignOtherKid, wrongIss, wrongAud, tampered })) {
    assert.equal(await auth(req(token)), null, name);
    assert.equal(await logged(req(token)), null, name);
  }
  assert.equal(await auth(req()), null, 'no token');
  assert.equal(await auth(req(undefined, { authorization: 'Basic ZTE6cHc=' })), null, 'another scheme');
  assert.ok(reasons.some((r) => /ERR_JWT_EXPIRED/.test(r)), reasons.join('\n'));
  assert.ok(reasons.some((r) => /ERR_JOSE_ALG_NOT_ALLOWED|ERR_JWS_INVALID/.test(r)), reasons.join('\n'));
  assert.ok(reasons.some((r) => /ERR_JWS_SIGNATURE_VERIFICATION_FAILED/.test(r)), reasons.join('\n'));
});

test('a shared secret (HS256) and a PEM public key work the same way; a token from a cookie too', async () => {
  const secret = 'a-shared-secret-of-at-least-32-bytes-long!';
  const hs = jwtAuthenticate({ secret, cookie: 'host_jwt' });
  const token = await new SignJWT({ roles: 'specialist staff' }).setProtectedHeader({ alg: 'HS256' }).setSubject('E2001').setExpirationTime('5m').sign(new TextEncoder().encode(secret));
  assert.deepEqual(await hs(req(token)), { id: 'E2001', name: 'E2001', roles: ['specialist', 'staff'] });
  assert.deepEqual(await hs(req(undefined, { cookie: `other=1; host_jwt=${token}` })), { id: 'E2001', name: 'E2001', roles: ['specialist', 'staff'] });
  const wrong = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('E2001').setExpirationTime('5m').sign(new TextEncoder().encode('another-secret-of-at-least-32-bytes!!'));
  assert.equal(await hs(req(wrong)), null);
  // A token without exp is refused: the host must bound its tokens' life.
  const forever = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('E2001').sign(new TextEncoder().encode(secret));
  assert.equal(await hs(req(forever)), null);
  // An RS256 token is not accepted where HS256 is configured (no algorithm confusion).
  assert.equal(await hs(req(await sign(host.privateKey))), null);

  const pem = jwtAuthenticate({ publicKey: await exportSPKI(host.publicKey), algorithms: ['RS256'] });
  assert.equal((await pem(req(await sign(host.privateKey))))?.id, 'E1001');
  assert.equal(await pem(req(await sign(foreign.privateKey))), null);
});

test('unsafe trust settings are refused when the service starts', () => {
  assert.throws(() => jwtAuthenticate({}), JwtConfigError);
  assert.throws(() => jwtAuthenticate({ secret: 'short' }), /32 bytes/);
  assert.throws(() => jwtAuthenticate({ secret: 'x'.repeat(40), algorithms: ['none'] }), /never accepted/);
  assert.throws(() => jwtAuthenticate({ secret: 'x'.repeat(40), algorithms: ['RS256'] }), /HS256/);
  assert.throws(() => jwtAuthenticate({ jwksUrl: 'http://keys.example/jwks.json' }), /https/);
  assert.throws(() => jwtAuthenticate({ jwksUrl, secret: 'x'.repeat(40) }), /exactly one/);
});
