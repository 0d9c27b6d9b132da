#!/usr/bin/env node
// `npm test`: type check, lint, the unit and integration suites (SQLite and, when reachable or
// in CI, PostgreSQL), then the browser suite. Stops at the first failing stage.
import { spawnSync } from 'node:child_process';

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '.']],
  ['unit and integration', 'npx', ['vitest', 'run']],
  ['browser', 'npx', ['vitest', 'run', '--config', 'e2e/vitest.config.ts']],
];
const only = process.argv[2];
for (const [name, cmd, args] of stages) {
  if (only && only !== name) continue;
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s ===`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
