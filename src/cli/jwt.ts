// Trusting a host's session from another stack (Java, .NET, PHP): the host signs a JWT for its
// signed-in user; `wuye-kit serve` verifies it with jose against the host's JWKS URL, a public key
// or a shared secret, and maps its claims to the kit's actor. The browser never names its actor:
// a request without a valid token (missing, expired, not yet valid, unsigned `alg: none`, signed
// with another key, wrong issuer or audience) has no actor, and the API answers 401.
import { createRemoteJWKSet, importSPKI, jwtVerify, errors, type JWTPayload, type JWTVerifyGetKey, type KeyObject } from 'jose';
import type { Actor } from '../workflow/types.js';

/** An actor as `authenticate` returns it: the kit's Actor plus the office the person works in. */
export interface HostActor extends Actor {
  readonly office?: string;
}

/** Where each actor field is read in the token's claims (a dotted path: `realm_access.roles`). */
export interface ClaimMap {
  /** Default `sub`. */
  readonly id?: string;
  /** Default `name` (falls back to the id). */
  readonly name?: string;
  /** Default `roles`: an array, or a string of roles separated by spaces or commas. */
  readonly roles?: string;
  /** Default `office`; optional in the token. */
  readonly office?: string;
}

export interface JwtTrustOptions {
  /** The host's JWKS URL (keys fetched, cached and refreshed by jose on an unknown `kid`). */
  readonly jwksUrl?: string;
  /** A shared secret (HMAC, HS256/384/512); at least 32 bytes. */
  readonly secret?: string;
  /** A PEM public key (SPKI, `-----BEGIN PUBLIC KEY-----`). */
  readonly publicKey?: string;
  /** Accepted algorithms. Default: HS256 for a secret; RS256, PS256, ES256 and EdDSA for keys. `none` is never accepted. */
  readonly algorithms?: readonly string[];
  /** Required `iss`, when set. */
  readonly issuer?: string;
  /** Required `aud` (one of), when set. */
  readonly audience?: string | readonly string[];
  /** Tolerated clock skew in seconds; default 30. */
  readonly clockToleranceSec?: number;
  /** Where the token is: the `Authorization: Bearer` header (default) and/or a cookie of this name. */
  readonly cookie?: string;
  readonly claims?: ClaimMap;
  /** Host role names → the kit's role ids (`{"ROLE_CS_FRONTDESK": "receptionist"}`). When given, roles not in the map are dropped. */
  readonly roleMap?: Readonly<Record<string, string | readonly string[]>>;
  /** Called with the reason a token was refused (for the host's log); the answer stays 401. */
  readonly onReject?: (reason: string) => void;
}

export class JwtConfigError extends Error {
  override readonly name = 'JwtConfigError';
}

const KEY_ALGS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

function claim(payload: JWTPayload, path: string): unknown {
  let v: unknown = payload;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

function tokenOf(request: Request, cookie: string | undefined): string | undefined {
  const auth = request.headers.get('authorization');
  const m = auth ? /^Bearer\s+([\w-]+\.[\w-]*\.[\w-]*)\s*$/i.exec(auth) : null;
  if (m) return m[1];
  if (cookie) {
    for (const part of (request.headers.get('cookie') ?? '').split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === cookie) return part.slice(eq + 1).trim() || undefined;
    }
  }
  return undefined;
}

/**
 * `authenticate` for `createWorkflowHandler` from a host's JWT. Exactly one of `jwksUrl`, `secret`
 * or `publicKey`. Resolves null (→ 401) for every token it cannot verify.
 */
export function jwtAuthenticate(options: JwtTrustOptions): (request: Request) => Promise<HostActor | null> {
  const sources = [options.jwksUrl, options.secret, options.publicKey].filter((x) => x !== undefined);
  if (sources.length !== 1) throw new JwtConfigError('JWT trust needs exactly one of jwksUrl, secret or publicKey');
  if (options.algorithms?.some((a) => a.toLowerCase() === 'none')) throw new JwtConfigError('the algorithm "none" (unsigned tokens) is never accepted');
  let key: Promise<Uint8Array | KeyObject | CryptoKey> | JWTVerifyGetKey;
  let algorithms: string[];
  if (options.secret !== undefined) {
    const bytes = new TextEncoder().encode(options.secret);
    if (bytes.length < 32) throw new JwtConfigError('a shared JWT secret must be at least 32 bytes');
    algorithms = [...(options.algorithms ?? ['HS256'])];
    if (algorithms.some((a) => !/^HS(256|384|512)$/.test(a))) throw new JwtConfigError('a shared secret verifies HS256, HS384 or HS512 only');
    key = Promise.resolve(bytes);
  } else if (options.publicKey !== undefined) {
    algorithms = [...(options.algorithms ?? ['RS256'])];
    if (algorithms.length !== 1) throw new JwtConfigError('a public key needs exactly one algorithm (e.g. ["RS256"])');
    key = importSPKI(options.publicKey, algorithms[0]!);
    (key as Promise<unknown>).catch(() => undefined); // reported at the first request, and by checkJwtTrust
  } else {
    let url: URL;
    try {
      url = new URL(options.jwksUrl!);
    } catch {
      throw new JwtConfigError(`jwksUrl is not a URL: ${options.jwksUrl}`);
    }
    if (url.protocol !== 'https:' && !['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
      throw new JwtConfigError('jwksUrl must use https (http only for 127.0.0.1/localhost)');
    }
    algorithms = [...(options.algorithms ?? KEY_ALGS)];
    if (algorithms.some((a) => a.startsWith('HS'))) throw new JwtConfigError('a JWKS verifies public-key algorithms only (not HS*)');
    key = createRemoteJWKSet(url);
  }
  const claims = { id: 'sub', name: 'name', roles: 'roles', office: 'office', ...options.claims };
  const reject = options.onReject ?? (() => undefined);
  const verifyOptions = {
    algorithms,
    requiredClaims: ['exp'],
    clockTolerance: options.clockToleranceSec ?? 30,
    ...(options.issuer !== undefined ? { issuer: options.issuer } : {}),
    ...(options.audience !== undefined ? { audience: typeof options.audience === 'string' ? options.audience : [...options.audience] } : {}),
  };

  return async (request: Request) => {
    const token = tokenOf(request, options.cookie);
    if (!token) return null;
    let payload: JWTPayload;
    try {
      const r = typeof key === 'function' ? await jwtVerify(token, key, verifyOptions) : await jwtVerify(token, await key, verifyOptions);
      payload = r.payload;
    } catch (err) {
      reject(err instanceof errors.JOSEError ? `${err.code}: ${err.message}` : String(err));
      return null;
    }
    const id = claim(payload, claims.id);
    if (typeof id !== 'string' && typeof id !== 'number') {
      reject(`claim ${claims.id} (the actor id) is missing`);
      return null;
    }
    const rawName = claim(payload, claims.name);
    const rawRoles = claim(payload, claims.roles);
    const list = Array.isArray(rawRoles) ? rawRoles.filter((r): r is string => typeof r === 'string') : typeof rawRoles === 'string' ? rawRoles.split(/[\s,]+/).filter(Boolean) : [];
    const roles = [...new Set(list.flatMap((r) => (!options.roleMap ? [r] : Object.prototype.hasOwnProperty.call(options.roleMap, r) ? [options.roleMap[r]!].flat() : [])))];
    const office = claim(payload, claims.office);
    return {
      id: String(id),
      name: typeof rawName === 'string' && rawName !== '' ? rawName : String(id),
      roles,
      ...(typeof office === 'string' && office !== '' ? { office } : {}),
    };
  };
}
