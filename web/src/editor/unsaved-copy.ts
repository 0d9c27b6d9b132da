import { canonicalJson } from '../../../src/domain/canonical.ts';
import type { Report } from '../../../src/domain/report-schema.ts';

/**
 * A local copy of edits the server may not have received, kept in localStorage under the report
 * id and the version the edits were made on ("khcn:unsaved:<id>:v<version>"). Written on every
 * edit, removed once the server has everything; offered back on the next load otherwise.
 */
export interface UnsavedCopy {
  baseVersion: number;
  report: Report;
  savedAt: string;
}

const PREFIX = 'khcn:unsaved:';
const keyOf = (id: string, baseVersion: number) => `${PREFIX}${id}:v${baseVersion}`;
const keysFor = (storage: Storage, id: string): string[] => {
  const out: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(`${PREFIX}${id}:v`)) out.push(k);
  }
  return out;
};

export function clearUnsaved(storage: Storage | undefined, id: string): void {
  if (!storage) return;
  for (const k of keysFor(storage, id)) storage.removeItem(k);
}

export function writeUnsaved(storage: Storage | undefined, id: string, baseVersion: number, report: Report, now = new Date()): void {
  if (!storage) return;
  const key = keyOf(id, baseVersion);
  for (const k of keysFor(storage, id)) if (k !== key) storage.removeItem(k);
  try {
    storage.setItem(key, JSON.stringify({ baseVersion, report, savedAt: now.toISOString() } satisfies UnsavedCopy));
  } catch {
    // Storage full or disabled: the keepalive save on leaving still runs.
  }
}

/** The newest local copy of a report, if any. */
export function readUnsaved(storage: Storage | undefined, id: string): UnsavedCopy | undefined {
  if (!storage) return undefined;
  let best: UnsavedCopy | undefined;
  for (const k of keysFor(storage, id)) {
    try {
      const copy = JSON.parse(storage.getItem(k) ?? '') as UnsavedCopy;
      if (typeof copy.baseVersion === 'number' && copy.report && (!best || copy.baseVersion > best.baseVersion)) best = copy;
    } catch {
      storage.removeItem(k);
    }
  }
  return best;
}

/**
 * What to do with a local copy when the report loads: nothing when the server already has the
 * same content (the save on leaving arrived), otherwise offer it back. A copy made on an older
 * version than the server's goes through the usual conflict handling when restored.
 */
export function pendingCopy(storage: Storage | undefined, id: string, server: { report: Report; version: number }): UnsavedCopy | undefined {
  const copy = readUnsaved(storage, id);
  if (!copy) return undefined;
  if (copy.baseVersion > server.version || canonicalJson(copy.report) === canonicalJson(server.report)) {
    clearUnsaved(storage, id);
    return undefined;
  }
  return copy;
}

export const browserStorage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
};
