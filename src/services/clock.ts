import { randomUUID } from 'node:crypto';

/** Timestamps are ISO-8601 UTC strings written by the app, identical on both databases. */
export const nowIso = (): string => new Date().toISOString();

/** Random, non-sequential ids: nothing in a URL can be guessed from another. */
export const newId = (): string => randomUUID();
