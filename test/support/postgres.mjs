// A throwaway PostgreSQL cluster for tests and benchmarks: initdb into a temp folder, start it on
// a free loopback port with its socket in that folder, stop it and delete the folder at the end.
// initdb refuses to run as root, so as root the cluster runs as the `postgres` system user (which
// Debian's postgresql package creates). Reuses WY_PG_URL when it is set (a cluster someone else
// started). Missing binaries are an error that says what to install, never a silent skip.
import { spawnSync, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, chmodSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const INSTALL_HINT = 'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them with `apt-get install postgresql` (Debian/Ubuntu), or point PG_BIN at the folder that holds them, or set WY_PG_URL to a database server the tests may create databases on.';

/** The folder holding initdb and pg_ctl: PG_BIN, then /usr/lib/postgresql/<newest>/bin, then PATH. */
export function findPgBin() {
  const candidates = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  if (existsSync('/usr/lib/postgresql')) {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(`/usr/lib/postgresql/${v}/bin`);
  }
  for (const dir of candidates) if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  return undefined;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. */
function run(bin, args) {
  const quoted = [bin, ...args].map((a) => `'${String(a).replaceAll("'", "'\\''")}'`).join(' ');
  const r = isRoot()
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', quoted], { encoding: 'utf8' })
    : spawnSync(bin, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin.split('/').pop()} failed (${r.status}): ${(r.stderr || r.stdout || String(r.error ?? '')).trim()}`);
  return r.stdout;
}

/**
 * Starts a cluster (or reuses WY_PG_URL). Resolves with `{ url, stop() }`; `url` points at the
 * `postgres` database of a superuser `wy` with trust authentication on 127.0.0.1.
 */
export async function startPostgres({ log = false } = {}) {
  if (process.env.WY_PG_URL) return { url: process.env.WY_PG_URL, reused: true, stop() {} };
  const bin = findPgBin();
  if (!bin) throw new Error(INSTALL_HINT);
  if (isRoot() && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    throw new Error('Running as root, but there is no `postgres` system user to run initdb as (initdb refuses root). Install the server with `apt-get install postgresql`, which creates that user.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'wy-pg-'));
  if (isRoot()) {
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()), Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
    chmodSync(dir, 0o700);
  }
  const data = join(dir, 'data');
  const port = await freePort();
  try {
    run(join(bin, 'initdb'), ['-D', data, '-U', 'wy', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    // Small and fast: no fsync (a test cluster is thrown away), enough connections for the
    // scale-out test (4 processes × their pools + the test itself).
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  } catch (err) {
    let tail = '';
    try {
      tail = readFileSync(join(dir, 'log'), 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      /* no log yet */
    }
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start a test PostgreSQL cluster: ${err.message}${tail ? `\n${tail}` : ''}`);
  }
  if (log) console.log(`PostgreSQL test cluster on 127.0.0.1:${port} (${dir})`);
  let stopped = false;
  return {
    url: `postgres://wy@127.0.0.1:${port}/postgres`,
    reused: false,
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** `url` with its database replaced by `name`. */
export function withDatabase(url, name) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let shared;
let dbCounter = 0;

/**
 * For a test file: the cluster named by WY_PG_URL (test/run.mjs starts one for the whole run), or
 * one this process starts on first use and stops when it exits. Each call makes a fresh database
 * on it and resolves with its URL.
 */
export async function freshDatabase(prefix = 't') {
  if (!shared) {
    shared = startPostgres();
    const cluster = await shared;
    if (!cluster.reused) process.on('exit', () => cluster.stop());
  }
  const cluster = await shared;
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${dbCounter++}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  return withDatabase(cluster.url, name);
}
