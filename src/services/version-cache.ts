import { Report } from '../domain/report-schema.ts';

/**
 * Parsed report bodies by (report id, version). A version is never rewritten — every save makes a
 * new one — so its parsed body can be shared. Validating a body with zod on every read was ~6% of
 * GET /api/reports/:id; the Department reads submitted reports many times. Cached objects are
 * frozen so that a caller mutating a shared report fails loudly instead of corrupting others.
 */
const MAX_ENTRIES = 2000;
// Per database: two stores in one process (tests, benches) may hold the same ids.
const caches = new WeakMap<object, Map<string, Report>>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function parsedVersion(store: object, reportId: string, version: number, body: string): Report {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  const key = `${reportId}@${version}`;
  const hit = cache.get(key);
  if (hit) {
    // Refresh recency: Map keeps insertion order, so the oldest entry is first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const report = deepFreeze(Report.parse(JSON.parse(body)));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(key, report);
  return report;
}

/**
 * Records that `version` has the same body as an already parsed report (a status transition
 * makes a new version without changing the body), so the read that follows needs no parse.
 */
export function rememberVersion(store: object, reportId: string, version: number, report: Report): void {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  cache.set(`${reportId}@${version}`, deepFreeze(report));
}
