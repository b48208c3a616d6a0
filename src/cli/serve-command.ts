// `wuye-kit serve` and `wuye-kit demo`: start, print where, run until stopped.
import { packageSchemasDir } from './shipped.js';
import { dirname } from 'node:path';
import { startDemo } from './demo.js';
import { readServeConfig, ServeConfigError, startService } from './serve.js';
import type { CliIo } from './main.js';
import type { CliTextKey } from './messages.js';

export interface ServeArgs {
  readonly config?: string | undefined;
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly db?: string | undefined;
  readonly root?: string | undefined;
  readonly embedded?: boolean | undefined;
}

export async function runService(
  command: 'serve' | 'demo',
  args: ServeArgs,
  io: CliIo,
  t: (key: CliTextKey, params?: Record<string, string | number>) => string,
  abs: (f: string) => string,
  until: () => Promise<void>,
): Promise<number> {
  const port = args.port === undefined ? undefined : Number(args.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    io.err(`${t('err.arg', { detail: `--port ${args.port}` })}\n`);
    return 2;
  }
  let running: { close(): Promise<void> };
  try {
    if (command === 'serve') {
      if (!args.config) {
        io.err(`${t('serve.noConfig')}\n`);
        return 2;
      }
      const { config, dir } = readServeConfig(abs(args.config));
      const merged = port !== undefined || args.host !== undefined ? { ...config, listen: { ...config.listen, ...(port !== undefined ? { port } : {}), ...(args.host !== undefined ? { host: args.host } : {}) } } : config;
      const s = await startService(merged, dir, io.env, (line) => io.err(`${line}\n`));
      io.out(`${t('serve.running', { api: s.apiUrl, db: /^postgres/.test(config.database) ? config.database.replace(/\/\/[^@/]*@/, '//***@') : config.database })}\n`);
      running = s;
    } else {
      const d = await startDemo({
        root: args.root !== undefined ? abs(args.root) : dirname(packageSchemasDir()),
        ...(args.db !== undefined ? { db: args.db === ':memory:' || /^postgres(ql)?:\/\//.test(args.db) ? args.db : abs(args.db) } : {}),
        ...(args.host !== undefined ? { host: args.host } : {}),
        ...(port !== undefined ? { port } : {}),
        ...(args.embedded ? { embedded: true } : {}),
      });
      io.out(`${t(args.embedded ? 'demo.embedded' : 'demo.running', { url: d.url, db: d.db })}\n`);
      running = d;
    }
  } catch (err) {
    if (err instanceof ServeConfigError) {
      io.err(`${t('serve.config', { detail: err.message })}\n`);
      return 2;
    }
    const e = err as { code?: string; port?: number; message?: string };
    io.err(`${e.code === 'EADDRINUSE' ? t('serve.inUse', { port: e.port ?? args.port ?? '' }) : t('serve.start', { detail: e.message ?? String(err) })}\n`);
    return 1;
  }
  await until();
  await running.close();
  return 0;
}
