#!/usr/bin/env node
// Entry point of the `khcn` command. TypeScript sources run through tsx's loader,
// so the same files serve `npx khcn`, `npm start` and the tests without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
