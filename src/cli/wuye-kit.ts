// The `wuye-kit` executable (package.json "bin" → dist/cli/wuye-kit.js, built with a
// `#!/usr/bin/env node` banner). Everything it does is in main.ts.
import { main } from './main.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`wuye-kit: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
