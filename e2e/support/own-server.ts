import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { startServer } from './global-setup.ts';

export interface OwnServer {
  readonly baseUrl: string;
  readonly browser: Browser;
}

/**
 * For a test file that changes what the other files rely on (opens a newer cycle, records an
 * approval): its own server and database for the whole file, and a browser, started before its
 * tests and stopped after them. The fields are read inside tests, once `beforeAll` has run.
 */
export function useOwnServer(): OwnServer {
  let stop: (() => Promise<void>) | undefined;
  const world = { baseUrl: '', browser: undefined as unknown as Browser };
  beforeAll(async () => {
    const server = await startServer();
    world.baseUrl = server.baseUrl;
    stop = server.stop;
    world.browser = await launch();
  });
  afterAll(async () => {
    await world.browser?.close();
    await stop?.();
  });
  return world;
}
