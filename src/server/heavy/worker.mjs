// Entry of the heavy-work worker threads (pool.ts). The sources are TypeScript run through tsx,
// as in bin/khcn.js; a worker thread has its own module loader, so tsx is registered here too.
// Plain JavaScript on purpose: this file must load before any TypeScript can.
import { register } from 'tsx/esm/api';

register();
const { runTask } = await import('./tasks.ts');

export default runTask;
