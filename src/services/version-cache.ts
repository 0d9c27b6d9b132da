import { parseStoredReport, type Report } from '../domain/report-schema.ts';

/**
 * Parsed report bodies by (report id, version), and their JSON text. A version is never rewritten
 * — every save makes a new one, a status transition keeps the body — so what is derived from its
 * body can be shared. Validating a body with zod on every read was ~6% of GET /api/reports/:id,
 * serialising it again ~9%, and reading the body column (a few KB, overflow pages) half of the
 * row query; the Department reads submitted reports many times. Cached objects are frozen so that
 * a caller mutating a shared report fails loudly instead of corrupting others.
 */
const MAX_ENTRIES = 2000;

interface Entry {
  report: Report;
  /** JSON.stringify(report), made on the first read that sends it. */
  json?: string;
}

// Per database: two stores in one process (tests, benches) may hold the same ids.
const caches = new WeakMap<object, Map<string, Entry>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function cacheOf(store: object): Map<string, Entry> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  return cache;
}

function entry(store: object, reportId: string, version: number): Entry | undefined {
  const cache = cacheOf(store);
  const key = `${reportId}@${version}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency: Map keeps insertion order, so the oldest entry is first.
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function remember(store: object, reportId: string, version: number, e: Entry): Entry {
  const cache = cacheOf(store);
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(`${reportId}@${version}`, e);
  return e;
}

/** The parsed version if it is cached: the caller then need not read its body at all. */
export const cachedVersion = (store: object, reportId: string, version: number): Report | undefined => entry(store, reportId, version)?.report;

export function parsedVersion(store: object, reportId: string, version: number, body: string): Report {
  return (entry(store, reportId, version) ?? remember(store, reportId, version, { report: deepFreeze(parseStoredReport(body)) })).report;
}

/** The JSON text of a version, `JSON.stringify(report)` made once for all its readers. */
export function versionJson(store: object, reportId: string, version: number, report: Report): string {
  const e = entry(store, reportId, version) ?? remember(store, reportId, version, { report: deepFreeze(report) });
  return (e.json ??= JSON.stringify(e.report));
}

/**
 * Records that `version` has the same body as an already parsed report (a status transition
 * makes a new version without changing the body), so the read that follows needs no parse.
 */
export function rememberVersion(store: object, reportId: string, version: number, report: Report): void {
  remember(store, reportId, version, { report: deepFreeze(report) });
}
